// agent/stash's meta-data: valid OCF, exactly the schema spec-format.md gives for
// Stash, and the very text the build hands the language server.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { STASH_METADATA_XML } from '../../server/src/agents/generated/stashMetadata';
import { parseMetadata } from '../../server/src/agents/metadata';
import { AGENT_SOURCE } from './sandbox';
import { requireFiles, requireTools, TEST_PATH } from './tools';

const OCF_ENV = { PATH: TEST_PATH, OCF_ROOT: '/usr/lib/ocf' };

function metaData(shell: string): string {
  requireFiles('/usr/lib/ocf/lib/heartbeat/ocf-shellfuncs');
  const r = spawnSync(shell, [AGENT_SOURCE, 'meta-data'], { env: OCF_ENV, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  return r.stdout;
}

function parsed(xml: string) {
  const result = parseMetadata(xml, { name: 'ocf:heartbeat:stash', origin: 'agent/stash' });
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.agent;
}

describe('agent/stash meta-data', () => {
  test('is printed unchanged by dash and bash, and is the text the build extracts for the language server', () => {
    const agentText = readFileSync(AGENT_SOURCE, 'utf8');
    assert.ok(agentText.includes(STASH_METADATA_XML.trimEnd()), 'the generated schema is stale: run node scripts/build.mjs');
    for (const shell of ['dash', 'bash']) {
      const out = metaData(shell);
      assert.equal(out, STASH_METADATA_XML);
      assert.deepEqual(parsed(out), parsed(STASH_METADATA_XML));
    }
  });

  test('comes from a quoted heredoc with no shell expansion in it', () => {
    const agentText = readFileSync(AGENT_SOURCE, 'utf8');
    assert.match(agentText, /cat <<'END'\n<\?xml/);
    assert.ok(!STASH_METADATA_XML.includes('$'), 'the XML must be literal: build.mjs copies it without a shell');
  });

  test('is valid against the OCF DTD (ra-api-1.dtd), as ocf-tester checks it', () => {
    requireTools('xmllint');
    requireFiles('/usr/share/resource-agents/ra-api-1.dtd');
    const r = spawnSync('xmllint', ['--noout', '--valid', '-'], {
      cwd: '/usr/share/resource-agents', input: metaData('dash'), encoding: 'utf8', env: OCF_ENV,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
  });

  test("is valid against resource-agents' own meta-data schema (metadata.rng)", () => {
    requireTools('xmllint');
    requireFiles('/usr/share/resource-agents/metadata.rng');
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--relaxng', '/usr/share/resource-agents/metadata.rng', '-'], {
      input: metaData('dash'), encoding: 'utf8', env: OCF_ENV,
    });
    assert.equal(r.status, 0, r.stderr);
  });

  test("holds Stash's schema as spec-format.md gives it", () => {
    const agent = parsed(metaData('dash'));
    assert.equal(agent.ocfVersion, '1.1');
    for (const name of ['stash_user', 'stash_home', 'stash_inst']) {
      const p = agent.parameter(name);
      assert.ok(p, name);
      assert.equal(p.required, true, `${name} is required`);
      assert.equal(p.type, 'string');
      assert.equal(p.default, undefined);
    }
    assert.equal(agent.parameter('stash_user')?.unique, false);
    assert.equal(agent.parameter('stash_home')?.unique, true, 'two resources must not share a home');
    assert.equal(agent.parameter('stash_inst')?.unique, true, 'Stash writes its PID file into the installation');
    const statusUrl = agent.parameter('status_url');
    assert.equal(statusUrl?.required, false);
    assert.equal(statusUrl?.default, 'http://localhost:7990/status');
    for (const p of agent.parameters) {
      assert.ok(p.shortdesc.length > 0 && p.longdesc.length > 40, `${p.name} is described for a person`);
      if (!['stash_user', 'stash_home', 'stash_inst'].includes(p.name)) assert.equal(p.required, false, p.name);
    }
    assert.equal(agent.action('start')?.timeout, 240);
    assert.equal(agent.action('stop')?.timeout, 120);
    assert.equal(agent.action('monitor')?.timeout, 30);
    assert.equal(agent.action('monitor')?.interval, 15);
    assert.ok(agent.action('meta-data'));
    assert.ok(agent.action('validate-all'));
    assert.deepEqual(agent.actions.map((a) => a.name).sort(), ['meta-data', 'monitor', 'start', 'stop', 'validate-all']);
  });

  test('declares each default twice the same way: in the XML and in OCF_RESKEY_x_default', () => {
    const agentText = readFileSync(AGENT_SOURCE, 'utf8');
    const shellDefaults = new Map([...agentText.matchAll(/^OCF_RESKEY_(\w+)_default="([^"$]*)"$/gm)].map((m) => [m[1], m[2]]));
    const agent = parsed(STASH_METADATA_XML);
    for (const p of agent.parameters) {
      if (p.default === undefined) continue;
      assert.equal(shellDefaults.get(p.name), p.default, `OCF_RESKEY_${p.name}_default`);
    }
    for (const [name, value] of shellDefaults) assert.equal(agent.parameter(name)?.default, value, name);
  });
});
