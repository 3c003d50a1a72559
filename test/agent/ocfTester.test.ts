// ClusterLabs' own conformance check: ocf-tester drives the agent through its
// whole life (validate, probe, start, monitor, double start, stop, double stop)
// against the stand-in, as resource-agents' maintainers test an agent.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Sandbox } from './sandbox';
import { requireFiles, requireTools, TEST_PATH } from './tools';

describe('ocf-tester', () => {
  const boxes: Sandbox[] = [];
  after(() => boxes.forEach((b) => b.cleanup()));

  test('passes agent/stash against the Stash stand-in', async () => {
    requireTools('ocf-tester', 'xmllint');
    requireFiles('/usr/share/resource-agents/ra-api-1.dtd');
    const box = await Sandbox.create({ startingSeconds: 2 });
    boxes.push(box);
    const args = ['-n', 'stash_res'];
    for (const [name, value] of Object.entries(box.params())) args.push('-o', `${name}=${value}`);
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolveRun, reject) => {
      const child = spawn('ocf-tester', [...args, box.agent], {
        env: { PATH: TEST_PATH, OCF_ROOT: '/usr/lib/ocf' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => { output += d; });
      child.stderr.setEncoding('utf8').on('data', (d: string) => { output += d; });
      const timer = setTimeout(() => { if (child.pid) process.kill(child.pid, 'SIGKILL'); }, 120_000);
      child.on('error', reject);
      child.on('close', (c) => { clearTimeout(timer); resolveRun({ code: c, output }); });
    });
    assert.equal(code, 0, output);
    assert.match(output, /passed all tests/);
    assert.doesNotMatch(output, /^\* rc=/m, output);
    assert.equal(box.serverPid(), undefined, 'ocf-tester ends with Stash stopped');
  });
});
