/**
 * The .vsix holds what the extension needs and nothing else (.vscodeignore): the
 * three bundles, the agent, the editor support files, the schema, README, LICENSE
 * and every file package.json names; no sources, tests, source maps or build
 * output; and it stays small.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './runtime';
import { packageVsix, VSCE_FLAGS, vsixFiles } from './vsix';

/** What may be in the package: each file must match one of these. */
const ALLOWED = [
  /^package\.json$/, /^README\.md$/, /^LICENSE$/, /^language-configuration\.json$/,
  /^dist\/(client|server|cli)\.js$/, /^agent\/stash$/,
  /^snippets\/[^/]+\.code-snippets$/, /^syntaxes\/[^/]+\.tmLanguage\.json$/, /^schemas\/[^/]+\.schema\.json$/,
  /^media\/.+\.(svg|png|md)$/,
];

const REQUIRED = [
  'package.json', 'README.md', 'LICENSE', 'language-configuration.json', 'dist/client.js', 'dist/server.js', 'dist/cli.js',
  'agent/stash', 'syntaxes/stash-cluster.tmLanguage.json', 'schemas/cluster-spec.schema.json',
];

/** Every string in `value` that names a file of the repository (contributed icons, grammars, walkthrough media). */
function namedFiles(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    const path = value.replace(/^\.\//, '');
    if (/^[\w.-]+(\/[\w.-]+)*$/.test(path) && existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile()) out.add(path);
  } else if (Array.isArray(value)) {
    for (const v of value) namedFiles(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) namedFiles(v, out);
  }
  return out;
}

describe('the .vsix', () => {
  const files = vsixFiles();

  test('holds only the bundles, the agent, the editor support files, the schema, media, README and LICENSE', () => {
    const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(stray, [], `files that do not belong in the package (.vscodeignore):\n${stray.join('\n')}`);
  });

  test('holds what the extension needs at run time and every file package.json names', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; icon?: string; contributes: unknown };
    const needed = new Set([...REQUIRED, ...namedFiles([manifest.main, manifest.icon, manifest.contributes])]);
    const missing = [...needed].filter((f) => !files.includes(f));
    assert.deepEqual(missing, [], `files missing from the package (.vscodeignore):\n${missing.join('\n')}`);
  });

  test('npm run package packages it as the tests do', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const flag of VSCE_FLAGS) assert.ok(scripts.package.split(' ').includes(flag), `npm run package lacks ${flag}: ${scripts.package}`);
  });

  test('README\'s pictures are in it, where README names them', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((p) => !/^\w+:/.test(p));
    assert.deepEqual(pictures.filter((p) => !files.includes(p)), [], 'pictures README shows that the package lacks');
  });

  test('vsce packages it, under 2 MB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stash-ha-vsix-'));
    try {
      const size = statSync(packageVsix(dir)).size;
      assert.ok(size < 2 * 1024 * 1024, `the .vsix is ${(size / 1024 / 1024).toFixed(2)} MB`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
