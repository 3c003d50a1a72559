/**
 * The findings an example spec claims with `# MISTAKE code:` comments, for every test
 * that holds the examples to their comments: the CLI's (test/cli/examples.test.ts) and
 * the VS Code tests (the extension-host suite and the UI tests alike). Node only: no
 * `vscode` here.
 */

/**
 * `line code` for each `# MISTAKE code:` comment (1-based line), sorted: each
 * claims its code on the first line after its comment block that is not a comment.
 */
export function claimedFindings(text: string): string[] {
  const lines = text.split('\n');
  const claims: string[] = [];
  lines.forEach((line, i) => {
    const m = /^\s*# MISTAKE ([a-z-]+):/.exec(line);
    if (!m) return;
    let target = i + 1;
    while (target < lines.length && /^\s*#/.test(lines[target])) target++;
    claims.push(`${target + 1} ${m[1]}`);
  });
  return claims.sort();
}
