/**
 * Where a name reached through an alias is really written. The resolved tree gives
 * everything reached through `*alias` (or a `<<` merge) the alias's span, which is
 * right for diagnostics but wrong for an edit: renaming must change the anchored
 * original, once, so that every alias of it follows. This re-reads the document with
 * the `yaml` package (only when asked, e.g. for a rename) and finds, inside what an
 * alias stands for, the scalars that hold a given name in the given role. The search
 * through aliases goes at most MAX_NESTING levels deep, as the resolved tree does: a
 * chain of aliases of deep lists would otherwise recurse until the stack runs out.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, Document, Node as YamlNode } from 'yaml';
import { Span } from './diagnostic';
import { MAX_NESTING } from './nesting';
import { scalarValueText } from './yamlTree';

/**
 * `key`: a mapping key naming a declaration (a resource, group or node id);
 * `ref`: a scalar naming one (a list item, or the value of `resource`, `with`,
 * `first`, `then` or `node`).
 */
export type NameRole = 'key' | 'ref';

const REF_KEYS = new Set(['resource', 'with', 'first', 'then', 'node']);

function textOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
  return scalarValueText(node.value);
}

function spanOf(node: YamlNode): Span | undefined {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

class Finder {
  private readonly seen = new Set<YamlNode>();
  readonly found = new Map<number, Span>();

  constructor(private readonly doc: Document.Parsed, private readonly name: string) {}

  private add(node: unknown): void {
    const span = isScalar(node) ? spanOf(node) : undefined;
    if (span && textOf(node) === this.name) this.found.set(span.start, span);
  }

  private resolve(node: unknown): unknown {
    let n = node;
    while (isAlias(n)) {
      const target = n.resolve(this.doc) as YamlNode | undefined;
      if (!target || this.seen.has(target)) return undefined;
      this.seen.add(target);
      n = target;
    }
    return n;
  }

  /** Collects what one aliased use stands for, in one role. */
  search(node: YamlNode, role: NameRole): void {
    this.seen.clear();
    if (role === 'ref') this.refs(node, true);
    else this.keys(node);
  }

  /**
   * Collects scalars holding the name as a reference; `asRef` says whether `node` itself
   * sits in a ref position, `depth` how deep below the aliased use it lies.
   */
  private refs(node: unknown, asRef: boolean, depth = 0): void {
    if (depth > MAX_NESTING) return;
    const n = this.resolve(node);
    if (isScalar(n)) {
      if (asRef) this.add(n);
    } else if (isSeq(n)) {
      for (const item of n.items) this.refs(item, true, depth + 1);
    } else if (isMap(n)) {
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        this.refs(pair.value, REF_KEYS.has(textOf(pair.key) ?? ''), depth + 1);
      }
    }
  }

  /** Collects the keys of a mapping (or the mappings of a merge list) holding the name, following `<<`. */
  private keys(node: unknown, depth = 0): void {
    if (depth > MAX_NESTING) return;
    const n = this.resolve(node);
    if (isSeq(n)) {
      for (const item of n.items) this.keys(item, depth + 1);
      return;
    }
    if (!isMap(n)) return;
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      if (isScalar(pair.key) && typeof pair.key.value === 'symbol') this.keys(pair.value, depth + 1);
      else this.add(pair.key);
    }
  }
}

/** A use of a name through an alias: the span the resolved tree gave it, and its role there. */
export interface AliasedUse {
  readonly span: Span;
  readonly role: NameRole;
}

/**
 * The spans where `name` is written inside what each aliased use stands for, each
 * span once. Uses whose span is not an alias or merge source in the text find nothing.
 */
export function aliasOrigins(text: string, uses: readonly AliasedUse[], name: string): Span[] {
  if (uses.length === 0) return [];
  const doc = parseDocument(text, { uniqueKeys: false, merge: true, prettyErrors: false, strict: false });
  const wanted = new Map<string, Set<NameRole>>();
  for (const u of uses) {
    const key = `${u.span.start}:${u.span.end}`;
    wanted.set(key, (wanted.get(key) ?? new Set<NameRole>()).add(u.role));
  }
  const finder = new Finder(doc, name);
  visit(doc, {
    Node(_, node) {
      const span = spanOf(node);
      for (const role of (span && wanted.get(`${span.start}:${span.end}`)) ?? []) finder.search(node, role);
    },
  });
  return [...finder.found.values()].sort((a, b) => a.start - b.start);
}
