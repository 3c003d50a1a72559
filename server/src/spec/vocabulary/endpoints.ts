/**
 * The values a spec gives that the cluster commands send to a node: the host ssh
 * dials (a node's `address`, or `ssh.host`), the user it logs in as (`ssh.user`),
 * the port (`ssh.port`) and the page curl asks on the node for Stash's state (a
 * Stash resource's `status_url`). Each has one rule here, which the checker reports
 * by and the cluster library refuses by before anything is sent, so the two can
 * never disagree (the checker once read `0x8ae` as port 2222 while the connection
 * refused it).
 *
 * The rules are allow-lists, narrower than what ssh and curl would take: a host or
 * user that starts with `-` is an option to older clients (which also pass odd
 * names into a user's ProxyCommand), and a URL that is not http(s) lets curl,
 * running as root on the node, read files (`file://`) or other services. Pure; it
 * reports nothing itself.
 */
import { isIPv6 } from 'node:net';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BLANK_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]/;

/** The highest port number. */
export const MAX_PORT = 65535;

/**
 * A number written in decimal digits only (no sign, no blanks, no `0x`, `0o`, `.0` or
 * exponent) from `min` to `max`.
 */
export function parseDecimal(text: string, min: number, max: number): number | undefined {
  if (!/^[0-9]{1,16}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/**
 * An SSH port: decimal digits only, 1 to 65535. YAML reads `0x8ae` and `22.0` as the
 * numbers 2222 and 22, but ssh and a person reading the spec would not; ` 22` is a
 * quoted string with a blank in it.
 */
export function parsePort(text: string): number | undefined {
  return parseDecimal(text, 1, MAX_PORT);
}

const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const ZONE = /^[A-Za-z0-9_.-]+$/;

/** What `badHost` accepts, in words. */
export const HOST_RULE = "a host name or IP address (letters, digits, '.', '-' and '_', not starting with '-' or '.'; an IPv6 address in colon-hex form)";

/**
 * Why `text` cannot be the host ssh dials (or a corosync ring address), or
 * undefined when it can: a host name, an ssh config alias or an IPv4 address of
 * letters, digits, `.`, `-` and `_` not starting with `-` or `.`, or an IPv6
 * address (with a `%zone` when link-local).
 */
export function badHost(text: string): string | undefined {
  if (text === '') return 'it is empty';
  if (text.length > 253) return 'it is longer than the 253 characters of a host name';
  if (HOST_NAME.test(text)) return undefined;
  const percent = text.indexOf('%');
  const address = percent < 0 ? text : text.slice(0, percent);
  if (text.includes(':') && !text.startsWith('-') && !BLANK_OR_CONTROL.test(text)) {
    return isIPv6(address) && (percent < 0 || ZONE.test(text.slice(percent + 1))) ? undefined : 'it holds \':\' but is no IPv6 address';
  }
  return reason(text, /[A-Za-z0-9_.-]/);
}

const LOGIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@-]*$/;

/** What `badLoginUser` accepts, in words. */
export const LOGIN_USER_RULE = "a user name (letters, digits, '.', '-', '_' and '@' as in user@domain, not starting with '-', '.' or '@')";

/** Why `text` cannot be the user ssh logs in as, or undefined when it can. */
export function badLoginUser(text: string): string | undefined {
  if (text === '') return 'it is empty';
  if (text.length > 256) return 'it is longer than 256 characters';
  return LOGIN_NAME.test(text) ? undefined : reason(text, /[A-Za-z0-9_.@-]/);
}

/** What `badStatusUrl` accepts, in words. */
export const STATUS_URL_RULE = 'an http:// or https:// URL such as http://localhost:7990/status';

/**
 * Why `text` cannot be Stash's status page, or undefined when it can: an http or
 * https URL, without blanks or control characters (which the URL
 * parser would drop silently while curl gets the text as written).
 */
export function badStatusUrl(text: string): string | undefined {
  if (BLANK_OR_CONTROL.test(text)) return 'it holds a blank or a control character';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'it is not a URL';
  }
  // An http(s) URL always has a host: the URL parser refuses one without.
  return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : `its scheme is ${url.protocol.slice(0, -1)}, not http or https`;
}

/** The first thing wrong with a name outside its allow-list (`allowed`: one character of it), in words. */
function reason(text: string, allowed: RegExp): string {
  if (text.startsWith('-')) return "it starts with '-', which ssh would read as an option";
  if (BLANK_OR_CONTROL.test(text)) return 'it holds a blank or a control character';
  const odd = [...text].find((c) => !allowed.test(c));
  if (odd !== undefined) return `it holds ${JSON.stringify(odd)}`;
  return `it starts with '${text[0]}'`;
}
