import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../../server/src/agents/catalog';
import {
  clusterAgentName, DEFAULT_STASH_STATUS_URL, parseAgent, parseClusterAgent, STASH_AGENT,
} from '../../../../server/src/spec/vocabulary';

describe('vocabulary: agents', () => {
  test('the spec\'s agent forms', () => {
    assert.deepEqual(parseAgent('ocf:heartbeat:IPaddr2'), { standard: 'ocf', provider: 'heartbeat', type: 'IPaddr2', name: 'ocf:heartbeat:IPaddr2' });
    assert.deepEqual(parseAgent('stonith:fence_xvm'), { standard: 'stonith', type: 'fence_xvm', name: 'stonith:fence_xvm' });
    for (const s of ['systemd', 'lsb', 'service']) assert.equal(parseAgent(`${s}:httpd`)?.name, `${s}:httpd`);
    for (const bad of ['IPaddr2', 'ocf:IPaddr2', 'ocf::heartbeat:IPaddr2', 'ocf:heartbeat:', 'upstart:x', 'systemd:a:b', 'stonith:', ' ocf:heartbeat:IPaddr2']) {
      assert.equal(parseAgent(bad), undefined, bad);
    }
  });

  test('crm_mon\'s old ocf::PROVIDER:TYPE form, read from a cluster, is the canonical name', () => {
    assert.equal(clusterAgentName('ocf::heartbeat:IPaddr2'), 'ocf:heartbeat:IPaddr2');
    assert.equal(clusterAgentName('stonith::fence_xvm'), 'stonith:fence_xvm');
    assert.equal(clusterAgentName('ocf:heartbeat:stash'), 'ocf:heartbeat:stash');
    assert.deepEqual(parseClusterAgent('ocf::linbit:drbd'), { standard: 'ocf', provider: 'linbit', type: 'drbd', name: 'ocf:linbit:drbd' });
    assert.equal(parseAgent('ocf::linbit:drbd'), undefined);
  });

  test('Stash\'s agent and its default status page are what agent/stash\'s meta-data says', () => {
    assert.equal(STASH_AGENT, 'ocf:heartbeat:stash');
    assert.equal(createCatalog().get(STASH_AGENT)?.parameter('status_url')?.default, DEFAULT_STASH_STATUS_URL);
  });
});
