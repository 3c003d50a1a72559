/**
 * What the conformance tests share: the contract's example spec with the one thing it
 * lacks (the monitor timeout its agent asks for), small editors that make one mistake
 * in it, and `check`, which runs the real entry point (`validateText` with the
 * built-in catalog, as the CLI and the editor do) and returns what a person sees.
 */
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { DiagnosticCode, Severity } from '../../../server/src/spec/codes';
import { LineIndex } from '../../../server/src/spec/lines';
import { validateText } from '../../../server/src/services/validate';

/** spec-format.md's example, with `timeout: 30s` on stash_res's monitor (line 23). */
export const BASE = [
  'cluster: stash',
  'nodes:',
  '  node01: { address: 192.168.56.11 }',
  '  node02: { address: 192.168.56.12, ssh: { user: admin, port: 2222 } }',
  'properties:',
  '  no-quorum-policy: ignore',
  'resources:',
  '  stash_fs:',
  '    agent: ocf:heartbeat:Filesystem',
  '    params: { device: /dev/drbd0, directory: /var/atlassian/application-data, fstype: xfs }',
  '  stash_vip:',
  '    agent: ocf:heartbeat:IPaddr2',
  '    params: { ip: 192.168.56.100, cidr_netmask: 24 }',
  '    ops:',
  '      monitor: { interval: 30s }',
  '  stash_res:',
  '    agent: ocf:heartbeat:stash',
  '    params:',
  '      stash_user: atlstash',
  '      stash_home: /var/atlassian/application-data/stash',
  '      stash_inst: /opt/atlassian/stash/3.11.3',
  '    ops:',
  '      monitor: { interval: 15s, timeout: 30s }',
  '      start: { timeout: 240s }',
  '    meta:',
  '      migration-threshold: 1',
  'constraints:',
  '  colocation:',
  '    - { resource: stash_vip, with: stash_res, score: INFINITY }',
  '    - { resource: stash_res, with: stash_fs }',
  '  order:',
  '    - { first: stash_fs, then: stash_res }',
  '',
].join('\n');

/** A finding as a person reads it. */
export interface Seen {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** 1-based line of the range's start. */
  readonly line: number;
  /** The text the range covers. */
  readonly range: string;
  readonly message: string;
}

const catalog = createCatalog();

/** Every finding of `text`, as the CLI and the editor get them. */
export function check(text: string): Seen[] {
  const lines = new LineIndex(text);
  return validateText(text, catalog).map((d) => ({
    code: d.code,
    severity: d.severity,
    line: lines.positionAt(d.span.start).line + 1,
    range: text.slice(d.span.start, d.span.end),
    message: d.message,
  }));
}

/** `text` with each `[from, to]` replaced; each `from` must occur exactly once. */
export function edit(text: string, ...changes: [string, string][]): string {
  let out = text;
  for (const [from, to] of changes) {
    const at = out.indexOf(from);
    assert.ok(at >= 0 && out.indexOf(from, at + 1) < 0, `'${from}' must occur once`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** `text` with `lines` inserted before the one occurrence of `before`. */
export function insertBefore(text: string, before: string, lines: string): string {
  return edit(text, [before, lines + before]);
}

/** One finding a case expects. */
export interface Expected {
  readonly code: DiagnosticCode;
  readonly line: number;
  /** The exact text the range covers. */
  readonly range: string;
}

export interface Case extends Expected {
  readonly name: string;
  readonly text: string;
  /** What the message must say: what is wrong, and the fix. */
  readonly says: readonly RegExp[];
  /** Other findings the mistake rightly brings along (none but where stated). */
  readonly also?: readonly Expected[];
}

export interface NearMiss {
  readonly name: string;
  readonly text: string;
  /** Findings of other codes this near miss has by design. */
  readonly others?: readonly DiagnosticCode[];
}

export interface Row {
  readonly code: DiagnosticCode;
  /** Severity and "when" as the contract's table writes them. */
  readonly severity: 'error' | 'warning';
  readonly when: string;
  readonly cases: readonly Case[];
  readonly nearMisses: readonly NearMiss[];
}
