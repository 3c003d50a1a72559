/**
 * Watched-file events for meta-data files, in an untrusted workspace (the client
 * reports any path it likes): only regular files inside a workspace folder count.
 * A symbolic link to a file outside, a file outside the folders, and a FIFO named
 * like a meta-data file make no agent known, and the FIFO does not stall the
 * queue: a real change after it is still picked up. The server is the built one,
 * over stdio; the files are real (symlinkSync, mkfifo).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from './lspClient';

function agentXml(name: string): string {
  return `<?xml version="1.0"?>
<resource-agent name="${name}" version="0.1">
<version>1.1</version>
<longdesc lang="en">A made-up agent.</longdesc>
<shortdesc lang="en">${name}</shortdesc>
<parameters>
<parameter name="size" required="1"><longdesc lang="en">Size.</longdesc><shortdesc lang="en">Size</shortdesc><content type="integer"/></parameter>
</parameters>
<actions><action name="start" timeout="20s"/><action name="stop" timeout="20s"/><action name="monitor" timeout="20s" interval="10s"/></actions>
</resource-agent>
`;
}

const SPEC = `cluster: c
nodes:
  n1: { address: 10.0.0.1 }
resources:
  a: { agent: ocf:acme:Escape }
  b: { agent: ocf:acme:Outside }
  c: { agent: ocf:acme:Fifo }
  d: { agent: ocf:acme:Late }
`;

/** The agents a spec's diagnostics call unknown. */
function unknown(ds: Diagnostic[]): string[] {
  return ds.filter((d) => d.code === 'unknown-agent').map((d) => /ocf:acme:(\w+)/.exec(d.message)?.[1] ?? '?').sort();
}

describe('meta-data file events in an untrusted workspace', () => {
  let dir: string;
  let outside: string;
  let client: LspClient;
  const uri = 'file:///work/events.cluster.yaml';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stash-ha-ev-'));
    outside = mkdtempSync(join(tmpdir(), 'stash-ha-out-'));
    client = await LspClient.start({ workspace: dir, initializationOptions: { trusted: false, metadataPaths: [] } });
  });
  after(async () => {
    await client?.kill();
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  test('a link to a file outside, a file outside the folders and a FIFO are not read; a later real file is', async () => {
    assert.deepEqual(unknown(await client.open(uri, SPEC)), ['Escape', 'Fifo', 'Late', 'Outside']);
    writeFileSync(join(outside, 'real.xml'), agentXml('Escape'));
    symlinkSync(join(outside, 'real.xml'), join(dir, 'ocf.acme.Escape.metadata.xml'));
    writeFileSync(join(outside, 'ocf.acme.Outside.metadata.xml'), agentXml('Outside'));
    execFileSync('mkfifo', [join(dir, 'ocf.acme.Fifo.metadata.xml')]);
    const since = client.notifications.length;
    void client.notify('workspace/didChangeWatchedFiles', {
      changes: [join(dir, 'ocf.acme.Escape.metadata.xml'), join(outside, 'ocf.acme.Outside.metadata.xml'), join(dir, 'ocf.acme.Fifo.metadata.xml')]
        .map((p) => ({ uri: fileUri(p), type: 1 })),
    });
    // A real file after them: once it is known, the events before it were handled (the queue is one at a time).
    writeFileSync(join(dir, 'ocf.acme.Late.metadata.xml'), agentXml('Late'));
    void client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, 'ocf.acme.Late.metadata.xml')), type: 1 }] });
    const ds = await client.diagnostics(uri, (d) => !unknown(d).includes('Late'), 15_000, since);
    assert.deepEqual(unknown(ds), ['Escape', 'Fifo', 'Outside'], JSON.stringify(ds));
    assert.ok(client.alive);
  });
});
