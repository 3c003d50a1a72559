import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stashCloned } from '../../../server/src/services/validators/stashCloned';
import { lines, runValidators } from '../helpers';
import { HEAD } from './stashSpec';

const stash = (extra: string) => HEAD + lines(
  'resources:',
  '  stash_res:',
  '    agent: ocf:heartbeat:stash',
  '    params: { stash_user: atlstash, stash_home: /srv/home, stash_inst: /opt/stash }',
  extra,
);

describe('stash-cloned', () => {
  test('a cloned Stash resource: on the clone key', () => {
    const [d, ...rest] = runValidators(stash('    clone: { clone-max: 2 }'), [stashCloned]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'stash-cloned');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 9);
    assert.equal(d.text, 'clone');
    assert.equal(d.message, "stash_res is a Stash resource and cannot be a clone: Stash must run on one node only, and two copies would share one home. Remove 'clone:' from stash_res.");
  });

  test('a promotable Stash resource, even with an empty mapping', () => {
    const [d] = runValidators(stash('    promotable: {}'), [stashCloned]);
    assert.equal(d.line, 9);
    assert.equal(d.text, 'promotable');
    assert.match(d.message, /cannot be promotable/);
  });

  test('the clone brought in by a merge key: at the merge', () => {
    const text = lines('x-cloned: &cloned { clone: {} }') + stash('    <<: *cloned');
    const [d] = runValidators(text, [stashCloned]);
    assert.equal(d.line, 10);
    assert.equal(d.text, '*cloned');
  });

  test('near miss: a clone of another agent, and Stash with meta only', () => {
    const text = stash('    meta: { migration-threshold: 1 }') + lines('  web: { agent: ocf:pacemaker:Dummy, clone: {} }');
    assert.deepEqual(runValidators(text, [stashCloned]), []);
  });
});
