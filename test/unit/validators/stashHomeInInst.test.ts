import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stashHomeInInst } from '../../../server/src/services/validators/stashHomeInInst';
import { lines, runValidators } from '../helpers';
import { HEAD } from './stashSpec';

const stash = (home: string, inst: string) => HEAD + lines(
  'resources:',
  '  stash_res:',
  '    agent: ocf:heartbeat:stash',
  '    params:',
  '      stash_user: atlstash',
  `      stash_home: ${home}`,
  `      stash_inst: ${inst}`,
);

describe('stash-home-in-inst', () => {
  test('stash_home inside stash_inst: on the stash_home value', () => {
    const [d, ...rest] = runValidators(stash('/opt/stash/home', '/opt/stash'), [stashHomeInInst]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'stash-home-in-inst');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 10);
    assert.equal(d.text, '/opt/stash/home');
    assert.match(d.message, /^stash_home \/opt\/stash\/home lies inside stash_inst \/opt\/stash: Stash refuses to start/);
  });

  for (const [home, inst] of [
    ['/opt/stash', '/opt/stash'],
    ['/opt/stash/', '/opt//stash'],
    ['/opt/x/../stash/./data', '/opt/stash/'],
    ['"/opt/stash/data"', '/opt/stash'],
  ]) {
    test(`after normalising: ${home} in ${inst}`, () => {
      const [d] = runValidators(stash(home, inst), [stashHomeInInst]);
      assert.equal(d?.code, 'stash-home-in-inst');
      assert.equal(d.text, home);
    });
  }

  for (const [home, inst] of [
    ['/opt/stash-home', '/opt/stash'],
    ['/opt', '/opt/stash'],
    ['/var/atlassian/application-data/stash', '/opt/atlassian/stash/3.11.3'],
    ['relative/home', 'relative'],
    ['/opt/stash/../home', '/opt/stash'],
  ]) {
    test(`near miss: ${home} is not inside ${inst}`, () => {
      assert.deepEqual(runValidators(stash(home, inst), [stashHomeInInst]), []);
    });
  }

  test('near miss: another agent with the same parameter names', () => {
    const text = stash('/opt/stash/home', '/opt/stash').replace('ocf:heartbeat:stash', 'ocf:acme:stash');
    assert.deepEqual(runValidators(text, [stashHomeInInst]), []);
  });
});
