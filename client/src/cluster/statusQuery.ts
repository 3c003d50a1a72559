/**
 * The status query: the one remote command a status refresh sends, a fixed `sh -c` script
 * (nothing from the spec is ever part of its text); the section marker, the mode
 * and Stash's status URLs arrive as positional arguments. In one round trip it
 * prints the node's name, crm_mon's XML in the form the node's Pacemaker speaks,
 * the whole CIB (its constraints for the tree; all of it, with corosync's node
 * list, for the editor's comparison of the spec with the live cluster, so that
 * needs no round trip of its own), and what each Stash status page answers on
 * this node.
 * The first query of a connection (mode `auto`) probes the form inside the same
 * script: Pacemaker 2 and later answer `--output-as=xml`, 1.1 refuses it and
 * gets `-1 -X -r -f -A -L`; the connection then remembers the form. Each part is
 * framed by `MARKER section` lines and closed by `MARKER rc N`. curl asks only
 * http and https pages and takes each URL as written (`--proto =http,https
 * --globoff`), whatever the URL; the cluster library refuses other URLs before
 * this runs, and this keeps a node safe from one that slipped past.
 */
import { randomBytes } from 'node:crypto';
import { RemoteCommand, shellScript } from '../remote/remoteCommand';

/** auto: try the 2.x form, fall back to 1.1's; 2: `crm_mon --output-as=xml`; 1: Pacemaker 1.1's `crm_mon -1 -X -r -f -A -L`; stash: only the status pages. */
export type QueryMode = 'auto' | '2' | '1' | 'stash';

const SCRIPT = [
  'm=$1; mode=$2; shift 2',
  'printf \'%s host\\n\' "$m"',
  'read -r h </proc/sys/kernel/hostname 2>/dev/null || h=$(uname -n); printf \'%s\\n\' "$h"',
  'if [ "$mode" != stash ]; then',
  '  printf \'%s crm_mon\\n\' "$m"',
  '  if [ "$mode" = 2 ]; then crm_mon --output-as=xml; rc=$?',
  '  elif [ "$mode" = 1 ]; then crm_mon -1 -X -r -f -A -L; rc=$?',
  // auto: Pacemaker 2 and later answer --output-as=xml with XML (even for an error); 1.1 refuses the option.
  '  else',
  '    out=$(crm_mon --output-as=xml 2>/dev/null); rc=$?',
  '    case $out in "<"*) printf \'%s\\n\' "$out" ;; *) crm_mon -1 -X -r -f -A -L; rc=$? ;; esac',
  '  fi',
  '  printf \'\\n%s rc %s\\n\' "$m" "$rc"',
  '  printf \'%s cib\\n\' "$m"',
  '  cibadmin --query',
  '  printf \'\\n%s rc %s\\n\' "$m" "$?"',
  // corosync's nodes with their ring addresses, as the live-cluster query reads them (the CIB has no addresses).
  '  printf \'%s cmap\\n\' "$m"',
  '  corosync-cmapctl -b nodelist.node 2>/dev/null; rc=$?',
  '  corosync-cmapctl -b totem.cluster_name 2>/dev/null',
  '  printf \'\\n%s rc %s\\n\' "$m" "$rc"',
  '  if [ "$rc" != 0 ]; then',
  '    printf \'%s corosync.conf\\n\' "$m"; cat /etc/corosync/corosync.conf 2>/dev/null; printf \'\\n%s rc %s\\n\' "$m" "$?"',
  '  fi',
  'fi',
  'i=0',
  'for url in "$@"; do',
  '  i=$((i + 1)); printf \'%s stash %s\\n\' "$m" "$i"',
  '  if command -v curl >/dev/null 2>&1; then',
  // http and https only (curl runs as root: file:// would print the node's files), the URL as written (no [ ] { } globbing).
  '    curl -sS --proto =http,https --globoff --connect-timeout 2 --max-time 4 -w \'\\n%{http_code}\' -- "$url" 2>/dev/null',
  '  else (exit 127); fi',
  '  printf \'\\n%s rc %s\\n\' "$m" "$?"',
  'done',
].join('\n');

/** The command for one query; the marker is random so no output can forge a section line. */
export function statusQuery(mode: QueryMode, stashUrls: readonly string[], timeoutMs: number, marker = newMarker()): {
  command: RemoteCommand; marker: string;
} {
  return {
    command: { ...shellScript(SCRIPT, [marker, mode, ...stashUrls], `status query (${mode === 'stash' ? 'Stash status page' : `crm_mon${mode === 'auto' ? ' form probe' : ''}, CIB, corosync's nodes`})`), timeoutMs },
    marker,
  };
}

export function newMarker(): string {
  return `@@stash-ha-${randomBytes(8).toString('hex')}`;
}

export interface Section {
  readonly body: string;
  /** The exit code of the section's command; undefined when the section was cut off. */
  readonly rc?: number;
}

export interface QuerySections {
  readonly host?: string;
  readonly crmMon?: Section;
  /** `cibadmin --query`: the whole CIB. */
  readonly cib?: Section;
  /** corosync-cmapctl's node list and cluster name. */
  readonly cmap?: Section;
  /** /etc/corosync/corosync.conf, where cmapctl could not answer. */
  readonly corosyncConf?: Section;
  /** By position of the URL in the command (0-based). */
  readonly stash: readonly Section[];
}

/**
 * The sections of any query script that frames its parts this way (`MARKER name`
 * opens one, `MARKER rc N` closes it), by name; trailing blank lines are dropped.
 */
export function sectionsOf(stdout: string, marker: string): ReadonlyMap<string, Section> {
  const named = new Map<string, { lines: string[]; rc?: number }>();
  let current: { lines: string[]; rc?: number } | undefined;
  for (const line of stdout.split('\n')) {
    if (line.startsWith(`${marker} `)) {
      const rest = line.slice(marker.length + 1);
      const rc = /^rc (-?\d+)$/.exec(rest);
      if (rc && current) {
        current.rc = Number(rc[1]);
        current = undefined;
      } else {
        current = { lines: [] };
        named.set(rest, current);
      }
    } else if (current) current.lines.push(line);
  }
  const sections = new Map<string, Section>();
  for (const [name, s] of named) sections.set(name, { body: s.lines.join('\n').replace(/\n+$/, ''), ...(s.rc === undefined ? {} : { rc: s.rc }) });
  return sections;
}

/** Splits the status query's output into its sections. */
export function splitSections(stdout: string, marker: string): QuerySections {
  const named = sectionsOf(stdout, marker);
  const section = (name: string): Section | undefined => named.get(name);
  const stash: Section[] = [];
  for (let i = 1; named.has(`stash ${i}`); i += 1) stash.push(section(`stash ${i}`) as Section);
  const host = section('host')?.body.trim();
  const crmMon = section('crm_mon');
  const cib = section('cib');
  const cmap = section('cmap');
  const corosyncConf = section('corosync.conf');
  return {
    ...(host ? { host } : {}),
    ...(crmMon ? { crmMon } : {}), ...(cib ? { cib } : {}), ...(cmap ? { cmap } : {}), ...(corosyncConf ? { corosyncConf } : {}), stash,
  };
}

/** "2.1.5-a3f44794f94" or "1.1.23-1.el7_9.1-9acf116022" → "2.1.5" / "1.1.23". */
export function releaseOf(version: string | undefined): string | undefined {
  return /^(\d+(?:\.\d+)*)/.exec(version ?? '')?.[1];
}
