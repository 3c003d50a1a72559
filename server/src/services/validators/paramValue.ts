/**
 * param-value: a value that is well typed but cannot work, judged the way the agent
 * itself judges it when it starts:
 *
 * - IPaddr2 (resource-agents' findif.sh): `ip` is an IPv4 address matching the
 *   agent's own pattern (first number 1–255, then 0–255) or, when it holds a colon,
 *   an IPv6 address (no prefix length: that goes in `cidr_netmask`); a link-local
 *   IPv6 address needs `nic`; `cidr_netmask` is 1–32 for IPv4 and 1–128 for IPv6
 *   (a dotted-quad IPv4 mask is converted by the agent, so it passes when it is a
 *   real mask); `broadcast` is an IPv4 address, `+` or `-`.
 * - Filesystem: `directory` is absolute; `device` is an absolute path, or mount's
 *   -U/-L/--uuid/--label form, unless `fstype` is one the agent does not treat as a
 *   block device (nfs, cifs, tmpfs, …) or `options` has `loop`.
 * - stash: `stash_home` and `stash_inst` are absolute, `stash_user` is a user name,
 *   `status_url` an http(s) URL. drbd: `drbdconf` is absolute.
 */
import { isIPv6 } from 'node:net';
import { ParamValue, paramValues, resourcesWithAgents } from '../../agents/specResources';
import { diag } from '../../spec/diagnostic';
import { badStatusUrl } from '../../spec/vocabulary';
import { Validator } from './types';

type Params = ReadonlyMap<string, ParamValue>;
/** Returns what is wrong and how to fix it, or undefined when the value can work. */
type Rule = (value: string, params: Params) => string | undefined;

const OCTET1 = '([1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])';
const OCTET0 = '([0-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])';
const IPV4 = new RegExp(`^${OCTET1}\\.${OCTET0}\\.${OCTET0}\\.${OCTET0}$`);

const isIPv4 = (s: string): boolean => IPV4.test(s);
const isIPv6Address = (s: string): boolean => /^[0-9A-Fa-f:]+$/.test(s) && isIPv6(s);
const ipOf = (params: Params): string => params.get('ip')?.text ?? '';

/** A dotted-quad IPv4 netmask as a prefix length, as findif.sh converts it; undefined if it is none. */
function dottedMaskPrefix(mask: string): number | undefined {
  if (!isIPv4(mask) && mask !== '0.0.0.0') return undefined;
  const bits = mask.split('.').reduce((n, b) => n * 256 + Number(b), 0);
  for (let prefix = 0; prefix <= 32; prefix++) {
    if (bits === 2 ** 32 - 2 ** (32 - prefix)) return prefix;
  }
  return undefined;
}

const absolute = (what: string): Rule => (value) =>
  value.startsWith('/') ? undefined : `${what} must be an absolute path (starting with /), not '${value}'.`;

/** fstypes Filesystem never treats as block devices (its set_blockdevice_var). */
const NOT_BLOCK = new Set(['nfs4', 'nfs', 'efs', 'smbfs', 'cifs', 'none', 'glusterfs', 'ceph', 'tmpfs',
  'overlay', 'overlayfs', 'rozofs', 'zfs', 'cvfs', 'lustre']);

const RULES = new Map<string, ReadonlyMap<string, Rule>>(Object.entries({
  'ocf:heartbeat:IPaddr2': {
    ip: (value, params) => {
      if (value.includes('/')) return `ip '${value}' holds a prefix length: write the address alone and put the prefix in cidr_netmask.`;
      if (value.includes(':')) {
        if (!isIPv6Address(value)) return `'${value}' is not an IPv6 address: write it in colon-hex form, e.g. 2001:db8::10.`;
        if (/^fe80:/i.test(value) && !params.get('nic')?.text) return `The link-local address '${value}' needs the interface: set nic.`;
        return undefined;
      }
      return isIPv4(value) ? undefined
        : `'${value}' is not an IPv4 address: write four numbers 0–255 (the first 1–255), e.g. 192.168.56.100.`;
    },
    cidr_netmask: (value, params) => {
      const v6 = ipOf(params).includes(':');
      const max = v6 ? 128 : 32;
      if (/^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= max) return undefined;
      if (!v6 && value.includes('.')) {
        const prefix = dottedMaskPrefix(value);
        return prefix !== undefined && prefix > 0 ? undefined
          : `cidr_netmask '${value}' is not a netmask: write the prefix length, 1 to 32 (e.g. 24 for 255.255.255.0).`;
      }
      return `cidr_netmask '${value}' is out of range: an ${v6 ? 'IPv6' : 'IPv4'} prefix length runs from 1 to ${max}.`;
    },
    broadcast: (value, params) =>
      ipOf(params).includes(':') || value === '+' || value === '-' || isIPv4(value) ? undefined
        : `broadcast '${value}' is not an IPv4 address: write one, or + / - to derive it from the prefix.`,
  },
  'ocf:heartbeat:Filesystem': {
    directory: absolute('The mount point (directory)'),
    device: (value, params) => {
      const fstype = params.get('fstype')?.text ?? '';
      const options = (params.get('options')?.text ?? '').split(',');
      if (fstype === '' || NOT_BLOCK.has(fstype) || options.includes('loop')) return undefined;
      if (value.startsWith('/') || /^(-U|-L|--uuid[=\s]|--label[=\s])/.test(value)) return undefined;
      return `device '${value}' cannot be mounted as ${fstype}: the agent needs an absolute device path `
        + `(e.g. /dev/drbd0 or /dev/disk/by-uuid/…), -U UUID or -L LABEL.`;
    },
  },
  'ocf:heartbeat:stash': {
    stash_home: absolute("Stash's home (stash_home)"),
    stash_inst: absolute("Stash's installation directory (stash_inst)"),
    stash_user: (value) =>
      /^[A-Za-z0-9._][A-Za-z0-9._-]{0,31}$/.test(value) && !/^\d+$/.test(value) ? undefined
        : `stash_user '${value}' is not a user name: use the name of an OS account (letters, digits, '.', '_' and '-').`,
    // The rule the cluster library refuses a status page by, before curl ever runs it on a node.
    status_url: (value) => badStatusUrl(value) === undefined ? undefined
      : `status_url '${value}' is not an http(s) URL (${badStatusUrl(value)}): write e.g. http://localhost:7990/status.`,
  },
  'ocf:linbit:drbd': {
    drbdconf: absolute('The DRBD configuration file (drbdconf)'),
  },
} satisfies Record<string, Record<string, Rule>>).map(([agent, rules]) => [agent, new Map(Object.entries(rules))]));

export const paramValue: Validator = {
  codes: ['param-value'],
  check({ model, catalog, report }) {
    for (const { resource, agent } of resourcesWithAgents(model.resources, catalog)) {
      const rules = RULES.get(agent.name);
      if (!rules) continue;
      const params = paramValues(resource);
      for (const [name, { scalar, text }] of params) {
        const rule = rules.get(name);
        const problem = rule && text !== '' ? rule(text, params) : undefined;
        if (problem) report(diag('param-value', scalar.span, problem));
      }
    }
  },
};
