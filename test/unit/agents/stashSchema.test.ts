/**
 * Stash's schema has one source, agent/stash itself: what the agent prints for
 * `meta-data` must be exactly what the catalog (built from the copy the build
 * extracts) holds, and it must state the facts spec-format.md promises.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createCatalog, STASH_AGENT } from '../../../server/src/agents/catalog';
import { parseMetadata } from '../../../server/src/agents/metadata';
import { AgentInfo } from '../../../server/src/agents/model';
import { repoRoot } from '../helpers';

function agentMetadata(): string {
  const r = spawnSync(join(repoRoot(), 'agent/stash'), ['meta-data'], {
    env: { ...process.env, OCF_ROOT: '/usr/lib/ocf' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(r.status, 0, `agent/stash meta-data failed: ${r.stderr}`);
  return r.stdout;
}

function fromAgent(): AgentInfo {
  const r = parseMetadata(agentMetadata(), { name: STASH_AGENT, origin: 'agent/stash' });
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.agent;
}

describe('Stash schema', () => {
  test('the catalog holds exactly what agent/stash meta-data prints', () => {
    const catalog = createCatalog().get(STASH_AGENT);
    assert.ok(catalog);
    assert.deepEqual(catalog, fromAgent());
  });

  test('three required parameters, as spec-format.md says', () => {
    const stash = fromAgent();
    assert.deepEqual(stash.parameters.filter((p) => p.required).map((p) => p.name), ['stash_user', 'stash_home', 'stash_inst']);
    assert.equal(stash.ocfVersion, '1.1');
  });

  test('status_url is optional with the documented default', () => {
    const url = fromAgent().parameter('status_url');
    assert.equal(url?.required, false);
    assert.equal(url?.default, 'http://localhost:7990/status');
  });

  test('advertised timeouts: start 240s, stop 120s, monitor every 15s with 30s', () => {
    const stash = fromAgent();
    assert.equal(stash.action('start')?.timeout, 240);
    assert.equal(stash.action('stop')?.timeout, 120);
    assert.equal(stash.action('monitor')?.interval, 15);
    assert.equal(stash.action('monitor')?.timeout, 30);
  });
});
