import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { cursorAt } from '../../../server/src/services/cursor';
import { buildModel } from '../../../server/src/spec/model';

const SPEC = `cluster: stash
nodes:
  node01: { address: 192.168.56.11 }
x-common: &common
  migration-threshold: 1
resources:
  stash_res:
    agent: ocf:heartbeat:stash
    params:
      stash_home: /srv/stash
    ops:
      start: { timeout: 240s }
      monitor:
        - { interval: 15s, role: Started }
    meta: *common
groups:
  g: [stash_res]
constraints:
  location:
    - { resource: stash_res, node: node01 }
`;

const catalog = createCatalog();
const at = (needle: string, delta = 1): ReturnType<typeof cursorAt> => {
  const i = SPEC.indexOf(needle);
  assert.ok(i >= 0, needle);
  return cursorAt(buildModel(SPEC), catalog, i + delta);
};

describe('cursorAt', () => {
  test('a top-level key is a format field', () => {
    const c = at('cluster');
    assert.equal(c.on, 'key');
    assert.deepEqual(c.path, ['cluster']);
    assert.equal(c.slot?.kind, 'field');
  });

  test('a parameter key knows its resource, agent and parameter', () => {
    const c = at('stash_home');
    assert.equal(c.on, 'key');
    assert.deepEqual(c.path, ['resources', 'stash_res', 'params', 'stash_home']);
    assert.equal(c.resource?.id, 'stash_res');
    assert.equal(c.agent?.name, 'ocf:heartbeat:stash');
    assert.ok(c.slot?.kind === 'param' && c.slot.param?.required);
  });

  test('a parameter value expects that parameter', () => {
    const c = at('/srv/stash', 3);
    assert.equal(c.on, 'value');
    assert.ok(c.expect?.kind === 'param' && c.expect.name === 'stash_home');
    assert.equal(c.node?.kind, 'scalar');
  });

  test('operation options, in a mapping and in a list of operations', () => {
    const start = at('240s');
    assert.deepEqual(start.path, ['resources', 'stash_res', 'ops', 'start', 'timeout']);
    assert.ok(start.expect?.kind === 'attribute' && start.expect.set.id === 'op' && start.expect.def?.value.kind === 'duration');
    const role = at('role');
    assert.equal(role.on, 'key');
    assert.deepEqual(role.path, ['resources', 'stash_res', 'ops', 'monitor', 0, 'role']);
    assert.ok(role.slot?.kind === 'attribute' && role.slot.def?.name === 'role');
    const action = at('start:');
    assert.ok(action.slot?.kind === 'action' && action.slot.action?.timeout === 240);
  });

  test('references: a group member, a constraint resource and a node', () => {
    const member = at('[stash_res]', 2);
    assert.deepEqual(member.path, ['groups', 'g', 0]);
    assert.ok(member.expect?.kind === 'shape' && member.expect.shape.kind === 'ref' && member.expect.shape.to === 'resource');
    const node = at('node: node01', 'node: '.length + 1);
    assert.ok(node.expect?.kind === 'shape' && node.expect.shape.kind === 'ref' && node.expect.shape.to === 'node');
  });

  test('ids being declared, and an x- key', () => {
    const id = at('node01:');
    assert.ok(id.slot?.kind === 'id' && id.slot.idKind === 'node');
    assert.equal(at('x-common').slot?.kind, 'extension');
  });

  test('an alias use is a value, not a walk into the anchored mapping', () => {
    const c = at('*common');
    assert.equal(c.on, 'value');
    assert.deepEqual(c.path, ['resources', 'stash_res', 'meta']);
  });

  test('outside the document, and on an empty document', () => {
    assert.equal(cursorAt(buildModel(''), catalog, 0).on, 'none');
    assert.equal(cursorAt(buildModel('a: 1\n\n\n'), catalog, 7).on, 'none');
  });
});
