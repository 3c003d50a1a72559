// import, diff, apply, export and fetch-metadata as a script sees them without a
// cluster: usage errors, a spec with errors sending nothing, exit statuses when no
// node answers, and help built from the same declarations. (On a real cluster:
// test/cluster-ops/liveCluster.test.ts.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../cli/src/main';
import { ProcessResult, ProcessRunner, systemClock } from '../../../client/src/remote/processRunner';
import { demoSpecText } from '../../seedCluster';
import { FIXTURE_LAB } from '../spec/cibFixtures';
import { memoryIo } from './memoryIo';

/** A runner for which every host is down: it records what was started and answers as ssh does for a refused connection. */
function downRunner(): ProcessRunner & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run(file, args) {
      calls.push([file, ...args]);
      const result: ProcessResult = { exitCode: 255, stdout: '', stderr: 'ssh: connect to host 10.213.88.11 port 22: Connection refused\n', durationMs: 1, timedOut: false };
      return Promise.resolve(result);
    },
  };
}

const GOOD = demoSpecText(FIXTURE_LAB);
const BROKEN = GOOD.replace('cidr_netmask: 24', 'cidr_netmaks: 24');

async function cli(args: string[], files: Record<string, string> = { 'site.cluster.yaml': GOOD }) {
  const io = memoryIo(files);
  const runner = downRunner();
  const code = await main(args, io, { runner, clock: systemClock });
  return { code, out: io.stdout(), err: io.stderr(), calls: runner.calls, io };
}

describe('the live-cluster subcommands without a cluster', () => {
  test('apply and export refuse a spec with lint errors without starting any process', async () => {
    const apply = await cli(['apply', '--yes', 'site.cluster.yaml'], { 'site.cluster.yaml': BROKEN });
    assert.equal(apply.code, 1);
    assert.match(apply.err, /site\.cluster\.yaml:\d+:\d+: error unknown-param/);
    assert.match(apply.err, /has errors, so nothing was sent to the cluster/);
    assert.deepEqual(apply.calls, []);
    const exported = await cli(['export', '--format', 'pcs', 'site.cluster.yaml'], { 'site.cluster.yaml': BROKEN });
    assert.deepEqual([exported.code, exported.out, exported.calls], [1, '', []]);
    assert.match(exported.err, /has errors, so no script was written/);
  });

  test("export writes each pcs release's words: the colocation's score bare up to 0.11, score= for 0.12 and for a spec of Pacemaker 3.0", async () => {
    const colocation = (out: string) => /'constraint' 'colocation' 'add' 'stash_vip' 'with' 'stash_res' '([^']+)'/.exec(out)?.[1];
    const by = async (args: string[], text = GOOD) => colocation((await cli(['export', '--format', 'pcs', ...args, 'site.cluster.yaml'], { 'site.cluster.yaml': text })).out);
    assert.equal(await by([]), 'INFINITY');
    assert.equal(await by(['--pcs', '0.11']), 'INFINITY');
    assert.equal(await by(['--pcs', '0.12']), 'score=INFINITY');
    assert.equal(await by([], `pacemaker: "3.0"\n${GOOD}`), 'score=INFINITY');
    assert.equal(await by([], `pacemaker: "2.1"\n${GOOD}`), 'INFINITY');
    const wrong = await cli(['export', '--format', 'pcs', '--pcs', '0.13', 'site.cluster.yaml']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /--pcs must be one of 0\.9, 0\.10, 0\.11, 0\.12, not '0\.13'|--pcs must be/);
  });

  test('export prints a script and never connects; it needs --format pcs', async () => {
    const ok = await cli(['export', '--format=pcs', 'site.cluster.yaml']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^#!\/bin\/sh\n/);
    assert.match(ok.out, /pcs -f "\$cib\/new\.xml" 'resource' 'create' 'stash_res' 'ocf:heartbeat:stash'/);
    assert.deepEqual(ok.calls, []);
    const missing = await cli(['export', 'site.cluster.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /stash-ha: export: --format pcs is required/);
    const other = await cli(['export', '--format', 'crm', 'site.cluster.yaml']);
    assert.equal(other.code, 2);
    assert.match(other.err, /--format must be pcs, not 'crm'/);
    const unreadable = await cli(['export', '--format', 'pcs', 'gone.cluster.yaml']);
    assert.equal(unreadable.code, 2);
    assert.match(unreadable.err, /cannot read gone\.cluster\.yaml: no such file/);
  });

  test('import takes an ssh config host or user@host[:port], nothing that reads as an option', async () => {
    for (const host of ['-oProxyCommand=x', 'admin@', 'a@b:0', 'a@b:99999', 'a b']) {
      const r = await cli(['import', '--', host]);
      assert.equal(r.code, 2, host);
      assert.match(r.err, /HOST must be an ssh config host or user@host\[:port\]/, host);
      assert.deepEqual(r.calls, [], host);
    }
  });

  test('no node answering is exit status 3, for each subcommand that connects', async () => {
    for (const args of [['diff', 'site.cluster.yaml'], ['apply', '--yes', 'site.cluster.yaml'], ['import', 'root@10.213.88.11:22'], ['fetch-metadata', 'site.cluster.yaml']]) {
      const r = await cli(args);
      assert.equal(r.code, 3, `${args.join(' ')}: ${r.err}`);
      assert.ok(r.calls.some((c) => c[0] === 'ssh'), args[0]);
      assert.equal(r.out.includes('in sync'), false);
    }
  });

  test('help lists them and each says its options and exit statuses', async () => {
    const overview = await cli(['--help']);
    for (const name of ['import', 'diff', 'apply', 'export', 'fetch-metadata']) assert.match(overview.out, new RegExp(`\\n  ${name} +\\S`), name);
    const apply = await cli(['apply', '--help']);
    assert.equal(apply.code, 0);
    for (const option of ['--dry-run', '--yes', '--prune', '--timeout SEC', '--ssh-config FILE']) assert.ok(apply.out.includes(option), option);
    assert.match(apply.out, /Exit status: 0 applied and in sync/);
    assert.match((await cli(['diff', '--help'])).out, /--format json prints one array of \{ kind, path, live, spec, line \}/);
    assert.match((await cli(['import', '--help'])).out, /Usage: stash-ha import \[OPTIONS\] HOST/);
    assert.match((await cli(['fetch-metadata', '--help'])).out, /--dir DIR/);
  });
});
