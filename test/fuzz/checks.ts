/**
 * What the fuzz harness holds each answer to, for the CLI and the language server
 * alike: findings whose positions lie inside the text as the tool read it, and the
 * CPU time a process spent (from /proc, in clock ticks), which is what "a hang"
 * means here: wall time on a machine shared with other work says more about the
 * machine than about the input. Test-only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { LineIndex } from '../../server/src';

/** Past this much CPU time an input counts as a hang. */
export const HANG_CPU_MS = 5_000;
/** Past this much wall time, whatever the CPU says (a process blocked on something), an input counts as a hang. */
export const HANG_WALL_MS = 60_000;

let ticksPerSecond: number | undefined;

/** CPU time (user + system) a live process has used so far, in ms; undefined once it is gone. */
export function cpuMs(pid: number): number | undefined {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** The text a tool reads from these bytes: UTF-8 with invalid sequences replaced, a leading BOM dropped (as the CLI and editors do). */
export function textOf(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Why a 0-based position is outside the text, or undefined when it lies inside (a line's end counts). */
export function badPosition(lines: LineIndex, line: number, character: number): string | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return `position ${line}:${character} is not one`;
  if (line >= lines.lineCount) return `line ${line + 1} past the last line (${lines.lineCount})`;
  const length = lines.lineText(line).length;
  return character > length ? `column ${character + 1} past the end of line ${line + 1} (${length} characters)` : undefined;
}

/** Why a range (0-based) is not inside the text in order, or undefined. */
export function badRange(lines: LineIndex, start: { line: number; character: number }, end: { line: number; character: number }): string | undefined {
  const problem = badPosition(lines, start.line, start.character) ?? badPosition(lines, end.line, end.character);
  if (problem) return problem;
  return end.line < start.line || (end.line === start.line && end.character < start.character) ? 'a range that ends before it starts' : undefined;
}
