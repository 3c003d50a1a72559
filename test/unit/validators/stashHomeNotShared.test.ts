import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stashHomeNotShared } from '../../../server/src/services/validators/stashHomeNotShared';
import { applyFix, lines, runValidators } from '../helpers';
import { HEAD, RESOURCES, TIED } from './stashSpec';

const VIP_ONLY = lines('constraints:', '  colocation:', '    - { resource: stash_vip, with: stash_res }');

describe('stash-home-not-shared', () => {
  test('a Filesystem holds the home but does not run with Stash: on stash_home, with a colocation fix', () => {
    const text = HEAD + RESOURCES + VIP_ONLY;
    const [d, ...rest] = runValidators(text, [stashHomeNotShared]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'stash-home-not-shared');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 16);
    assert.equal(d.text, '/var/atlassian/application-data/stash');
    assert.equal(d.message, "stash_res's stash_home /var/atlassian/application-data/stash is not on a Filesystem resource that runs with it: " +
      'after a fail-over the other node would serve a different home. stash_fs mounts /var/atlassian/application-data but does not run with stash_res: ' +
      'add a colocation { resource: stash_res, with: stash_fs, score: INFINITY }.');
    const fixed = applyFix(text, d.fixes![0]);
    assert.ok(fixed.endsWith('    - { resource: stash_vip, with: stash_res }\n    - { resource: stash_res, with: stash_fs, score: INFINITY }\n'));
    assert.deepEqual(runValidators(fixed, [stashHomeNotShared]), []);
  });

  test('path by path: /srv/stash-home is not inside /srv/stash', () => {
    const text = (HEAD + RESOURCES + TIED)
      .replace('directory: /var/atlassian/application-data', 'directory: /srv/stash')
      .replace('stash_home: /var/atlassian/application-data/stash', 'stash_home: /srv/stash-home');
    const [d] = runValidators(text, [stashHomeNotShared]);
    assert.equal(d.line, 16);
    assert.equal(d.text, '/srv/stash-home');
    assert.match(d.message, /stash_fs runs with it but mounts \/srv\/stash: move stash_home under \/srv\/stash/);
    assert.equal(d.fixes, undefined);
  });

  test('no Filesystem at all', () => {
    const text = HEAD + lines('resources:', '  s:', '    agent: ocf:heartbeat:stash', '    params: { stash_home: /srv/home }');
    const [d] = runValidators(text, [stashHomeNotShared]);
    assert.equal(d.line, 8);
    assert.equal(d.text, '/srv/home');
    assert.match(d.message, /Add an ocf:heartbeat:Filesystem resource whose directory holds \/srv\/home, and colocate s with it\.$/);
  });

  test('a -INFINITY colocation does not share the home', () => {
    const text = HEAD + RESOURCES + lines('constraints:', '  colocation:', '    - { resource: stash_res, with: stash_fs, score: -INFINITY }');
    assert.equal(runValidators(text, [stashHomeNotShared]).length, 1);
  });

  test('near miss: the classic cluster, the home equal to the mount point, and a group holding both', () => {
    assert.deepEqual(runValidators(HEAD + RESOURCES + TIED, [stashHomeNotShared]), []);
    const equal = (HEAD + RESOURCES + TIED).replace('stash_home: /var/atlassian/application-data/stash', 'stash_home: /var/atlassian/application-data/');
    assert.deepEqual(runValidators(equal, [stashHomeNotShared]), []);
    const grouped = HEAD + RESOURCES + lines('groups:', '  g: [stash_fs, stash_res]');
    assert.deepEqual(runValidators(grouped, [stashHomeNotShared]), []);
  });

  test('near miss: tied through a chain via the address', () => {
    const text = HEAD + RESOURCES + lines('constraints:', '  colocation:',
      '    - { resource: stash_vip, with: stash_fs }', '    - { resource: stash_res, with: stash_vip }');
    assert.deepEqual(runValidators(text, [stashHomeNotShared]), []);
  });

  test('near miss: no stash_home (missing-param reports it) or a relative one (param-value does)', () => {
    const none = HEAD + lines('resources:', '  s:', '    agent: ocf:heartbeat:stash', '    params: { stash_user: a }');
    assert.deepEqual(runValidators(none, [stashHomeNotShared]), []);
    const relative = HEAD + lines('resources:', '  s:', '    agent: ocf:heartbeat:stash', '    params: { stash_home: srv/home }');
    assert.deepEqual(runValidators(relative, [stashHomeNotShared]), []);
  });

  test('near miss: a Filesystem whose own mistake hides what it mounts (no agent, a misspelt agent, a relative directory)', () => {
    const tied = HEAD + RESOURCES + TIED;
    for (const [from, to] of [['    agent: ocf:heartbeat:Filesystem\n', ''], ['ocf:heartbeat:Filesystem', 'ocf:heartbeat:FileSystem'],
      ['directory: /var/atlassian/application-data', 'directory: var/atlassian/application-data']]) {
      assert.ok(tied.includes(from));
      assert.deepEqual(runValidators(tied.replace(from, to), [stashHomeNotShared]), [], to);
    }
  });

  test('near miss: while the colocations cannot be read, nothing is said about what they tie', () => {
    const text = HEAD + RESOURCES + lines('constraints:', '  colocation: { resource: stash_res, with: stash_fs }');
    assert.deepEqual(runValidators(text, [stashHomeNotShared]), []);
  });
});
