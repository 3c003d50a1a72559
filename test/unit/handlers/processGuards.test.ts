import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { ConnectionError, ConnectionErrors } from 'vscode-languageserver/node';
import { GuardLog, GuardedProcess, isClosedChannel, registerProcessGuards } from '../../../server/src/handlers/processGuards';

/** A process stand-in that records exit codes instead of exiting. */
class FakeProcess extends EventEmitter implements GuardedProcess {
  readonly stdout = new EventEmitter();
  readonly exits: number[] = [];
  constructor(readonly argv: readonly string[] = ['node', 'server.js', '--stdio']) { super(); }
  exit(code: number): void { this.exits.push(code); }
}

/** A connection whose console records lines, or throws as a closed connection does. */
function fakeConnection(closed = false): GuardLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    console: {
      error(line: string): void {
        if (closed) throw new ConnectionError(ConnectionErrors.Closed, 'Connection is closed.');
        lines.push(line);
      },
    },
  };
}

const epipe = (): NodeJS.ErrnoException => Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });

describe('process guards', () => {
  test('a bug that escapes every handler is logged, and the server goes on', () => {
    const proc = new FakeProcess();
    const conn = fakeConnection();
    registerProcessGuards(conn, proc);
    proc.emit('uncaughtException', new TypeError('x is undefined'));
    proc.emit('unhandledRejection', new RangeError('too deep'));
    assert.equal(conn.lines.length, 2);
    assert.match(conn.lines[0], /^Uncaught exception: TypeError: x is undefined/);
    assert.match(conn.lines[1], /^Unhandled rejection: RangeError: too deep/);
    assert.deepEqual(proc.exits, []);
  });

  test('a write to a closed channel ends the server quietly, 1 without a shutdown request', () => {
    for (const err of [epipe(), new ConnectionError(ConnectionErrors.Closed, 'Connection is closed.')]) {
      const proc = new FakeProcess();
      const conn = fakeConnection();
      registerProcessGuards(conn, proc);
      proc.emit('unhandledRejection', err);
      proc.emit('uncaughtException', err);
      assert.deepEqual(proc.exits, [1], 'exits once');
      assert.deepEqual(conn.lines, [], 'nothing written to the dead channel');
    }
  });

  test('after shutdown, a closed channel ends the server with 0', () => {
    const proc = new FakeProcess();
    registerProcessGuards(fakeConnection(), proc).shutdownReceived();
    proc.stdout.emit('error', epipe());
    assert.deepEqual(proc.exits, [0]);
  });

  test('a bug whose log line cannot be written any more ends the server instead of throwing in the handler', () => {
    const proc = new FakeProcess();
    registerProcessGuards(fakeConnection(true), proc);
    assert.doesNotThrow(() => proc.emit('uncaughtException', new TypeError('x is undefined')));
    assert.deepEqual(proc.exits, [1]);
  });

  test('with --stdio, stdout closing or failing with EPIPE ends the server; over IPC, a disconnect does', () => {
    const closed = new FakeProcess();
    registerProcessGuards(fakeConnection(), closed);
    closed.stdout.emit('close');
    assert.deepEqual(closed.exits, [1]);

    const ipc = new FakeProcess(['node', 'server.js', '--node-ipc']);
    registerProcessGuards(fakeConnection(), ipc);
    ipc.stdout.emit('close');
    assert.deepEqual(ipc.exits, [], 'stdout is not the channel over IPC');
    ipc.emit('disconnect');
    assert.deepEqual(ipc.exits, [1]);
  });

  test('which errors mean the client is gone', () => {
    for (const code of ['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_IPC_CHANNEL_CLOSED']) {
      assert.ok(isClosedChannel(Object.assign(new Error(code), { code })), code);
    }
    assert.ok(isClosedChannel(new ConnectionError(ConnectionErrors.Disposed, 'disposed')));
    assert.ok(!isClosedChannel(new ConnectionError(ConnectionErrors.AlreadyListening, 'listening')));
    assert.ok(!isClosedChannel(Object.assign(new Error('no such file'), { code: 'ENOENT' })));
    assert.ok(!isClosedChannel(undefined));
    assert.ok(!isClosedChannel('EPIPE'));
  });
});
