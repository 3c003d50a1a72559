import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { commandLine, quoteWord } from '../../../client/src/remote/shellQuote';

const HOSTILE = ['with space', "it's", ';', '$(id)', '`id`', 'a\nb', '-n', '', '*', '~', 'if', 'x=y', "'", '\\', '!', '#'];

describe('quoteWord / commandLine', () => {
  test('plain words stay bare so logs read well', () => {
    assert.equal(quoteWord('crm_mon'), 'crm_mon');
    assert.equal(quoteWord('--output-as=xml'), "'--output-as=xml'");
    assert.equal(quoteWord('/usr/sbin/pcs'), '/usr/sbin/pcs');
    assert.equal(commandLine(['pcs', 'resource', 'move', 'stash_res', 'node02']), 'pcs resource move stash_res node02');
  });

  test('everything else is single-quoted, a quote as the four characters \'\\\'\'', () => {
    assert.equal(quoteWord(''), "''");
    assert.equal(quoteWord("it's"), "'it'\\''s'");
    assert.equal(quoteWord('$(id)'), "'$(id)'");
    assert.equal(quoteWord('if'), "'if'");
    assert.equal(quoteWord('x=y'), "'x=y'");
  });

  test('a POSIX shell reads every hostile word back unchanged (dash and bash)', () => {
    for (const shell of ['/bin/sh', '/bin/bash']) {
      const out = execFileSync(shell, ['-c', commandLine(['printf', '%s\\n', ...HOSTILE])], { encoding: 'utf8' });
      assert.equal(out, HOSTILE.map((w) => `${w}\n`).join(''), shell);
    }
  });

  test('a hostile first word is still just a program name', () => {
    const line = commandLine(['x=y; echo pwned']);
    const r = (() => {
      try {
        return execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        return String((error as { stderr?: string }).stderr);
      }
    })();
    assert.ok(!/^pwned$/m.test(r), r);
  });

  test('an empty vector or a NUL byte is refused', () => {
    assert.throws(() => commandLine([]), /empty/);
    assert.throws(() => commandLine(['a\0b']), /NUL/);
  });
});
