/**
 * The one "Stash HA" log output channel: every remote command and its result
 * (the SSH layer logs command lines, exit codes and timings, never standard
 * input or keys), each operation's steps, and what failed. Also the Logger the
 * cluster library writes to.
 */
import * as vscode from 'vscode';
import { Logger } from '../remote/logger';
import { stripControl } from '../remote/terminalText';

export class OutputLog implements Logger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel('Stash HA', { log: true });
  }

  info(message: string): void {
    this.channel.info(stripControl(message));
  }

  warn(message: string): void {
    this.channel.warn(stripControl(message));
  }

  error(message: string): void {
    this.channel.error(stripControl(message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
