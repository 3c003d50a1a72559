import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unknownParam } from '../../../server/src/services/validators/unknownParam';
import { applyFix, lines, runValidators } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: 10.0.0.1 }', 'resources:'];
const STASH = ['  stash_res:', '    agent: ocf:heartbeat:stash', '    params:'];

describe('unknown-param', () => {
  test('a misspelt parameter gets a did-you-mean and a rename fix', () => {
    const text = lines(...HEAD, ...STASH,
      '      stash_user: atlstash',
      '      stash_hme: /var/atlassian/application-data/stash',
      '      stash_inst: /opt/atlassian/stash/3.11.3');
    const found = runValidators(text, [unknownParam]);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(d.code, 'unknown-param');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 9);
    assert.equal(d.text, 'stash_hme');
    assert.equal(d.message, "Unknown parameter 'stash_hme' for ocf:heartbeat:stash: did you mean 'stash_home'?");
    assert.ok(d.fixes);
    assert.match(applyFix(text, d.fixes[0]), /\n {6}stash_home: \/var\/atlassian\/application-data\/stash\n/);
  });

  test('a parameter nothing resembles lists the agent\'s parameters', () => {
    const found = runValidators(lines(...HEAD, '  fs:', '    agent: ocf:heartbeat:Filesystem',
      '    params: { device: /dev/drbd0, directory: /srv, fstype: xfs, colour: blue }'), [unknownParam]);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, 'colour');
    assert.equal(found[0].line, 7);
    assert.equal(found[0].message, "Unknown parameter 'colour' for ocf:heartbeat:Filesystem: remove it, or use one of its parameters: "
      + 'device, directory, fstype, options, statusfile_prefix, run_fsck, fast_stop, force_clones, force_unmount.');
    assert.equal(found[0].fixes, undefined);
  });

  test('a systemd unit takes no parameters at all', () => {
    const found = runValidators(lines(...HEAD, '  web:', '    agent: systemd:httpd', '    params: { port: 80 }'), [unknownParam]);
    assert.equal(found.length, 1);
    assert.equal(found[0].message, "Unknown parameter 'port' for systemd:httpd: the agent takes no parameters; remove it.");
  });

  test('trace_ra and trace_file are allowed for heartbeat and pacemaker agents only', () => {
    const text = lines(...HEAD,
      '  vip: { agent: ocf:heartbeat:IPaddr2, params: { ip: 10.0.0.5, trace_ra: 1, trace_file: /tmp/t } }',
      '  d: { agent: ocf:pacemaker:Dummy, params: { trace_ra: 1 } }',
      '  drbd: { agent: ocf:linbit:drbd, params: { drbd_resource: r0, trace_ra: 1 } }');
    const found = runValidators(text, [unknownParam]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[7, 'trace_ra']]);
    assert.match(found[0].message, /for ocf:linbit:drbd/);
  });

  test('a parameter merged in with << points at the merge\'s alias and is not renamed there', () => {
    const text = lines('x-common: &common { stash_usr: atlstash }', ...HEAD, ...STASH,
      '      <<: *common',
      '      stash_home: /srv/stash',
      '      stash_inst: /opt/stash');
    const found = runValidators(text, [unknownParam]);
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 9);
    assert.equal(found[0].text, '*common');
    assert.match(found[0].message, /did you mean 'stash_user'\?/);
    assert.equal(found[0].fixes, undefined);
  });

  test('the suggestion never names a parameter that is already set', () => {
    const found = runValidators(lines(...HEAD, ...STASH,
      '      stash_home: /srv/a',
      '      stash_hom: /srv/b'), [unknownParam]);
    assert.equal(found.length, 1);
    assert.doesNotMatch(found[0].message, /stash_home'\?/);
  });

  test('near miss: known parameters, case-exact, and resources whose agent is unknown', () => {
    const text = lines(...HEAD, ...STASH,
      '      stash_user: atlstash',
      '      stash_home: /srv/stash',
      '      stash_inst: /opt/stash',
      '      status_url: http://localhost:7990/status',
      '  w: { agent: ocf:acme:Widget, params: { anything: 1 } }',
      '  bad: { agent: Widget, params: { anything: 1 } }');
    assert.deepEqual(runValidators(text, [unknownParam]), []);
  });
});
