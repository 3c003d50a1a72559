// The one argument parser of stash-ha: both spellings of every option, and the
// same wording for every kind of mistake in every subcommand.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPositionals, OptionSpec, parseCommandArgs, UsageError } from '../../../cli/src/args';
import { COMMANDS } from '../../../cli/src/commands';
import { main } from '../../../cli/src/main';
import { systemClock } from '../../../client/src/remote/processRunner';
import { memoryIo } from './memoryIo';

const OPTIONS: OptionSpec[] = [
  { name: 'format', value: 'FORMAT', choices: ['text', 'json'], help: '' },
  { name: 'metadata', value: 'FILE', multiple: true, help: '' },
  { name: 'timeout', value: 'SEC', seconds: true, help: '' },
  { name: 'verbose', short: 'v', help: '' },
];
const ONE = { names: ['SPEC'] };

function usage(args: string[], positional = ONE): string {
  try {
    checkPositionals(parseCommandArgs(args, OPTIONS).positionals, positional);
  } catch (err) {
    assert.ok(err instanceof UsageError, String(err));
    return err.message;
  }
  return assert.fail(`no usage error for ${args.join(' ')}`);
}

describe('parseCommandArgs', () => {
  test('--opt value and --opt=value mean the same; -- ends the options; - is an argument', () => {
    for (const args of [['--format', 'json', 'a'], ['--format=json', 'a'], ['a', '--format=json']]) {
      const p = parseCommandArgs(args, OPTIONS);
      assert.equal(p.value('format'), 'json');
      assert.deepEqual(p.positionals, ['a']);
    }
    assert.deepEqual(parseCommandArgs(['--', '--format'], OPTIONS).positionals, ['--format']);
    assert.deepEqual(parseCommandArgs(['-'], OPTIONS).positionals, ['-']);
    assert.deepEqual(parseCommandArgs(['--metadata', 'a', '--metadata=b', 'x'], OPTIONS).values('metadata'), ['a', 'b']);
    assert.equal(parseCommandArgs(['--timeout=2.5', 'x'], OPTIONS).ms('timeout'), 2500);
    assert.equal(parseCommandArgs(['-v', 'x'], OPTIONS).flag('verbose'), true);
    assert.equal(parseCommandArgs(['x'], OPTIONS).flag('verbose'), false);
  });

  test('each kind of mistake has one wording', () => {
    assert.equal(usage(['--colour', 'a']), "unknown option '--colour'");
    assert.equal(usage(['-x', 'a']), "unknown option '-x'");
    assert.equal(usage(['a', '--format']), '--format needs a value');
    assert.equal(usage(['--format', '--verbose', 'a']), '--format needs a value');
    assert.equal(usage(['--metadata=', 'a']), '--metadata needs a value');
    assert.equal(usage(['--format=xml', 'a']), "--format must be text or json, not 'xml'");
    assert.equal(usage(['--verbose=yes', 'a']), '--verbose takes no value');
    assert.equal(usage(['--timeout', '0', 'a']), "--timeout needs a number of seconds, not '0'");
    assert.equal(usage(['--timeout', '0x10', 'a']), "--timeout needs a number of seconds, not '0x10'");
    assert.equal(usage(['--format', 'json', '--format', 'text', 'a']), '--format given twice');
    assert.equal(usage([], { names: ['SPEC', 'RESOURCE', 'NODE'] }), 'missing SPEC RESOURCE NODE');
    assert.equal(usage(['a', 'b'], { names: ['SPEC', 'RESOURCE', 'NODE'] }), 'missing NODE');
    assert.equal(usage(['a', 'b']), "unexpected argument 'b'");
  });
});

describe('every subcommand', () => {
  const deps = { runner: { run: () => Promise.reject(new Error('no process may start in this test')) }, clock: systemClock };

  for (const command of COMMANDS) {
    test(`${command.name}: --help, --opt=value, and the shared wording of usage errors`, async () => {
      const help = memoryIo({});
      assert.equal(await main([command.name, '--help'], help, deps), 0);
      assert.match(help.stdout(), new RegExp(`^Usage: stash-ha ${command.name} \\[OPTIONS\\] `));
      assert.match(help.stdout(), /\nExit status: 0 /);

      const unknown = memoryIo({});
      assert.equal(await main([command.name, '--no-such-option', 'x'], unknown, deps), 2);
      assert.equal(unknown.stderr(), `stash-ha: ${command.name}: unknown option '--no-such-option'\n` +
        `usage: stash-ha ${command.name} [OPTIONS] ${command.positional.names.join(' ')}${command.positional.variadic ? '...' : ''}\n` +
        `Run \`stash-ha ${command.name} --help\` for the options.\n`);

      // Every subcommand has an option that takes a value (--format where there is one).
      const format = command.options.find((o) => o.name === 'format');
      const valued = format ?? command.options.find((o) => o.value !== undefined);
      assert.ok(valued, `${command.name} has an option with a value`);
      const missing = memoryIo({});
      assert.equal(await main([command.name, `--${valued.name}`], missing, deps), 2);
      assert.match(missing.stderr(), new RegExp(`^stash-ha: ${command.name}: --${valued.name} needs a value\n`));

      // --format=X is read like --format X: the run gets as far as the (missing) spec file.
      if (format === undefined || command.positional.names[0] !== 'SPEC') return;
      const choice = format.choices === undefined || format.choices.includes('json') ? 'json' : format.choices[0];
      const json = memoryIo({});
      const names = command.positional.names.map((n) => n.toLowerCase());
      assert.equal(await main([command.name, `--format=${choice}`, ...names], json, deps), 2);
      assert.match(json.stderr(), /cannot read (spec|file)?/);
    });
  }
});
