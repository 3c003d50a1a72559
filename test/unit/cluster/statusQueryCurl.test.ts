// The status query's curl, run for real on this machine as a node would run it
// (the query's own `sh -c` script and argv, without ssh): it asks only http and
// https pages, and takes the URL as written, with no globbing of [ ] and { }.
// What protects a node is curl's own refusal, so the test reads what curl did:
// which requests reached a local HTTP server, and that a file: page printed nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QuerySections, splitSections, statusQuery } from '../../../client/src/cluster/statusQuery';

/** Runs the query's argv locally, as the node's shell would after ssh (not blocking: the test's server must answer). */
async function runQuery(urls: string[]): Promise<QuerySections> {
  const { command, marker } = statusQuery('stash', urls, 10_000);
  const [file, ...args] = command.argv;
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(file, args, { encoding: 'utf8', timeout: 30_000 }, (error, out, err) => (error ? reject(new Error(`${error.message}: ${err}`)) : resolve(out)));
  });
  return splitSections(stdout, marker);
}

describe('the status query\'s curl', () => {
  let server: Server;
  let port = 0;
  const paths: string[] = [];
  let dir: string;
  before(async () => {
    assert.equal(spawnSync('sh', ['-c', 'command -v curl']).status, 0, 'curl is not installed: apt-get install curl');
    dir = mkdtempSync(join(tmpdir(), 'stash-curl-'));
    server = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"state":"RUNNING"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an http page is asked once, brackets and braces sent as written (--globoff)', async () => {
    paths.length = 0;
    const [answer] = (await runQuery([`http://127.0.0.1:${port}/st[1-3]atus{a,b}`])).stash;
    assert.equal(answer.rc, 0, answer.body);
    assert.match(answer.body, /\{"state":"RUNNING"\}\n200$/);
    assert.deepEqual(paths, ['/st[1-3]atus{a,b}'], 'one request for the URL as written, not one per expansion');
  });

  test('a file: page (or any scheme but http and https) is refused by curl, and nothing of the file is printed (--proto =http,https)', async () => {
    const secret = join(dir, 'secret');
    writeFileSync(secret, 'TOP-SECRET-CONTENT\n');
    for (const url of [`file://${secret}`, `dict://127.0.0.1:${port}/x`, `gopher://127.0.0.1:${port}/x`]) {
      const [answer] = (await runQuery([url])).stash;
      assert.notEqual(answer.rc, 0, url);
      assert.doesNotMatch(answer.body, /TOP-SECRET-CONTENT/, url);
      assert.equal(answer.rc, 1, `curl's exit code for an unsupported protocol: ${url}`);
    }
  });
});
