/**
 * The fuzz inputs: many kinds of bytes a spec file might hold, from a seeded
 * generator, so input number i of seed S is always the same bytes (and can be
 * made again alone). Each kind aims at one way a checker breaks: random bytes,
 * token soup over YAML's syntax and the spec's keys, deep nesting of every YAML
 * construct, complex keys, alias chains and bombs, huge scalars, many keys,
 * NUL / invalid UTF-8 / CRLF / BOM, long lines, and line- and byte-level
 * mutations of the examples. Most inputs are small; a few per hundred are large
 * (up to past the 1 MiB limit), since a large one costs a second or two to check.
 * Test-only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small fast generator (mulberry32): the same seed, the same numbers. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The generator of input `index` of run `seed`, independent of the inputs before it. */
export function rngFor(seed: number, index: number): Rng {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x85ebca6b), 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return new Rng(h);
}

const REPO = join(__dirname, '..', '..', '..');

/** The specs mutations start from: the examples and the contract's example. */
export const BASES: readonly string[] = ['examples/stash.cluster.yaml', 'examples/classic-mistakes.cluster.yaml',
  'test/fixtures/spec-format/example.cluster.yaml'].map((f) => readFileSync(join(REPO, f), 'utf8'));

const KEYS = ['cluster', 'nodes', 'address', 'ssh', 'host', 'user', 'port', 'properties', 'resource-defaults', 'op-defaults',
  'resources', 'agent', 'params', 'ops', 'meta', 'clone', 'promotable', 'groups', 'constraints', 'colocation', 'order',
  'location', 'resource', 'with', 'score', 'role', 'with-role', 'first', 'then', 'kind', 'symmetrical', 'node', 'interval',
  'timeout', 'on-fail', 'monitor', 'start', 'stop', 'migration-threshold', 'target-role', 'stonith-enabled', 'pacemaker',
  'stash_user', 'stash_home', 'stash_inst', 'status_url', 'ip', 'cidr_netmask', 'nic', 'device', 'directory', 'fstype', 'x-common'];
const VALUES = ['ocf:heartbeat:stash', 'ocf:heartbeat:IPaddr2', 'ocf:heartbeat:Filesystem', 'ocf:pacemaker:Dummy', 'systemd:stash',
  'stonith:fence_xvm', 'ocf::bad', 'INFINITY', '-INFINITY', '+INFINITY', '15s', 'PT4M', '0x8ae', '0o17', '1e3', '22', '65536', 'yes', 'off',
  'Master', 'Promoted', 'Started', '192.168.56.100', '::1', 'fe80::1%eth0', '-oProxyCommand=x', 'a;b', '/srv/stash', 'srv/stash',
  'http://localhost:7990/status', 'file:///etc/shadow', 'node01', 'stash_res', '"quoted: value"', "'single'", 'null', '~', '""', '2.1', '3.0'];
const SYNTAX = ['- ', ': ', '? ', '{', '}', '[', ']', ',', '&a ', '&b ', '*a', '*b', '<<: *a', '<<: [*a, *b]', '!!str ', '!!map ', '!!seq ',
  '!!binary ', '!custom ', '|', '>', '|-', '>+', '"', "'", '#', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', '---', '...', '\t', '  ', '\n', '\r\n',
  '\r', '\\', '@', '`', '%', '\u00e9', '\u{1f600}', '\u2028', '\ufeff', '\u0000', 'x-y: ', '*zz'];

/** Text as bytes (UTF-8). */
function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

function tokenSoup(r: Rng): Buffer {
  const parts: string[] = [];
  const n = r.int(1, 300);
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.35) parts.push(r.pick(SYNTAX));
    else if (roll < 0.6) parts.push(`${r.pick(KEYS)}: `);
    else if (roll < 0.85) parts.push(r.pick(VALUES));
    else parts.push(`\n${' '.repeat(r.int(0, 8))}`);
  }
  return utf8(parts.join(''));
}

function randomBytes(r: Rng): Buffer {
  const b = Buffer.alloc(r.int(0, 4096));
  for (let i = 0; i < b.length; i++) b[i] = r.int(0, 255);
  return b;
}

/** One nesting construct: what opens a level and what closes it (block ones close by the line structure). */
const NESTING: readonly { open: (r: Rng, depth: number) => string; close: string }[] = [
  { open: () => '[', close: ']' },
  { open: () => '{a: ', close: '}' },
  { open: () => '{? ', close: '}' },
  { open: () => '[{k: ', close: '}]' },
  { open: () => '- ', close: '' },
  { open: () => '? ', close: '' },
  { open: (_r, d) => `\n${' '.repeat(d)}k${d}:`, close: '' },
  { open: (_r, d) => `\n${' '.repeat(d)}- `, close: '' },
  { open: (_r, d) => `\n${' '.repeat(d)}? `, close: '' },
  { open: (r) => r.pick(['- ', '? ', '[', '{a: ', '- ? ']), close: '' },
];

function deepNesting(r: Rng): Buffer {
  const construct = r.pick(NESTING);
  const mixed = r.chance(0.3);
  // Indented levels grow with the square of the depth: 1,500 of them are about 1 MiB.
  const depth = Math.min(r.pick([20, 60, 99, 100, 101, 150, 500, 1000, 3000, 20_000]), mixed || construct.close === '' ? 1500 : Infinity);
  let open = '';
  const closes: string[] = [];
  for (let d = 0; d < depth; d++) {
    const c = mixed ? r.pick(NESTING) : construct;
    open += c.open(r, d);
    closes.push(c.close);
  }
  const closed = r.chance(0.7) ? closes.reverse().join('') : '';
  return utf8(`${r.chance(0.5) ? 'cluster: c\nx-deep: ' : ''}${open}v${closed}\n`);
}

function complexKeys(r: Rng): Buffer {
  const forms = [
    () => `{<<: 1}: v\n`,
    () => `[a, b]: v\n`,
    () => `${'? '.repeat(r.int(1, 40))}a: b\n`,
    () => `? { ${r.pick(KEYS)}: ${r.pick(VALUES)} }\n: v\n`,
    () => `? - a\n  - b\n: c\n`,
    () => `x-m: &m { a: 1 }\n*m : v\n`,
    () => `x-l: &l [1, 2]\n? *l\n: v\n`,
    () => `{${'{a: '.repeat(r.int(1, 30))}b${'}'.repeat(r.int(1, 30))}: c}\n`,
    () => `nodes:\n  ? { n1: x }\n  : { address: 10.0.0.1 }\n`,
    () => `resources:\n  [r1]: { agent: ocf:pacemaker:Dummy }\n`,
  ];
  const n = r.int(1, 6);
  return utf8(`cluster: c\n${Array.from({ length: n }, () => r.pick(forms)()).join('')}`);
}

function aliases(r: Rng): Buffer {
  switch (r.int(0, 4)) {
    case 0: { // a chain of anchors, each a deep list holding the one before
      const n = r.int(2, 120);
      const depth = r.int(1, 95);
      const rows = ['x-0: &a0 [v]'];
      for (let i = 1; i < n; i++) rows.push(`x-${i}: &a${i} ${'['.repeat(depth)}*a${i - 1}${']'.repeat(depth)}`);
      return utf8(`cluster: c\n${rows.join('\n')}\nnodes: *a${n - 1}\n`);
    }
    case 1: { // a bomb: each level holds the one before many times
      const levels = r.int(3, 12);
      const width = r.int(2, 12);
      const rows = ['x-0: &b0 [lol]'];
      for (let i = 1; i < levels; i++) rows.push(`x-${i}: &b${i} [${Array.from({ length: width }, () => `*b${i - 1}`).join(', ')}]`);
      return utf8(`cluster: c\n${rows.join('\n')}\nresources: { r: { agent: ocf:pacemaker:Dummy, meta: *b${levels - 1} } }\n`);
    }
    case 2: { // merge chains and merge bombs
      const n = r.int(2, 60);
      const rows = ['x-0: &m0 { priority: 1, migration-threshold: 2 }'];
      for (let i = 1; i < n; i++) rows.push(`x-${i}: &m${i} { <<: [${Array.from({ length: r.int(1, 6) }, () => `*m${r.int(0, i - 1)}`).join(', ')}], k${i}: ${i} }`);
      return utf8(`cluster: c\n${rows.join('\n')}\nresources:\n  r: { agent: ocf:pacemaker:Dummy, meta: { <<: *m${n - 1} } }\n`);
    }
    case 3: // aliases as keys, unknown and recursive aliases
      return utf8(`cluster: c\nx-a: &k node01\nx-r: &r [*r]\nnodes:\n  *k : { address: 10.0.0.1 }\n  *zz : { address: *zz }\nx-s: &s { a: *s }\n${r.pick(SYNTAX)}*r\n`);
    default: { // an anchored spec part aliased from everywhere
      const n = r.int(10, 3000);
      const rows = ['cluster: c', 'x-c: &c { migration-threshold: 3, resource-stickiness: 100 }', 'resources:'];
      for (let i = 0; i < n; i++) rows.push(`  r${i}: { agent: ocf:pacemaker:Dummy, meta: *c }`);
      return utf8(rows.join('\n'));
    }
  }
}

function hugeScalar(r: Rng): Buffer {
  // Mostly well below the 1 MiB limit; now and then just under or over it.
  const size = r.pick([10_000, 50_000, 200_000, 200_000, 1_048_000, 1_049_000, 1_500_000]);
  const body = r.pick(['a', 'ab ', '\\"', 'é', '😀']).repeat(Math.ceil(size / 2));
  const form = r.int(0, 3);
  const text = form === 0 ? `cluster: ${body}` : form === 1 ? `cluster: "${body}"` : form === 2 ? `cluster: |\n  ${body}` : `x-k${body}: v`;
  return utf8(text.slice(0, size));
}

function manyKeys(r: Rng): Buffer {
  // 120,000 keys are past the 1 MiB limit (refused unparsed); the others are parsed and checked.
  const n = r.pick([1000, 1000, 5000, 20_000, 120_000]);
  const flow = r.chance(0.3);
  const dup = r.chance(0.3);
  const keys = Array.from({ length: n }, (_, i) => `k${dup ? i % 97 : i}`);
  return utf8(flow ? `cluster: c\nx-m: { ${keys.map((k) => `${k}: 1`).join(', ')} }\n`
    : `cluster: c\nproperties:\n${keys.map((k) => `  ${k}: 1`).join('\n')}\n`);
}

function encodings(r: Rng): Buffer {
  const base = utf8(r.pick(BASES));
  const out: number[] = [];
  const bom = r.chance(0.5);
  if (bom) out.push(0xef, 0xbb, 0xbf);
  for (const byte of base) {
    const roll = r.next();
    if (byte === 0x0a && roll < 0.3) out.push(0x0d, 0x0a); // CRLF
    else if (byte === 0x0a && roll < 0.35) out.push(0x0d); // a lone CR
    else if (roll < 0.005) out.push(0x00, byte); // NUL
    else if (roll < 0.01) out.push(r.pick([0xc3, 0xe2, 0xf0, 0xff, 0xfe, 0x80, 0xed]), byte); // invalid or cut UTF-8
    else if (roll < 0.012) out.push(0xed, 0xa0, 0x80, byte); // a UTF-16 surrogate in UTF-8
    else if (roll < 0.014) out.push(0xef, 0xbb, 0xbf, byte); // a BOM in the middle
    else out.push(byte);
  }
  return Buffer.from(out);
}

function longLines(r: Rng): Buffer {
  const length = r.pick([10_000, 30_000, 100_000, 300_000]);
  const line = r.pick([
    () => `cluster: ${'x'.repeat(length)}`,
    () => `x-l: [${'a, '.repeat(length / 3)}a]`,
    () => `x-m: {${Array.from({ length: length / 8 }, (_, i) => `k${i}: 1`).join(', ')}}`,
    () => `# ${'#'.repeat(length)}`,
    () => `x-s: "${'\\u00e9'.repeat(length / 6)}"`,
    () => `${' '.repeat(length)}cluster: c`,
  ])();
  return utf8(`${line}\nnodes:\n  n1: { address: 10.0.0.1 }\n`);
}

function mutateLines(r: Rng): Buffer {
  const lines = r.pick(BASES).split('\n');
  const count = r.int(1, 12);
  for (let m = 0; m < count; m++) {
    const k = r.int(0, Math.max(0, lines.length - 1));
    const line = lines[k] ?? '';
    const at = r.int(0, line.length);
    switch (r.int(0, 7)) {
      case 0: lines.splice(k, 1); break;
      case 1: lines.splice(k, 0, line); break;
      case 2: lines.splice(r.int(0, lines.length), 0, ...lines.slice(k, k + r.int(1, 10))); break;
      case 3: lines[k] = ' '.repeat(r.int(1, 6)) + line; break;
      case 4: lines[k] = line.replace(/^\s{1,4}/, ''); break;
      case 5: lines[k] = line.slice(0, at) + r.pick([...SYNTAX, ...VALUES]) + line.slice(at); break;
      case 6: { const j = r.int(0, lines.length - 1); [lines[k], lines[j]] = [lines[j], lines[k]]; break; }
      default: lines[k] = line.slice(0, at) + line.slice(at + r.int(1, 10));
    }
  }
  return utf8(lines.join(r.chance(0.1) ? '\r\n' : '\n'));
}

function mutateBytes(r: Rng): Buffer {
  const b = [...utf8(r.pick(BASES))];
  const count = r.int(1, 40);
  for (let m = 0; m < count; m++) {
    const at = r.int(0, b.length);
    switch (r.int(0, 3)) {
      case 0: b.splice(at, 1); break;
      case 1: b.splice(at, 0, r.int(0, 255)); break;
      case 2: b[at] = (b[at] ?? 0) ^ (1 << r.int(0, 7)); break;
      default: b.splice(at, 0, ...b.slice(r.int(0, b.length), r.int(0, b.length)).slice(0, 200));
    }
  }
  return Buffer.from(b);
}

/** A spec in the right shape with values drawn from the spec's vocabulary and hostile ones. */
function specLike(r: Rng): Buffer {
  const v = (): string => r.pick(VALUES);
  const rows = [`cluster: ${v()}`, 'nodes:'];
  for (let i = 0; i < r.int(0, 4); i++) rows.push(`  ${r.pick(['node0', '-n', 'n;', 'n'])}${i}: { address: ${v()}, ssh: { host: ${v()}, user: ${v()}, port: ${v()} } }`);
  rows.push('resources:');
  for (let i = 0; i < r.int(0, 6); i++) {
    rows.push(`  r${i}:`, `    agent: ${v()}`, `    params: { ${Array.from({ length: r.int(0, 4) }, () => `${r.pick(KEYS)}: ${v()}`).join(', ')} }`,
      `    ops: { ${r.pick(['monitor', 'start', 'stop'])}: { interval: ${v()}, timeout: ${v()}, role: ${v()} } }`, `    meta: { ${r.pick(KEYS)}: ${v()} }`);
    if (r.chance(0.2)) rows.push(`    ${r.pick(['clone', 'promotable'])}: { notify: ${v()} }`);
  }
  rows.push('groups:', `  g: [${Array.from({ length: r.int(0, 3) }, (_, i) => `r${i}`).join(', ')}]`, 'constraints:',
    `  colocation: [{ resource: ${v()}, with: ${v()}, score: ${v()} }]`, `  order: [{ first: ${v()}, then: ${v()}, kind: ${v()} }]`,
    `  location: [{ resource: ${v()}, node: ${v()}, score: ${v()} }]`, `properties: { ${r.pick(KEYS)}: ${v()} }`, `pacemaker: ${v()}`);
  return utf8(rows.join('\n'));
}

export interface FuzzInput {
  readonly kind: string;
  readonly bytes: Buffer;
}

/** The kinds, each with its weight (how often it is drawn). */
const KINDS: readonly (readonly [string, number, (r: Rng) => Buffer])[] = [
  ['random-bytes', 8, randomBytes],
  ['token-soup', 18, tokenSoup],
  ['deep-nesting', 10, deepNesting],
  ['complex-keys', 8, complexKeys],
  ['aliases', 8, aliases],
  ['huge-scalar', 1, hugeScalar],
  ['many-keys', 1, manyKeys],
  ['encodings', 8, encodings],
  ['long-lines', 2, longLines],
  ['mutate-lines', 16, mutateLines],
  ['mutate-bytes', 10, mutateBytes],
  ['spec-like', 10, specLike],
];
const TOTAL = KINDS.reduce((n, [, w]) => n + w, 0);

/** Input number `index` of the run with `seed`. */
export function fuzzInput(seed: number, index: number): FuzzInput {
  const r = rngFor(seed, index);
  let roll = r.next() * TOTAL;
  for (const [kind, weight, make] of KINDS) {
    roll -= weight;
    if (roll < 0) return { kind, bytes: make(r) };
  }
  const [kind, , make] = KINDS[KINDS.length - 1];
  return { kind, bytes: make(r) };
}
