// The question about an unknown host key names the key as ssh's own prompt does.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hostKeyQuestion, keyTypeName, oneAtATime } from '../../../client/src/feedback/hostKeyQuestion';

describe('hostKeyQuestion', () => {
  test('key types as `ssh -v` reports them become the names ssh\'s prompt uses', () => {
    const names = Object.fromEntries(['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp521', 'ssh-rsa', 'rsa-sha2-512', 'ssh-dss',
      'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com', 'ssh-ed25519-cert-v01@openssh.com', 'something-new']
      .map((a) => [a, keyTypeName(a)]));
    assert.deepEqual(names, {
      'ssh-ed25519': 'ED25519', 'ecdsa-sha2-nistp256': 'ECDSA', 'ecdsa-sha2-nistp521': 'ECDSA', 'ssh-rsa': 'RSA', 'rsa-sha2-512': 'RSA',
      'ssh-dss': 'DSA', 'sk-ssh-ed25519@openssh.com': 'ED25519-SK', 'sk-ecdsa-sha2-nistp256@openssh.com': 'ECDSA-SK',
      'ssh-ed25519-cert-v01@openssh.com': 'ED25519-CERT', 'something-new': 'something-new',
    });
  });

  test('the modal names the node, its address, the key and its fingerprint, and how to check it', () => {
    const q = hostKeyQuestion({ node: 'node01', endpoint: '10.0.0.11:22', keyType: 'ssh-ed25519', fingerprint: 'SHA256:abc' });
    assert.equal(q.message, 'The host key of node01 (10.0.0.11:22) is not known yet.');
    assert.match(q.detail, /^ED25519 key fingerprint is SHA256:abc\.\n\nCompare it with the node's own key \(ssh-keygen -lf /);
    assert.match(hostKeyQuestion({ node: 'n', endpoint: 'h:22' }).detail, /^Its key fingerprint is unknown\./);
  });
});

describe('oneAtATime', () => {
  test('questions asked together are put one after another, in the order asked; a failed one does not stop the next', async () => {
    const open: string[] = [];
    const log: string[] = [];
    const answers = new Map<string, () => void>();
    const ask = oneAtATime((node: string) => new Promise<boolean>((resolve, reject) => {
      open.push(node);
      log.push(`open ${node} (${open.length} open)`);
      answers.set(node, () => {
        open.splice(open.indexOf(node), 1);
        if (node === 'node02') reject(new Error('dialog closed'));
        else resolve(node === 'node01');
      });
    }));
    const all = [ask('node01'), ask('node02'), ask('node03')];
    const answerWhenOpen = async (node: string): Promise<void> => {
      while (!answers.has(node)) await new Promise((r) => setImmediate(r));
      answers.get(node)!();
    };
    await answerWhenOpen('node01');
    await answerWhenOpen('node02');
    await answerWhenOpen('node03');
    const settled = await Promise.allSettled(all);
    assert.deepEqual(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)), [true, 'dialog closed', false]);
    assert.deepEqual(log, ['open node01 (1 open)', 'open node02 (1 open)', 'open node03 (1 open)']);
  });
});
