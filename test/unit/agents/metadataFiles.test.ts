import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentNameFromFileName, loadMetadataFile, readMetadataFile } from '../../../server/src/agents/metadataFiles';

const FOO = `<?xml version="1.0"?>
<resource-agent name="Foo" version="1.0">
<version>1.0</version>
<parameters><parameter name="size" required="1"><content type="integer"/></parameter></parameters>
<actions><action name="start" timeout="30s"/></actions>
</resource-agent>`;

describe('meta-data files', () => {
  test('the file name spells the agent with dots for colons', () => {
    assert.equal(agentNameFromFileName('/ws/agents/ocf.acme.Foo.metadata.xml'), 'ocf:acme:Foo');
    assert.equal(agentNameFromFileName('ocf.acme.foo.bar.metadata.xml'), 'ocf:acme:foo.bar');
    assert.equal(agentNameFromFileName('stonith.fence_xvm.metadata.xml'), 'stonith:fence_xvm');
    assert.equal(agentNameFromFileName('systemd.httpd.metadata.xml'), 'systemd:httpd');
    assert.equal(agentNameFromFileName('Foo.metadata.xml'), undefined);
    assert.equal(agentNameFromFileName('ocf.Foo.metadata.xml'), undefined);
    assert.equal(agentNameFromFileName('ocf.acme.Foo.xml'), undefined);
  });

  test('a file named after the agent gives the agent that name', () => {
    const r = loadMetadataFile('/ws/ocf.acme.Foo.metadata.xml', FOO);
    assert.ok(r.ok);
    assert.equal(r.agent.name, 'ocf:acme:Foo');
    assert.equal(r.agent.origin, '/ws/ocf.acme.Foo.metadata.xml');
    assert.equal(r.agent.parameter('size')?.required, true);
  });

  test('any other file name needs a full agent name in the XML', () => {
    const full = loadMetadataFile('/ws/foo.metadata.xml', FOO.replace('name="Foo"', 'name="ocf:acme:Foo"'));
    assert.ok(full.ok);
    assert.equal(full.agent.name, 'ocf:acme:Foo');
    assert.equal(full.agent.parameter('size')?.type, 'integer');
    const bare = loadMetadataFile('/ws/foo.metadata.xml', FOO);
    assert.ok(!bare.ok);
    assert.equal(bare.error.path, '/ws/foo.metadata.xml');
    assert.match(bare.error.message, /^foo\.metadata\.xml: cannot tell which agent .* ocf\.PROVIDER\.Foo\.metadata\.xml/);
  });

  test('a file name and an XML name that disagree are an error', () => {
    const r = loadMetadataFile('/ws/ocf.acme.Bar.metadata.xml', FOO);
    assert.ok(!r.ok);
    assert.match(r.error.message, /file name says ocf:acme:Bar but the meta-data names the agent 'Foo'/);
    assert.ok(loadMetadataFile('/ws/ocf.acme.Foo.metadata.xml', FOO.replace('name="Foo"', 'name="ocf:acme:Foo"')).ok);
    assert.ok(loadMetadataFile('/ws/ocf.acme.Foo.metadata.xml', FOO.replace(' name="Foo"', '')).ok);
  });

  test('malformed XML gives an error with its line and column', () => {
    const r = loadMetadataFile('/ws/ocf.acme.Foo.metadata.xml', '<resource-agent name="Foo">\n  <parameters>\n</resource-agent>\n');
    assert.ok(!r.ok);
    assert.match(r.error.message, /^ocf\.acme\.Foo\.metadata\.xml: cannot read agent meta-data: not well-formed XML \(line 3/);
    assert.equal(r.error.line, 3);
    assert.equal(typeof r.error.column, 'number');
  });

  test('reads files from disk; an unreadable one is an error result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'metadata-'));
    try {
      const file = join(dir, 'ocf.acme.Foo.metadata.xml');
      writeFileSync(file, FOO);
      const ok = readMetadataFile(file);
      assert.ok(ok.ok);
      assert.equal(ok.agent.name, 'ocf:acme:Foo');
      const missing = readMetadataFile(join(dir, 'ocf.acme.Gone.metadata.xml'));
      assert.ok(!missing.ok);
      assert.match(missing.error.message, /cannot read the file: .*ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
