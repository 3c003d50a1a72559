/**
 * Stash's own state, read from its status page by curl on a node. Stash answers
 * `{"state":"RUNNING"}` (200) when serving, STARTING (503) while it starts and
 * ERROR when broken. A status URL on localhost only means something on the node
 * that runs Stash, so an answer from another node is not used.
 */
import { Section } from './statusQuery';

/** The status page asked for one Stash resource. */
export interface StashProbe {
  /** The resource id, or `*` for every Stash resource the cluster has. */
  readonly resource: string;
  readonly url: string;
}

const CURL_ERRORS: Readonly<Record<number, string>> = {
  1: 'the status URL is not http or https, which curl is not allowed to ask',
  6: 'the host in the status URL does not resolve',
  7: 'nothing listens at the status URL (connection refused)',
  28: 'no answer from the status page within 4 s',
  52: 'the status page closed the connection without answering',
  56: 'the connection to the status page broke',
  127: 'curl is not installed on the node, so Stash cannot be asked',
};

/** Whether an answer to this URL depends on which node asks. */
export function isNodeLocal(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return true;
  }
}

/** Stash's state from one curl section: `state`/`httpStatus`, or `error`. */
export function readStashSection(section: Section | undefined): { state?: string; httpStatus?: number; error?: string } {
  if (section === undefined || section.rc === undefined) return { error: 'the status page was not asked (the query was cut off)' };
  if (section.rc !== 0) return { error: CURL_ERRORS[section.rc] ?? `curl failed with exit ${section.rc}` };
  const lines = section.body.split('\n');
  const httpStatus = Number(lines.pop());
  const body = lines.join('\n').trim();
  let state: unknown;
  try {
    state = (JSON.parse(body) as { state?: unknown }).state;
  } catch {
    state = undefined;
  }
  if (typeof state !== 'string') {
    return { httpStatus, error: `not a Stash status answer (HTTP ${Number.isNaN(httpStatus) ? '?' : httpStatus})` };
  }
  return { state, httpStatus };
}
