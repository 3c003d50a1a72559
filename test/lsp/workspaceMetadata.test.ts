/**
 * Workspace meta-data over LSP: an OCF meta-data file in the workspace folder makes
 * its agent known (checks, hover, select completion); a change to it, reported by the
 * client's file watcher, is picked up; a broken file is a warning message, not a
 * crash; node_modules is skipped; a file named by `stashHa.metadataPaths` is read
 * only once the client says the workspace is trusted.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionList, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, positionOf } from './lspClient';

/** Meta-data of a made-up agent, written the way `crm_resource --show-metadata` prints one. */
function widgetXml(extraParam = ''): string {
  return `<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="Widget" version="0.1">
<version>1.1</version>
<longdesc lang="en">Keeps a widget spinning on one node.</longdesc>
<shortdesc lang="en">Widget spinner</shortdesc>
<parameters>
<parameter name="size" required="1">
<longdesc lang="en">How large the widget is, in centimetres.</longdesc>
<shortdesc lang="en">Widget size</shortdesc>
<content type="integer"/>
</parameter>
<parameter name="mode">
<longdesc lang="en">How the widget spins.</longdesc>
<shortdesc lang="en">Spin mode</shortdesc>
<content type="select" default="fast"><option value="fast"/><option value="gentle"/></content>
</parameter>${extraParam}
</parameters>
<actions>
<action name="start" timeout="60s"/>
<action name="stop" timeout="30s"/>
<action name="monitor" timeout="20s" interval="10s"/>
<action name="meta-data" timeout="5s"/>
</actions>
</resource-agent>
`;
}

const COLOUR_PARAM = `
<parameter name="colour">
<longdesc lang="en">The widget's colour.</longdesc>
<shortdesc lang="en">Colour</shortdesc>
<content type="string" default="grey"/>
</parameter>`;

const SPEC = `cluster: c
nodes:
  n1: { address: 10.0.0.1 }
resources:
  w:
    agent: ocf:acme:Widget
    params: { size: 3, mode: fast, colour: red }
  h:
    agent: ocf:acme:Hidden
    params: { x: 1 }
`;

const codesOf = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.code}:${/'(\w+)'/.exec(d.message)?.[1] ?? ''}`).sort();

describe('workspace meta-data files over LSP', () => {
  let dir: string;
  let outside: string;
  let client: LspClient;
  const widgetPath = (): string => join(dir, 'agents', 'ocf.acme.Widget.metadata.xml');
  const uri = 'file:///work/widget.cluster.yaml';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stash-ha-ws-'));
    outside = mkdtempSync(join(tmpdir(), 'stash-ha-extra-'));
    mkdirSync(join(dir, 'agents'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(widgetPath(), widgetXml());
    writeFileSync(join(dir, 'node_modules', 'pkg', 'ocf.acme.Hidden.metadata.xml'), widgetXml().replace('"Widget"', '"Hidden"'));
    writeFileSync(join(outside, 'ocf.acme.Hidden.metadata.xml'), widgetXml().replace('"Widget"', '"Hidden"'));
    client = await LspClient.start({ workspace: dir, initializationOptions: { trusted: false, metadataPaths: [join(outside, 'ocf.acme.Hidden.metadata.xml')] } });
  });
  after(async () => {
    await client?.kill();
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const changed = async (path: string, type: 1 | 2 | 3, accept: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> => {
    const since = client.notifications.length;
    void client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path), type }] });
    return client.diagnostics(uri, accept, 10_000, since);
  };

  test('an agent from a workspace file is checked; node_modules and untrusted setting paths are not read', async () => {
    const ds = await client.open(uri, SPEC);
    assert.deepEqual(codesOf(ds), ['unknown-agent:', 'unknown-param:colour'], JSON.stringify(ds));
    const unknownAgent = ds.find((d) => d.code === 'unknown-agent');
    assert.match(unknownAgent?.message ?? '', /ocf:acme:Hidden/);
  });

  test('hover and completion use the workspace agent', async () => {
    const hover = await client.hover(uri, positionOf(SPEC, 'ocf:acme:Widget', 5));
    assert.ok(hover);
    assert.match(hover.contents.value, /Widget spinner/);
    assert.match(hover.contents.value, /ocf\.acme\.Widget\.metadata\.xml/);
    const text = SPEC.replace('mode: fast', 'mode: ');
    const docUri = 'file:///work/widget-complete.cluster.yaml';
    await client.open(docUri, text);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: docUri }, position: positionOf(text, 'mode: ', 'mode: '.length),
    });
    assert.deepEqual(list.items.map((i) => i.label), ['fast', 'gentle']);
    void client.close(docUri);
  });

  test('a changed meta-data file is picked up and open specs are re-checked', async () => {
    writeFileSync(widgetPath(), widgetXml(COLOUR_PARAM));
    const ds = await changed(widgetPath(), 2, (d) => !d.some((x) => x.code === 'unknown-param'));
    assert.deepEqual(codesOf(ds), ['unknown-agent:']);
  });

  test('a file that does not parse is a warning message; the server keeps working', async () => {
    const broken = join(dir, 'ocf.acme.Broken.metadata.xml');
    writeFileSync(broken, '<resource-agent name="Broken"><parameters>');
    const since = client.notifications.length;
    void client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(broken), type: 1 }] });
    const message = await client.waitFor<{ type: number; message: string }>('window/showMessage', (m) => /Broken/.test(m.message), 10_000, since);
    assert.equal(message.type, 2, 'a warning');
    assert.match(message.message, /ocf\.acme\.Broken\.metadata\.xml/);
    const hover = await client.hover(uri, positionOf(SPEC, 'ocf:acme:Widget', 5));
    assert.match(hover?.contents.value ?? '', /Widget spinner/);
    unlinkSync(broken);
    void client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(broken), type: 3 }] });
  });

  test('trusting the workspace reads the setting path', async () => {
    const since = client.notifications.length;
    void client.notify('workspace/didChangeConfiguration', {
      settings: { stashHa: { trusted: true, metadataPaths: [join(outside, 'ocf.acme.Hidden.metadata.xml')] } },
    });
    const ds = await client.diagnostics(uri, (d) => !d.some((x) => x.code === 'unknown-agent'), 10_000, since);
    assert.deepEqual(ds.map((d) => d.code).sort(), ['missing-param', 'unknown-param']);
    assert.match(ds.find((d) => d.code === 'missing-param')?.message ?? '', /'size'/);
  });

  test('a deleted meta-data file makes its agent unknown again', async () => {
    unlinkSync(widgetPath());
    const ds = await changed(widgetPath(), 3, (d) => d.some((x) => x.code === 'unknown-agent' && /Widget/.test(x.message)));
    assert.ok(ds.some((d) => d.code === 'unknown-agent'));
    const published = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics'
      && (n.params as PublishDiagnosticsParams).uri === uri);
    assert.ok(published.length >= 4);
  });
});
