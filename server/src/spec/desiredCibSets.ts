/**
 * What reading a CIB collects on the side (the parts the format cannot say, the
 * leftovers of moves), and the one reading of a CIB's name/value sets
 * (instance_attributes, meta_attributes, cluster_property_set): the first set
 * without a rule is the values; a set with a rule, a further set, or a reference
 * (`id-ref`) is something a spec cannot say.
 */
import { XmlElement, childrenNamed } from '../xml/xmlTree';
import type { LiveLeftover, LiveUnsupported } from './desiredCib';

export class CibNotes {
  private readonly unsupportedItems: LiveUnsupported[] = [];
  private readonly leftoverItems: LiveLeftover[] = [];

  unsupported(path: string, what: string): void {
    this.unsupportedItems.push({ path, what });
  }

  leftover(item: LiveLeftover): void {
    this.leftoverItems.push(item);
  }

  unsupportedList(): LiveUnsupported[] {
    return [...this.unsupportedItems];
  }

  leftoverList(): LiveLeftover[] {
    return [...this.leftoverItems];
  }
}

export interface NvPair {
  readonly name: string;
  readonly value: string;
}

/**
 * The name/value pairs of the first plain set among `sets`; `path` names their
 * owner in the messages about what is left unread. A pair without a value is ''
 * (Pacemaker reads it as unset, as a spec's `key:` is).
 */
export function nvPairs(sets: readonly XmlElement[], path: string, notes: CibNotes): NvPair[] {
  let used: XmlElement | undefined;
  for (const set of sets) {
    const id = set.attrs.id ?? set.attrs['id-ref'] ?? '?';
    if (set.attrs['id-ref'] !== undefined) notes.unsupported(`${path}.${id}`, `${path}: the set ${id} is a reference (id-ref)`);
    else if (childrenNamed(set, 'rule').length > 0) notes.unsupported(`${path}.${id}`, `${path}: the set ${id} has a rule`);
    else if (used !== undefined) notes.unsupported(`${path}.${id}`, `${path}: a second set ${id} besides ${used.attrs.id ?? '?'}`);
    else used = set;
  }
  const pairs: NvPair[] = [];
  for (const p of childrenNamed(used, 'nvpair')) {
    if (p.attrs.name === undefined) {
      notes.unsupported(`${path}.${p.attrs.id ?? '?'}`, `${path}: the value ${p.attrs.id ?? p.attrs['id-ref'] ?? '?'} is a reference (id-ref)`);
      continue;
    }
    pairs.push({ name: p.attrs.name, value: p.attrs.value ?? '' });
  }
  return pairs;
}
