import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { missingField } from '../../../server/src/services/validators/missingField';
import { lines, runValidators } from '../helpers';

describe('missing-field', () => {
  test('a resource without agent: at the resource id', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'resources:', '  stash_res:',
      '    params: { stash_user: atlstash }');
    const [d, ...rest] = runValidators(text, [missingField]);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'missing-field');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 4);
    assert.equal(d.text, 'stash_res');
    assert.equal(d.message, "Missing 'agent' in resource 'stash_res'. Add e.g. 'agent: ocf:heartbeat:stash'.");
  });

  test('a node without address, also when its value is empty: at the node name', () => {
    const text = lines('cluster: c', 'nodes:', '  n1: { ssh: { user: admin } }', '  n2:');
    const found = runValidators(text, [missingField]);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[3, 'n1'], [4, 'n2']]);
    assert.match(found[0].message, /^Missing 'address' in node 'n1'\. Add it: host name or IP address/);
  });

  test('a required key present without a value: at that key', () => {
    const text = lines('cluster:', 'nodes: { n1: { address: a } }');
    const [d] = runValidators(text, [missingField]);
    assert.equal(d.line, 1);
    assert.equal(d.text, 'cluster');
    assert.match(d.message, /^'cluster' at the top level has no value\./);
  });

  test('nodes absent: at the first key; nodes empty: at the nodes key', () => {
    const absent = runValidators(lines('cluster: c', 'resources: {}'), [missingField]);
    assert.deepEqual(absent.map((d) => [d.line, d.text]), [[1, 'cluster']]);
    assert.match(absent[0].message, /^Missing 'nodes' at the top level\./);
    for (const empty of ['nodes: {}', 'nodes:']) {
      const [d] = runValidators(lines('cluster: c', empty), [missingField]);
      assert.equal(d.line, 2);
      assert.equal(d.text, 'nodes');
      assert.match(d.message, /^'nodes' needs at least 1 entry\./);
    }
  });

  test('an empty document: both top-level keys at the start', () => {
    for (const text of ['', '# only a comment\n']) {
      const found = runValidators(text, [missingField]);
      assert.deepEqual(found.map((d) => [d.span.start, d.span.end, d.message.split('.')[0]]), [
        [0, 0, "Missing 'cluster' at the top level"],
        [0, 0, "Missing 'nodes' at the top level"],
      ], JSON.stringify(text));
    }
  });

  test('a document that is not a mapping is one type-mismatch, not also two missing keys', () => {
    for (const text of ['- a\n- b\n', 'just text\n']) {
      assert.deepEqual(runValidators(text, [missingField]), [], JSON.stringify(text));
      assert.deepEqual(runValidators(text).map((d) => d.code), ['type-mismatch'], JSON.stringify(text));
    }
  });

  test('a constraint missing a side: at the head of its list item', () => {
    const text = lines('cluster: c', 'nodes: { n1: { address: a } }', 'constraints:', '  order:',
      '    - first: a', '      kind: Optional', '  colocation:', '    - { with: b }');
    const found = runValidators(text, [missingField]);
    assert.deepEqual(found.map((d) => [d.line, d.text, d.message.split('.')[0]]), [
      [5, 'first: a', "Missing 'then' in order constraint 1"],
      [8, '{ with: b }', "Missing 'resource' in colocation constraint 1"],
    ]);
  });

  test('near miss: every required key present; merged keys count', () => {
    const text = lines('x-n: &n { address: 10.0.0.9 }', 'cluster: c', 'nodes:', '  n1: { <<: *n }',
      'resources:', '  r: { agent: ocf:pacemaker:Dummy }', 'constraints:', '  location: [ { resource: r, node: n1 } ]');
    assert.deepEqual(runValidators(text, [missingField]), []);
  });

  test('a required value written as an empty string is as good as absent; nothing else is said about it', () => {
    const text = lines('cluster: ""', 'nodes:', '  n1: { address: " " }', 'resources:', '  r1: { agent: "" }',
      'constraints:', '  colocation:', '    - { resource: "", with: r1 }');
    const all = runValidators(text);
    assert.deepEqual(all.map((d) => [d.code, d.line, d.text]), [
      ['missing-field', 1, 'cluster'], ['missing-field', 3, 'address'], ['missing-field', 5, 'agent'], ['missing-field', 8, 'resource']]);
    assert.match(all[0].message, /^'cluster' at the top level has no value\./);
  });
});
