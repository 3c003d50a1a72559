/**
 * Debian's Chromium, headless, driven by playwright-core (which downloads no
 * browser), with a fresh profile in a temp dir that close() removes. The flags keep
 * it from reaching the network on its own and from needing a GPU, a sandbox or a
 * large /dev/shm. Playwright refuses a raw --user-data-dir flag, hence the
 * persistent context.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Page, chromium } from 'playwright-core';
import { loadRuntime } from './runtime';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface Browser {
  readonly context: BrowserContext;
  /** The context's first page. */
  readonly page: Page;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Launches headless Chromium with a 1600×1000 viewport (room for the workbench's panels). */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'stash-ha-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: loadRuntime().chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1600, height: 1000 },
      timeout: 60_000,
    });
    const page = context.pages()[0] ?? await context.newPage();
    let closed: Promise<void> | undefined;
    return {
      context, page,
      close: () => (closed ??= context.close().finally(() => rmSync(profile, { recursive: true, force: true }))),
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
