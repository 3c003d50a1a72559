// agent/stash's checks before every action: each broken configuration or node
// gives its exact OCF code (6 not configured: wrong wherever it runs; 5 not
// installed: missing on this node) with a reason, under dash and bash; a probe
// on a node without the installation quietly says not running; stop there
// succeeds, so a passive node is never fenced for lacking the shared home.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentResult, RunOptions, Sandbox, Shell, uidOf } from './sandbox';

const OCF_ERR_UNIMPLEMENTED = 3;
const OCF_ERR_INSTALLED = 5;
const OCF_ERR_CONFIGURED = 6;
const OCF_NOT_RUNNING = 7;

/** A user name that exists on no machine these tests run on. */
const MISSING_USER = 'stash-ha-no-such-user';

function assertFails(r: AgentResult, code: number, reason: RegExp): void {
  assert.equal(r.code, code, r.stderr);
  assert.equal(r.reasons.length, 1, r.stderr);
  assert.match(r.reasons[0], reason);
}

function assertQuietNotRunning(r: AgentResult): void {
  assert.equal(r.code, OCF_NOT_RUNNING, r.stderr);
  assert.deepEqual(r.reasons, [], r.stderr);
  assert.doesNotMatch(r.stderr, /ERROR/);
}

for (const shell of ['dash', 'bash'] as Shell[]) {
  describe(`validation under ${shell}`, () => {
    let box: Sandbox;
    let scratch: string;
    before(async () => {
      box = await Sandbox.create();
      scratch = mkdtempSync(join(tmpdir(), 'stash-agent-validate-'));
    });
    after(() => {
      box.cleanup();
      rmSync(scratch, { recursive: true, force: true });
    });
    const run = (action: string, options: RunOptions = {}) => box.run(action, { shell, ...options });

    test('a complete configuration validates', async () => {
      const r = await run('validate-all');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.reasons, []);
    });

    for (const param of ['stash_user', 'stash_home', 'stash_inst']) {
      test(`a missing ${param} is not configured (6), for validate-all, start and a probe`, async () => {
        for (const action of ['validate-all', 'start', 'monitor']) {
          assertFails(await run(action, { params: { [param]: undefined } }), OCF_ERR_CONFIGURED, new RegExp(`${param} is not set`));
        }
      });
    }

    test('relative paths are not configured (6)', async () => {
      assertFails(await run('validate-all', { params: { stash_home: 'var/stash' } }), OCF_ERR_CONFIGURED, /stash_home 'var\/stash' is not an absolute path/);
      assertFails(await run('validate-all', { params: { stash_inst: 'opt/stash' } }), OCF_ERR_CONFIGURED, /stash_inst 'opt\/stash' is not an absolute path/);
      assertFails(await run('validate-all', { params: { pid_file: 'stash.pid' } }), OCF_ERR_CONFIGURED, /pid_file 'stash.pid' is not an absolute path/);
    });

    test('a home inside the installation is not configured (6), also through a symbolic link', async () => {
      assertFails(await run('validate-all', { params: { stash_home: join(box.inst, 'home') } }), OCF_ERR_CONFIGURED, /lies inside stash_inst/);
      assertFails(await run('start', { params: { stash_home: `${box.inst}/` } }), OCF_ERR_CONFIGURED, /lies inside stash_inst/);
      const link = join(scratch, 'home-link');
      mkdirSync(join(box.inst, 'data'), { recursive: true });
      symlinkSync(join(box.inst, 'data'), link);
      assertFails(await run('validate-all', { params: { stash_home: link } }), OCF_ERR_CONFIGURED, /lies inside stash_inst/);
      rmSync(link);
    });

    test('a home whose name only starts like the installation is fine', async () => {
      const r = await run('validate-all', { params: { stash_home: `${box.inst}-home` } });
      assert.notEqual(r.code, OCF_ERR_CONFIGURED, r.stderr);
    });

    test('root and malformed user names are not configured (6)', async () => {
      assertFails(await run('validate-all', { params: { stash_user: 'root' } }), OCF_ERR_CONFIGURED, /must not run as root/);
      assertFails(await run('validate-all', { params: { stash_user: '-u0' } }), OCF_ERR_CONFIGURED, /not a valid user name/);
      assertFails(await run('validate-all', { params: { stash_user: 'a b' } }), OCF_ERR_CONFIGURED, /not a valid user name/);
    });

    test('a status_url that is not http(s) is not configured (6)', async () => {
      assertFails(await run('validate-all', { params: { status_url: 'localhost:7990/status' } }), OCF_ERR_CONFIGURED, /status_url/);
    });

    test('a user missing on this node is not installed (5); a probe quietly says 7; stop succeeds', async () => {
      assert.equal(uidOf(MISSING_USER), undefined, `${MISSING_USER} must not exist`);
      const params = { stash_user: MISSING_USER };
      assertFails(await run('validate-all', { params }), OCF_ERR_INSTALLED, new RegExp(`user ${MISSING_USER} does not exist`));
      assertFails(await run('start', { params }), OCF_ERR_INSTALLED, /does not exist/);
      assertFails(await run('monitor', { params, intervalMs: 15_000 }), OCF_ERR_INSTALLED, /does not exist/);
      assertQuietNotRunning(await run('monitor', { params, intervalMs: 0 }));
      const stop = await run('stop', { params });
      assert.equal(stop.code, 0, stop.stderr);
    });

    test('a missing installation is not installed (5); a probe quietly says 7; stop succeeds', async () => {
      const params = { stash_inst: join(scratch, 'no-such-install') };
      assertFails(await run('validate-all', { params }), OCF_ERR_INSTALLED, /installation directory .* does not exist/);
      assertFails(await run('start', { params }), OCF_ERR_INSTALLED, /does not exist/);
      assertQuietNotRunning(await run('monitor', { params }));
      const stop = await run('stop', { params });
      assert.equal(stop.code, 0, stop.stderr);
    });

    test('an installation without its scripts is not installed (5)', async () => {
      const empty = join(scratch, 'empty-install');
      mkdirSync(empty, { recursive: true });
      assertFails(await run('validate-all', { params: { stash_inst: empty } }), OCF_ERR_INSTALLED, /bin\/start-stash\.sh is missing/);
    });

    test('a missing home (shared storage not mounted here) is not installed (5); a probe quietly says 7', async () => {
      const params = { stash_home: join(scratch, 'unmounted-home') };
      assertFails(await run('validate-all', { params }), OCF_ERR_INSTALLED, /home directory .* does not exist/);
      assertQuietNotRunning(await run('monitor', { params }));
      const stop = await run('stop', { params });
      assert.equal(stop.code, 0, stop.stderr);
    });

    test('without curl it is not installed (5)', async () => {
      // resource-agents' own switch (ocf-tester uses it) makes have_binary find
      // nothing: ocf-binaries appends the system directories to any PATH, so a
      // PATH without curl cannot hide it.
      const env = { OCF_TESTER_FAIL_HAVE_BINARY: '1' };
      assertFails(await run('validate-all', { env }), OCF_ERR_INSTALLED, /curl is not installed/);
    });

    test('usage succeeds and an unknown action is unimplemented (3)', async () => {
      const usage = await run('usage');
      assert.equal(usage.code, 0);
      assert.match(usage.stdout, /^usage: /);
      const unknown = await run('promote');
      assert.equal(unknown.code, OCF_ERR_UNIMPLEMENTED);
    });
  });
}
