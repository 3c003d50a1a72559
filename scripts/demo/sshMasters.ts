/**
 * The shared ssh connections the extension leaves open: each is an `ssh` master
 * that daemonizes (so it is not in code-server's process group) and lives on for
 * ControlPersist after its last command. The demo gives code-server a private
 * TMPDIR, so every socket and master of its extension host lives under one
 * folder: masters are asked to exit through their sockets, and any process
 * still naming that folder is ended by its PID. Nothing else is touched.
 */
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';

/** Sockets of ssh's connection sharing under `dir` (the extension makes one private folder per connection). */
function sockets(dir: string, depth = 2): string[] {
  if (depth < 0 || !existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSocket()) found.push(path);
    else if (stat.isDirectory()) found.push(...sockets(path, depth - 1));
  }
  return found;
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Live processes (zombies excluded) whose command line names `dir`, as PIDs. */
export function processesNaming(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const pid = Number(entry);
    if (pid === process.pid) continue;
    if (/^\d+ \(.*\) Z /s.test(readOr(`/proc/${pid}/stat`))) continue;
    if (readOr(`/proc/${pid}/cmdline`).replace(/\0/g, ' ').includes(dir)) pids.push(pid);
  }
  return pids;
}

function exitMaster(socket: string): Promise<void> {
  return new Promise((resolve) => {
    // -F /dev/null: no config of the user's gets a say; the destination is a placeholder, the socket decides.
    execFile('ssh', ['-F', '/dev/null', '-o', `ControlPath=${socket}`, '-O', 'exit', 'demo-node'], { timeout: 5000 }, () => resolve());
  });
}

/** Ends every ssh master (and any other process) that names `dir`; resolves with what had to be killed. */
export async function endProcessesUnder(dir: string): Promise<number[]> {
  await Promise.all(sockets(dir).map(exitMaster));
  const left = processesNaming(dir);
  for (const pid of left) {
    try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  for (const deadline = performance.now() + 5000; processesNaming(dir).length > 0 && performance.now() < deadline;) await pause(100);
  for (const pid of processesNaming(dir)) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  return left;
}
