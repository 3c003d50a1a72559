import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, lintJson, ROOT, runCli } from './cliProcess';

const HEAD = 'cluster: t\nnodes:\n  n1: { address: 10.0.0.1 }\n';
const CLEAN = `${HEAD}resources:\n  r1:\n    agent: ocf:pacemaker:Dummy\n`;
// `bogus` is at line 6, columns 19-23 (1-based): an unknown-param error.
const ONE_ERROR = `${HEAD}resources:\n  r1: { agent: ocf:pacemaker:Dummy,\n        params: { bogus: 1 } }\n`;
// Only a warning: a cluster property the format does not know.
const ONE_WARNING = `${HEAD}properties:\n  no-such-property: 1\n`;

let dir: string;
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

before(() => { dir = mkdtempSync(join(tmpdir(), 'stash-ha-cli-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

describe('exit status', () => {
  test('0 for a clean spec, with a summary line and nothing on stderr', () => {
    const r = runCli(['lint', file('clean.cluster.yaml', CLEAN)]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'no problems in 1 file\n');
    assert.equal(r.stderr, '');
  });

  test('0 when there are only warnings', () => {
    const r = lintJson([file('warn.cluster.yaml', ONE_WARNING)]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.records.map((x) => [x.severity, x.code]), [['warning', 'unknown-property']]);
  });

  test('1 when there is an error', () => {
    assert.equal(runCli(['lint', file('err.cluster.yaml', ONE_ERROR)]).status, 1);
  });

  test('1 for YAML that does not parse', () => {
    const r = lintJson([file('syntax.cluster.yaml', 'cluster: [unclosed\n')]);
    assert.equal(r.status, 1);
    assert.ok(r.records.some((x) => x.code === 'yaml-syntax' && x.severity === 'error'));
  });

  for (const [args, why] of [
    [['lint'], /lint: missing FILE/],
    [['lint', '--format', 'xml', 'a.cluster.yaml'], /--format must be text or json, not 'xml'/],
    [['lint', '--format'], /--format needs a value/],
    [['lint', '--metadata=', 'a.cluster.yaml'], /--metadata needs a value/],
    [['lint', '--colour', 'a.cluster.yaml'], /unknown option '--colour'/],
    [['lint', '-', '-'], /standard input \(-\) can be read only once/],
    [['lnit', 'a.cluster.yaml'], /unknown command 'lnit'/],
    [[], /no command given/],
  ] as const) {
    test(`2 for a usage error: ${args.join(' ') || '(nothing)'}`, () => {
      const r = runCli(args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, why);
      assert.match(r.stderr, /^stash-ha: /);
      assert.equal(r.stdout, '');
    });
  }
});

describe('JSON output', () => {
  test('one array of records with exactly the contract fields, 1-based, endColumn just past the range', () => {
    const path = file('err.cluster.yaml', ONE_ERROR);
    const r = lintJson([path]);
    assert.equal(r.records.length, 1);
    assert.deepEqual(Object.keys(r.records[0]).sort(),
      ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    const { message, ...where } = r.records[0];
    assert.deepEqual(where, { file: path, line: 6, column: 19, endLine: 6, endColumn: 24, severity: 'error', code: 'unknown-param' });
    assert.equal(ONE_ERROR.split('\n')[5].slice(18, 23), 'bogus');
    assert.match(message, /bogus/);
  });

  test('a range at the very start of the file is line 1, column 1', () => {
    const r = lintJson([file('top.cluster.yaml', `clustr: t\n${HEAD.slice('cluster: t\n'.length)}`)]);
    const unknown = r.records.find((x) => x.code === 'unknown-key');
    assert.ok(unknown, r.stdout);
    assert.deepEqual([unknown.line, unknown.column, unknown.endLine, unknown.endColumn], [1, 1, 1, 7]);
  });

  test('columns count UTF-16 code units, as the editor does', () => {
    const text = `${HEAD}resources:\n  r1: { agent: ocf:pacemaker:Dummy, meta: { x-é😀: 1, target-rol: Started } }\n`;
    const r = lintJson([file('utf16.cluster.yaml', text)]);
    const record = r.records.find((x) => x.code === 'unknown-meta' && /target-rol/.test(x.message));
    assert.ok(record, r.stdout);
    const line = text.split('\n')[4];
    assert.equal(record.column, line.indexOf('target-rol') + 1);
    assert.equal(record.endColumn, line.indexOf('target-rol') + 'target-rol'.length + 1);
  });

  test('an empty array, still valid JSON, when nothing is found', () => {
    const r = lintJson([file('clean2.cluster.yaml', CLEAN)]);
    assert.equal(r.stdout.trim(), '[]');
  });
});

describe('text output', () => {
  test('file:line:col: severity code message, then a summary', () => {
    const err = file('e.cluster.yaml', ONE_ERROR);
    const warn = file('w.cluster.yaml', ONE_WARNING);
    const r = runCli(['lint', '--format=text', err, warn]);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, r.stdout);
    assert.match(lines[0], new RegExp(`^${escape(err)}:6:19: error unknown-param .*bogus`));
    assert.match(lines[1], new RegExp(`^${escape(warn)}:5:3: warning unknown-property \\S`));
    assert.equal(lines[2], '2 problems (1 error, 1 warning) in 2 files');
  });
});

describe('several files', () => {
  test('each file is checked and named; the worst status wins', () => {
    const clean = file('a.cluster.yaml', CLEAN);
    const err = file('b.cluster.yaml', ONE_ERROR);
    const warn = file('c.cluster.yaml', ONE_WARNING);
    const r = lintJson([clean, err, warn]);
    assert.equal(r.status, 1);
    assert.deepEqual(r.records.map((x) => [x.file, x.code]), [[err, 'unknown-param'], [warn, 'unknown-property']]);
  });

  test('a file name is reported as it was given', () => {
    file('rel.cluster.yaml', ONE_ERROR);
    const r = lintJson(['rel.cluster.yaml'], { cwd: dir });
    assert.equal(r.records[0].file, 'rel.cluster.yaml');
  });
});

describe('standard input', () => {
  test('- reads the spec from stdin', () => {
    const r = lintJson(['-'], { input: ONE_ERROR });
    assert.equal(r.status, 1);
    assert.deepEqual(r.records.map((x) => [x.file, x.line, x.code]), [['<stdin>', 6, 'unknown-param']]);
  });
});

describe('--metadata', () => {
  const META = `<?xml version="1.0"?>
<resource-agent name="Widget" version="1.0">
<version>1.1</version>
<shortdesc lang="en">A test agent</shortdesc>
<longdesc lang="en">An agent known only from a meta-data file.</longdesc>
<parameters>
<parameter name="colour" required="1"><shortdesc lang="en">colour</shortdesc><content type="string"/></parameter>
</parameters>
<actions><action name="start" timeout="20s"/><action name="stop" timeout="20s"/><action name="monitor" timeout="20s" interval="10s"/></actions>
</resource-agent>
`;
  const SPEC = `${HEAD}resources:\n  w1: { agent: 'ocf:acme:Widget', params: { color: red } }\n`;

  test('without it the agent is unknown (a warning) and its params unchecked', () => {
    const r = lintJson([file('widget.cluster.yaml', SPEC)]);
    assert.equal(r.status, 0);
    assert.deepEqual(r.records.map((x) => x.code), ['unknown-agent']);
  });

  test('with it the agent is known and its params checked', () => {
    const meta = file('ocf.acme.Widget.metadata.xml', META);
    const r = lintJson(['--metadata', meta, file('widget2.cluster.yaml', SPEC)]);
    assert.equal(r.status, 1);
    assert.deepEqual(r.records.map((x) => x.code).sort(), ['missing-param', 'unknown-param']);
    assert.match(r.records.find((x) => x.code === 'unknown-param')?.message ?? '', /colour/);
  });

  test('an unreadable or unusable meta-data file is exit status 2, naming the file', () => {
    const missing = runCli(['lint', '--metadata', join(dir, 'ocf.acme.Nope.metadata.xml'), file('x.cluster.yaml', CLEAN)]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*ocf\.acme\.Nope\.metadata\.xml: no such file/);
    const broken = runCli(['lint', `--metadata=${file('ocf.acme.Bad.metadata.xml', '<resource-agent name="Bad">')}`, join(dir, 'x.cluster.yaml')]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /ocf\.acme\.Bad\.metadata\.xml/);
  });
});

describe('--help and --version', () => {
  test('lint --help documents the formats, positions and exit statuses', () => {
    const r = runCli(['lint', '--help']);
    assert.equal(r.status, 0);
    for (const word of ['--format text|json', '--metadata FILE', 'endColumn', '1-based', 'Exit status']) {
      assert.ok(r.stdout.includes(word), `help lacks ${word}`);
    }
  });

  test('--help lists the commands; --version prints the package version', () => {
    assert.match(runCli(['--help']).stdout, /^ {2}lint {2}/m);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = runCli(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `stash-ha ${version}\n`);
  });
});

describe('the package bin', () => {
  test('package.json names dist/cli.js, which runs by itself through its shebang', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    assert.equal(join(ROOT, manifest.bin?.['stash-ha'] ?? ''), CLI);
    accessSync(CLI, constants.X_OK);
    assert.ok(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n'));
    const r = spawnSync(CLI, ['lint', join(ROOT, 'examples/stash.cluster.yaml')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'no problems in 1 file\n');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
