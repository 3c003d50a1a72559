/**
 * Shared helpers for validator tests: run validators over spec text and get back
 * what a person would look at (1-based line, the text the range covers, the message),
 * and apply a quick fix to see the text it produces.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCatalog } from '../../server/src/agents/catalog';
import { AgentCatalog } from '../../server/src/agents/model';
import { SpecDiagnostic, SpecFix } from '../../server/src/spec/diagnostic';
import { LineIndex } from '../../server/src/spec/lines';
import { buildModel } from '../../server/src/spec/model';
import { ALL_VALIDATORS } from '../../server/src/services/validators';
import { Validator } from '../../server/src/services/validators/types';

export interface Found extends SpecDiagnostic {
  /** 1-based line of the range's start. */
  readonly line: number;
  /** The document text the range covers. */
  readonly text: string;
}

/** Runs `validators` (default: all of them) over `text` with `catalog` (default: the built-in catalog). */
export function runValidators(text: string, validators: readonly Validator[] = ALL_VALIDATORS,
  catalog: AgentCatalog = createCatalog()): Found[] {
  const model = buildModel(text);
  const lines = new LineIndex(text);
  const found: Found[] = [];
  for (const v of validators) {
    v.check({
      model,
      catalog,
      report: (d) => found.push({ ...d, line: lines.positionAt(d.span.start).line + 1, text: text.slice(d.span.start, d.span.end) }),
    });
  }
  return found;
}

/** The text after applying a fix's edits (which must not overlap). */
export function applyFix(text: string, fix: SpecFix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** Joins lines with newlines and a final newline: readable multi-line specs in tests. */
export function lines(...rows: string[]): string {
  return rows.join('\n') + '\n';
}

/** The repository's root: the nearest folder above this file holding package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}
