import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, runCli } from './cliProcess';

const ERROR_SPEC = 'cluster: t\nnodes:\n  n1: { address: 10.0.0.1 }\nresources:\n  r1: { agent: ocf:pacemaker:Dummy, params: { bogus: 1 } }\n';
/** An unprivileged user to run as when the tests run as root, whom file modes do not stop. */
const NOBODY = 65534;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'stash-ha-unreadable-'));
  chmodSync(dir, 0o755);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('a file that cannot be read', () => {
  test('missing: exit 2, and a message naming the file and the reason', () => {
    const r = runCli(['lint', 'nodes.cluster.yaml'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'stash-ha: cannot read nodes.cluster.yaml: no such file\n');
    assert.equal(r.stdout, '', 'no summary when no file was checked');
  });

  test('a directory: exit 2, "is a directory"', () => {
    mkdirSync(join(dir, 'specs.cluster.yaml'));
    const r = runCli(['lint', 'specs.cluster.yaml'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'stash-ha: cannot read specs.cluster.yaml: is a directory\n');
  });

  test('a path through a file: exit 2, naming the part that is not a directory', () => {
    writeFileSync(join(dir, 'plain'), 'x');
    const r = runCli(['lint', 'plain/a.cluster.yaml'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'stash-ha: cannot read plain/a.cluster.yaml: a part of the path is not a directory\n');
  });

  test('no permission: exit 2, "permission denied"', () => {
    const path = join(dir, 'secret.cluster.yaml');
    writeFileSync(path, ERROR_SPEC);
    chmodSync(path, 0o000);
    // root reads any file whatever its mode, so as root run the CLI as nobody.
    const asRoot = process.getuid?.() === 0;
    // The checkout may sit in a folder nobody cannot enter: nobody runs a readable copy of the bundle.
    const cli = join(dir, 'cli.js');
    copyFileSync(CLI, cli);
    chmodSync(cli, 0o644);
    const r = runCli(['lint', path], asRoot ? { uid: NOBODY, gid: NOBODY, cwd: dir, cli } : { cwd: dir, cli });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, `stash-ha: cannot read ${path}: permission denied\n`);
  });

  test('the other files are still checked and reported, and 2 wins over 1', () => {
    writeFileSync(join(dir, 'bad.cluster.yaml'), ERROR_SPEC);
    const r = runCli(['lint', '--format', 'json', 'gone.cluster.yaml', 'bad.cluster.yaml'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^stash-ha: cannot read gone\.cluster\.yaml: no such file$/m);
    const records = JSON.parse(r.stdout) as { file: string; code: string }[];
    assert.deepEqual(records.map((x) => [x.file, x.code]), [['bad.cluster.yaml', 'unknown-param']]);
  });
});
