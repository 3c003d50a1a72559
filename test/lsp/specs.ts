/**
 * Spec texts the language-server tests open, and helpers to read results against
 * them: apply LSP edits, and the text an LSP range covers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Range, TextEdit } from 'vscode-languageserver-protocol';
import { REPO } from './lspClient';

/** The finished example cluster of examples/ (lints clean). */
export const CLEAN_SPEC = readFileSync(join(REPO, 'examples', 'stash.cluster.yaml'), 'utf8');

/** A small spec with one mistake of each kind the quick-fix tests need. */
export const MISTAKES_SPEC = `cluster: stash
nodes:
  node01: { address: 192.168.56.11 }
  node02: { address: 192.168.56.12 }
resources:
  stash_fs:
    agent: ocf:heartbeat:Filesystem
    params: { device: /dev/drbd0, directory: /srv/data, fstype: xfs }
  stash_vip:
    agent: ocf:heartbeat:IPaddr2
    params:
      ip: 192.168.56.100
      cidr_netmaks: 24
  stash_res:
    agent: ocf:heartbeat:stash
    params:
      stash_user: atlstash
      stash_home: /srv/data/stash
    ops:
      start: { timeout: PT4M }
      monitor: { interval: 15s, timeout: 30000ms }
constraints:
  colocation:
    - { resource: stash_res, with: stash_fs }
  order:
    - { first: stash_fs, then: stash_res }
  location:
    - { resource: stash_res, node: node01, score: 100 }
`;

/** Offsets of an LSP range in `text`. */
export function offsetsOf(text: string, range: Range): [number, number] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const at = (p: Range['start']): number => lineStarts[p.line] + p.character;
  return [at(range.start), at(range.end)];
}

/** The text an LSP range covers. */
export function textAt(text: string, range: Range): string {
  const [s, e] = offsetsOf(text, range);
  return text.slice(s, e);
}

/** Applies non-overlapping LSP edits to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e) => ({ e, o: offsetsOf(text, e.range) })).sort((a, b) => b.o[0] - a.o[0]);
  let out = text;
  for (const { e, o } of sorted) out = out.slice(0, o[0]) + e.newText + out.slice(o[1]);
  return out;
}

/** A valid spec of about `lines` lines: nodes, then IPaddr2/Dummy resources, a group and constraints. */
export function generatedSpec(lines: number): string {
  const out = ['cluster: bench', 'nodes:', '  node01: { address: 10.0.0.1 }', '  node02: { address: 10.0.0.2 }', 'resources:'];
  let i = 0;
  const ids: string[] = [];
  const tail = 7;
  while (out.length + 5 + tail <= lines) {
    ids.push(`dummy_${i}`);
    out.push(`  dummy_${i}:`, '    agent: ocf:pacemaker:Dummy', `    params: { state: /run/dummy-${i}.state }`, '    ops:', '      monitor: { interval: 10s, timeout: 20s }');
    i++;
  }
  while (out.length + tail < lines) out.push('# padding');
  out.push('groups:', `  g1: [${ids.slice(0, 3).join(', ')}]`, 'constraints:', '  location:', `    - { resource: g1, node: node01, score: 50 }`, '  order:', `    - { first: ${ids[3] ?? ids[0]}, then: g1 }`);
  return out.join('\n') + '\n';
}
