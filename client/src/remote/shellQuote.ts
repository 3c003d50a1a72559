/**
 * The one place a command line for a remote shell is built. ssh sends the remote
 * side a single string that the user's login shell parses again, so every word
 * of an argument vector is quoted for a POSIX shell here and nowhere else.
 * Single quotes make every character literal except the single quote itself,
 * which is written as '\'' (close, escaped quote, reopen). Newlines, `$()`,
 * backticks, `;`, globs and leading dashes all stay inside one word; a leading
 * dash is still an option to the program that receives it, which is why callers
 * put `--` before names where the program accepts it.
 */

/**
 * Words made only of these need no quotes (kept bare so logs stay readable). `=`
 * is left out: a bare `a=b` in command position is an assignment, not a word.
 */
const PLAIN = /^[A-Za-z0-9_@%+:,./-]+$/;
/** Words a shell treats specially in command position even though they are plain. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until',
  'for', 'in', 'function', 'select', 'time', 'coproc']);

/** Quotes one word so a POSIX shell reads it back as exactly that word. */
export function quoteWord(word: string): string {
  if (word.length > 0 && PLAIN.test(word) && !RESERVED.has(word)) return word;
  return singleQuoted(word);
}

/** A word in single quotes whatever it holds (scripts for people to read, where every word is quoted alike). */
export function singleQuoted(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Builds the remote command line for an argument vector: each word quoted, joined
 * by spaces. A NUL byte cannot be passed through any shell or exec call, so it is
 * refused instead of being silently cut.
 */
export function commandLine(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('commandLine: empty argument vector');
  for (const word of argv) {
    if (word.includes('\0')) throw new Error('commandLine: an argument contains a NUL byte');
  }
  return argv.map(quoteWord).join(' ');
}
