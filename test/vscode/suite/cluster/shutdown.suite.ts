/**
 * What the extension leaves when it is unloaded: deactivate() closes the
 * registry, which must end every ssh master the clusters kept open (each stays
 * logged in to its node for ControlPersist otherwise) and remove their private
 * socket directories. Masters show as `ssh: DIR/SOCKET [mux]` processes; a
 * directory names the process that made it in `DIR.owner`, here this extension
 * host. Runs after the other cluster suites (files run in name order): the
 * registry holds no cluster afterwards.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../../cluster/waitFor';
import { labSession, stashHa } from './labFixture';

/** The socket directories this process made, as their owner files say. */
function ownDirectories(): string[] {
  const base = tmpdir();
  return readdirSync(base).filter((n) => /^stash-ha-\w{6}\.owner$/.test(n))
    .filter((n) => readFileSync(join(base, n), 'utf8').split(' ')[0] === String(process.pid))
    .map((n) => join(base, n.slice(0, -'.owner'.length)));
}

/** The ssh masters serving sockets in `dirs`. */
function masters(dirs: readonly string[]): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue; // ended meanwhile
    }
    if (/^ssh: .* \[mux\]$/.test(cmdline) && dirs.some((d) => cmdline.includes(`${d}/`))) found.push(`${pid} ${cmdline}`);
  }
  return found;
}

suite('unloading the extension', () => {
  test('closing the clusters, as deactivate does, ends their ssh masters and removes the socket directories', async () => {
    const api = await stashHa();
    const session = await labSession(api);
    await api.registry.refresh(session.key);
    const dirs = ownDirectories();
    assert.ok(dirs.length >= 1, `no socket directory of process ${process.pid} in ${tmpdir()}`);
    assert.ok(masters(dirs).length >= 1, `no ssh master in ${dirs.join(', ')}`);

    await api.registry.close();

    // `ssh -O exit` returns once the master has been told; it ends a moment later.
    await waitFor('the ssh masters to end', 10_000, () => {
      const left = masters(dirs);
      return Promise.resolve(left.length === 0 ? { done: true, value: undefined } : { done: false, seen: left.join('; ') });
    }, 100);
    assert.deepEqual(dirs.filter((d) => existsSync(d) || existsSync(`${d}.owner`)), []);
    assert.deepEqual(api.registry.all(), []);
  });
});
