// The agent and the stand-in's scripts are POSIX sh that shellcheck passes, and
// parse under both shells the agent must run in (dash: Debian; bash: CentOS 7).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { AGENT_SOURCE, STANDIN_SOURCE } from './sandbox';
import { requireTools, TEST_PATH } from './tools';

const SCRIPTS = [AGENT_SOURCE, join(STANDIN_SOURCE, 'bin/start-stash.sh'), join(STANDIN_SOURCE, 'bin/stop-stash.sh')];

describe('shell scripts', () => {
  for (const script of SCRIPTS) {
    const name = script.slice(script.lastIndexOf('/', script.lastIndexOf('/') - 1) + 1);
    test(`shellcheck -s sh passes ${name}`, () => {
      requireTools('shellcheck');
      const r = spawnSync('shellcheck', ['-s', 'sh', script], { encoding: 'utf8', env: { PATH: TEST_PATH } });
      assert.equal(r.stdout + r.stderr, '');
      assert.equal(r.status, 0);
    });

    test(`dash and bash --posix parse ${name}`, () => {
      requireTools('dash', 'bash');
      for (const argv of [['dash', '-n'], ['bash', '--posix', '-n']]) {
        const r = spawnSync(argv[0], [...argv.slice(1), script], { encoding: 'utf8', env: { PATH: TEST_PATH } });
        assert.equal(r.status, 0, `${argv.join(' ')}: ${r.stderr}`);
      }
    });
  }

  test('the agent starts with #!/bin/sh and is executable in the repository', () => {
    const r = spawnSync('sh', ['-c', 'head -n 1 "$1" && test -x "$1"', 'sh', AGENT_SOURCE], { encoding: 'utf8' });
    assert.equal(r.status, 0, 'agent/stash is not executable');
    assert.equal(r.stdout, '#!/bin/sh\n');
  });

  test("the stand-in's server is Python that parses", () => {
    requireTools('python3');
    const r = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', join(STANDIN_SOURCE, 'lib/standin-server.py')],
      { encoding: 'utf8', env: { PATH: TEST_PATH } });
    assert.equal(r.status, 0, r.stderr);
  });
});
