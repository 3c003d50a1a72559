/**
 * Our built-in meta-data must state the same facts as the real agents' own output
 * (test/fixtures/metadata/*-AGENT.xml, captured from resource-agents 4.12,
 * Pacemaker 2.1.5 and drbd-utils 9.22): parameter names, content types, flags,
 * defaults, select options and actions with timeouts. Only the prose is ours.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_METADATA } from '../../../server/src/agents/builtin';
import { parseMetadata } from '../../../server/src/agents/metadata';
import { AgentInfo } from '../../../server/src/agents/model';
import { repoRoot } from '../helpers';

const FIXTURES = join(repoRoot(), 'test/fixtures/metadata');

/** The captured real meta-data of an agent type, found by its file name ending in `-TYPE.xml`. */
function realMetadata(type: string): string {
  const file = readdirSync(FIXTURES).find((f) => f.endsWith(`-${type}.xml`));
  assert.ok(file, `no real meta-data for ${type} in ${FIXTURES}`);
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/**
 * A default that names the resource instance (Dummy's state file, ping's pidfile) is
 * per resource: crm_resource fills in the type, a bare run leaves RESOURCE_ID.
 */
function perInstance(value: string | undefined, type: string): string | undefined {
  return value?.replace(new RegExp(`-(${type}|RESOURCE_ID)(?=\\.|$)`), '-RESOURCE_ID');
}

/** Everything but descriptions and origin. */
function facts(agent: AgentInfo, type: string): unknown {
  return {
    name: agent.name,
    version: agent.version,
    ocfVersion: agent.ocfVersion,
    parameters: agent.parameters.map(({ shortdesc: _s, longdesc: _l, deprecatedDesc: _d, ...rest }) =>
      (rest.default === undefined ? rest : { ...rest, default: perInstance(rest.default, type) })),
    actions: agent.actions,
  };
}

function parsed(xml: string, name: string): AgentInfo {
  const r = parseMetadata(xml, { name, origin: 'test' });
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.agent;
}

describe('built-in agents', () => {
  test('are the five agents the spec names', () => {
    assert.deepEqual(BUILTIN_METADATA.map((b) => b.name), [
      'ocf:heartbeat:IPaddr2', 'ocf:heartbeat:Filesystem', 'ocf:linbit:drbd', 'ocf:pacemaker:Dummy', 'ocf:pacemaker:ping',
    ]);
  });

  for (const { name, xml } of BUILTIN_METADATA) {
    const type = name.split(':')[2];
    test(`${name}: names, types, flags, defaults and timeouts equal the real agent's`, () => {
      assert.deepEqual(facts(parsed(xml, name), type), facts(parsed(realMetadata(type), name), type));
    });

    test(`${name}: descriptions are our own words`, () => {
      const ours = parsed(xml, name);
      const real = parsed(realMetadata(type), name);
      assert.notEqual(ours.longdesc, real.longdesc);
      for (const p of ours.parameters) {
        const theirs = real.parameter(p.name)?.longdesc ?? '';
        assert.ok(p.longdesc.length > 0, `${p.name} has a description`);
        assert.notEqual(p.longdesc, theirs, `${name} ${p.name}`);
      }
    });
  }
});
