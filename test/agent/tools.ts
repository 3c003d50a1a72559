/**
 * The outside programs the agent tests drive, and the Debian package each comes
 * from. A missing one fails the test that needs it with the package to install:
 * these tests never skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';

/** Command → Debian package that provides it. */
export const TOOL_PACKAGES: Readonly<Record<string, string>> = {
  'ocf-tester': 'resource-agents',
  xmllint: 'libxml2-utils',
  shellcheck: 'shellcheck',
  curl: 'curl',
  ps: 'procps',
  runuser: 'util-linux',
  python3: 'python3',
  dash: 'dash',
  bash: 'bash',
};

/** Files the tests read, by the Debian package that ships them. */
export const FILE_PACKAGES: Readonly<Record<string, string>> = {
  '/usr/lib/ocf/lib/heartbeat/ocf-shellfuncs': 'resource-agents',
  '/usr/share/resource-agents/ra-api-1.dtd': 'resource-agents',
  '/usr/share/resource-agents/metadata.rng': 'resource-agents',
};

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Fails unless each command is on the PATH the tests use, naming its package. */
export function requireTools(...commands: string[]): void {
  for (const command of commands) {
    const pkg = TOOL_PACKAGES[command] ?? command;
    const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { env: { PATH } });
    assert.equal(found.status, 0, `'${command}' is not installed: apt-get install ${pkg}`);
  }
}

/** Fails unless each file exists, naming the package that ships it. */
export function requireFiles(...files: string[]): void {
  for (const file of files) {
    assert.ok(existsSync(file), `${file} is missing: apt-get install ${FILE_PACKAGES[file] ?? 'the package that ships it'}`);
  }
}

/** Fails unless the tests run as root: the agent runs Stash as another user, as Pacemaker runs it as root. */
export function requireRoot(): void {
  assert.equal(process.getuid?.(), 0, 'the agent tests run the agent as Pacemaker does, as root');
}

export { PATH as TEST_PATH };
