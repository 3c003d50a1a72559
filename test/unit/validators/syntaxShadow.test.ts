import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../../server/src/agents/catalog';
import { LineIndex } from '../../../server/src/spec/lines';
import { validateText } from '../../../server/src/services/validate';
import { lines } from '../helpers';

const HEAD = ['cluster: c', 'nodes:', '  n1: { address: a }', 'resources:'];

function found(text: string): string[] {
  const index = new LineIndex(text);
  return validateText(text, createCatalog()).map((d) => `${index.positionAt(d.span.start).line + 1} ${d.code}`);
}

describe('syntaxShadow (through validateText)', () => {
  test('a key without its colon: the syntax error alone, not also an unknown key and a resource without agent', () => {
    assert.deepEqual(found(lines(...HEAD, '  r1:', '    agent ocf:pacemaker:Dummy', '    params: { fake: 1 }')), ['6 yaml-syntax']);
  });

  test('a tab as indentation: not also a missing agent at the parent', () => {
    assert.deepEqual(found(lines(...HEAD, '  r1:', '\tagent: ocf:pacemaker:Dummy')), ['6 yaml-syntax']);
  });

  test('a quote left open swallowing the rest: not also a bad agent', () => {
    assert.deepEqual(found(lines(...HEAD, '  r1:', '    agent: "ocf:pacemaker:Dummy', '  r2:', '    agent: ocf:pacemaker:Dummy')), ['6 yaml-syntax']);
  });

  test('findings elsewhere stay while a line is half typed; absence claims about the whole document wait', () => {
    const text = lines(...HEAD, '  r1:', '    agent: ocf:pacemaker:Dummy', '    params: { bogus: 1 }', '  r2:', '    agent ocf:pacemaker:Dummy',
      '    meta: {}', 'constraints:', '  location:', '    - { resource: r3, node: n1 }');
    assert.deepEqual(found(text), ['7 unknown-param', '9 yaml-syntax']);
  });

  test('an unknown alias is a syntax error of its own line only: a finding on another line stays', () => {
    const text = lines(...HEAD, '  r1:', '    agent: ocf:pacemaker:Dummy', '    params: *nope', '  r2:', '    agent: ocf:pacemaker:Dumm');
    assert.deepEqual(found(text), ['7 yaml-syntax', '9 unknown-agent']);
  });
});
