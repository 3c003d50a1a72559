/**
 * Runs an extension-host test suite in a real VS Code (code-server) the way
 * @vscode/test-electron does on the desktop: the extension under development is
 * loaded from `extensionDevelopmentPath`, and `extensionTestsPath` (a compiled
 * module exporting `run()`, test/vscode/suite/index.ts) runs inside the extension
 * host with the real `vscode` API. code-server has no headless flag for that: the
 * host starts when a browser connects, so Chromium opens the workbench with the two
 * paths in its `payload`, and the workbench's smoke-test driver hands the suite's
 * output and exit code to the page functions registered here.
 *
 * It prints the suite's output and then a plain `N passed, N failed` line.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { openBrowser } from './browser';
import { CodeServerOptions, startCodeServer } from './codeServer';
import { ROOT } from './runtime';

export interface ExtensionTestOptions {
  /** The folder the workbench opens (a copy of the fixtures workspace: workspace.ts). */
  readonly workspace: string;
  /** The extension's folder, with package.json and dist/; default the repository. */
  readonly extensionDevelopmentPath?: string;
  /** The compiled suite index; default out/test/vscode/suite/index.js. */
  readonly extensionTestsPath?: string;
  /** How long the whole run may take before it counts as failed; default 5 minutes. */
  readonly deadlineMs?: number;
  /** For the server: settings, environment for the extension host. */
  readonly server?: CodeServerOptions;
  /** Where a screenshot of a run that timed out goes; default out/screenshots/. */
  readonly screenshotDir?: string;
}

export interface ExtensionTestResult {
  /** The suite's exit code (0: every test passed); undefined when it timed out. */
  readonly code: number | undefined;
  readonly passed: number;
  readonly failed: number;
  /** What the extension host printed (the suite's reporter among the workbench's log lines). */
  readonly output: string;
  /** code-server's own output, for a failure's diagnosis. */
  readonly serverLog: string;
  readonly timings: { readonly serverStartMs: number; readonly workbenchVisibleMs: number; readonly suiteMs: number };
}

/** The line suite/index.ts prints when mocha is done. */
const SUITE_SUMMARY = /^stash-ha suite: (\d+) passed, (\d+) failed$/m;

/** Starts code-server and Chromium, runs the suite, stops both; never throws for a failing suite. */
export async function runExtensionTests(options: ExtensionTestOptions): Promise<ExtensionTestResult> {
  const extensionDevelopmentPath = options.extensionDevelopmentPath ?? ROOT;
  const extensionTestsPath = options.extensionTestsPath ?? join(ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
  const deadlineMs = options.deadlineMs ?? 5 * 60_000;
  const server = await startCodeServer({ ...options.server, smokeTestDriver: true });
  const lines: string[] = [];
  let code: number | undefined;
  let workbenchVisibleMs = 0;
  let suiteMs = 0;
  try {
    const browser = await openBrowser();
    try {
      let exit!: (code: number) => void;
      const exited = new Promise<number>((resolve) => { exit = resolve; });
      await browser.context.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        // The arguments of a console call in the extension host: a format string and its values.
        const line = format(...args);
        lines.push(type === 'error' ? `[error] ${line}` : line);
      });
      await browser.context.exposeFunction('codeAutomationExit', (c: number) => exit(c));

      const started = performance.now();
      const url = server.url(options.workspace, [
        ['extensionDevelopmentPath', server.remoteUri(extensionDevelopmentPath)],
        ['extensionTestsPath', server.remoteUri(extensionTestsPath)],
      ]);
      await browser.page.goto(url, { timeout: deadlineMs });
      await browser.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: deadlineMs });
      workbenchVisibleMs = performance.now() - started;

      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), deadlineMs - workbenchVisibleMs); });
      code = await Promise.race([exited, deadline]);
      clearTimeout(timer);
      suiteMs = performance.now() - started - workbenchVisibleMs;
      if (code === undefined) {
        const dir = options.screenshotDir ?? join(ROOT, 'out', 'screenshots');
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `extension-tests-timeout-${Date.now()}.png`);
        await browser.page.screenshot({ path: file }).catch(() => undefined);
        lines.push(`[error] the suite did not finish within ${deadlineMs / 1000} s; the page at that moment: ${file}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
  const output = lines.join('\n');
  const summary = SUITE_SUMMARY.exec(output);
  // No summary means the suite never got to the end (it failed to load, or timed out).
  const passed = summary ? Number(summary[1]) : 0;
  let failed = summary ? Number(summary[2]) : 1;
  if (code !== 0 && failed === 0) failed = 1;
  const result = { code, passed, failed, output, serverLog: server.log(), timings: { serverStartMs: server.startMs, workbenchVisibleMs, suiteMs } };
  console.log(output);
  console.log(`code-server healthy in ${(server.startMs / 1000).toFixed(1)} s, workbench visible in ${(workbenchVisibleMs / 1000).toFixed(1)} s, suite ran ${(suiteMs / 1000).toFixed(1)} s, exit code ${code ?? 'none (timed out)'}`);
  console.log(`${passed} passed, ${failed} failed`);
  return result;
}
