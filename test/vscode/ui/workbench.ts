/**
 * The VS Code workbench as a person uses it, for end-to-end tests with playwright:
 * the command palette, Quick Open, the activity bar, tree views (the Explorer, the
 * extension's own views), context menus, modal dialogs, notifications and
 * screenshots. Each step waits for what it needs (a widget visible, a row present)
 * with the workbench's deadline, and says what it waited for when that passes.
 *
 * It knows the workbench's DOM (class names of VS Code 1.139) and nothing of the
 * extension: what a test expects to see belongs in the test. The Problems panel
 * is in problems.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { ROOT } from '../runtime';
import type { PageElement } from './pageElement';

/** Where screenshot() puts pictures: out/screenshots/ (ignored by git, kept after npm test). */
export const SCREENSHOT_DIR = join(ROOT, 'out', 'screenshots');

/** A string as a RegExp that matches exactly it, for playwright's `hasText`. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** An open context menu: its entries, and choosing one. */
export interface ContextMenu {
  /** The titles of the entries, in order (separators left out). */
  items(): Promise<string[]>;
  /** Clicks the entry titled `title` and waits for the menu to close. */
  choose(title: string): Promise<void>;
  /** Closes the menu without choosing. */
  dismiss(): Promise<void>;
}

export class Workbench {
  private constructor(readonly page: Page, readonly timeoutMs: number) {}

  /**
   * Loads `url` (a code-server workbench URL) and waits until the workbench and its
   * status bar are visible. `visibleMs` is how long that took.
   */
  static async open(page: Page, url: string, timeoutMs = 60_000): Promise<{ workbench: Workbench; visibleMs: number }> {
    const started = performance.now();
    await page.goto(url, { timeout: timeoutMs });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
    return { workbench: new Workbench(page, timeoutMs), visibleMs: performance.now() - started };
  }

  private async visible(locator: Locator, what: string): Promise<Locator> {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    } catch (error) {
      throw new Error(`${what} did not appear within ${this.timeoutMs / 1000} s: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    return locator.first();
  }

  private async gone(locator: Locator, what: string): Promise<void> {
    try {
      await locator.first().waitFor({ state: 'hidden', timeout: this.timeoutMs });
    } catch {
      throw new Error(`${what} was still there after ${this.timeoutMs / 1000} s`);
    }
  }

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** The quick input's row whose label is exactly `label`. */
  private quickInputRow(label: string): Locator {
    return this.quickInput().locator('.monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) });
  }

  /** Opens the command palette (F1) and returns its input box, which starts with `>`. */
  async openCommandPalette(): Promise<Locator> {
    await this.page.keyboard.press('F1');
    return this.visible(this.quickInput().locator('input'), 'the command palette');
  }

  /**
   * Runs the command shown in the palette as `title` (with its category, as the
   * palette shows it: 'View: Toggle Problems', 'Stash HA: Refresh Clusters').
   */
  async runCommand(title: string): Promise<void> {
    const input = await this.openCommandPalette();
    await input.fill(`>${title}`);
    await (await this.visible(this.quickInputRow(title), `the command '${title}' in the palette`)).click();
    await this.gone(this.quickInput(), 'the command palette');
  }

  /** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for its editor tab. */
  async quickOpen(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = await this.visible(this.quickInput().locator('input'), 'Quick Open');
    await input.fill(fileName);
    await (await this.visible(this.quickInputRow(fileName), `'${fileName}' in Quick Open`)).click();
    await this.gone(this.quickInput(), 'Quick Open');
    await this.visible(this.activeEditorTab(fileName), `the editor tab of ${fileName}`);
  }

  /** The active editor tab if it shows `name`. */
  activeEditorTab(name: string): Locator {
    return this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`);
  }

  /**
   * Shows the view container whose activity bar entry is titled `title` ('Explorer',
   * 'Stash HA'), clicking it only when it is not the one shown (a click on the shown
   * one would hide the side bar).
   */
  async clickActivityBarItem(title: string): Promise<void> {
    const link = this.page.locator(`a.action-label[aria-label="${title}"], a.action-label[aria-label^="${title} ("]`);
    const item = this.page.locator('.activitybar .action-item').filter({ has: link });
    await this.visible(item, `the activity bar entry '${title}'`);
    if ((await item.first().getAttribute('aria-selected')) !== 'true') await link.first().click();
    await this.visible(this.page.locator('.activitybar .action-item[aria-selected="true"]').filter({ has: link }), `'${title}' shown in the side bar`);
  }

  /**
   * Drags the sash at the side bar's edge until the side bar is `width` pixels wide
   * (roughly: the workbench keeps its own limits), so long descriptions show whole.
   */
  async resizeSideBar(width: number): Promise<void> {
    const bar = await this.visible(this.page.locator('.part.sidebar'), 'the side bar');
    const box = await bar.boundingBox();
    if (!box) throw new Error('the side bar has no box');
    const edge = box.x + box.width;
    const sashes = this.page.locator('.monaco-sash.vertical');
    let best: { x: number; y: number } | undefined;
    for (let i = 0; i < await sashes.count(); i++) {
      const b = await sashes.nth(i).boundingBox();
      if (b && b.height > box.height / 2 && Math.abs(b.x + b.width / 2 - edge) < 8) best = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
    if (!best) throw new Error(`no sash at the side bar's edge (x ${edge})`);
    await this.page.mouse.move(best.x, best.y);
    await this.page.mouse.down();
    await this.page.mouse.move(best.x + (width - box.width) / 2, best.y, { steps: 5 });
    await this.page.mouse.move(best.x + (width - box.width), best.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /**
   * The pane of the view titled `viewTitle` ('Clusters'; the Explorer's folder view
   * is 'Explorer'). A container with one view merges its header, but it is still there.
   */
  viewPane(viewTitle: string): Locator {
    return this.page.locator('.pane').filter({ has: this.page.locator(`.pane-header[aria-label^="${viewTitle} Section"]`) });
  }

  /** The row of the tree item labelled `label` in the view `viewTitle`. */
  treeItem(label: string, viewTitle: string): Locator {
    return this.viewPane(viewTitle).locator('.monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) });
  }

  /** Waits until the view `viewTitle` shows the item `label` and returns its row. */
  async waitForTreeItem(label: string, viewTitle: string): Promise<Locator> {
    return this.visible(this.treeItem(label, viewTitle), `the item '${label}' in the view '${viewTitle}'`);
  }

  /**
   * The labels of the rows the view `viewTitle` shows, top to bottom, once it shows
   * at least one. Trees render only the rows in sight; collapsed items' children are
   * not rows.
   */
  async treeLabels(viewTitle: string): Promise<string[]> {
    const rows = this.viewPane(viewTitle).locator('.monaco-list-row');
    await this.visible(rows, `a row in the view '${viewTitle}'`);
    const labelled = await rows.evaluateAll((els) => (els as unknown as PageElement[]).map((el) => ({
      index: Number(el.getAttribute('data-index')),
      label: el.querySelector('.label-name')?.textContent ?? el.getAttribute('aria-label') ?? '',
    })));
    return labelled.sort((a, b) => a.index - b.index).map((r) => r.label);
  }

  /** The description shown beside the tree item `label` in the view `viewTitle` ('' when none), once the item is there. */
  async treeItemDescription(label: string, viewTitle: string): Promise<string> {
    const row = await this.waitForTreeItem(label, viewTitle);
    const description = row.locator('.label-description');
    return (await description.count()) > 0 ? (await description.first().innerText()).trim() : '';
  }

  /** Clicks the tree item `label` in the view `viewTitle` (selects it; opens a file). */
  async clickTreeItem(label: string, viewTitle: string): Promise<void> {
    await (await this.waitForTreeItem(label, viewTitle)).click();
  }

  /** Expands the tree item `label` if it is collapsed, and waits until it is expanded. */
  async expandTreeItem(label: string, viewTitle: string): Promise<void> {
    const row = await this.waitForTreeItem(label, viewTitle);
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await this.visible(this.treeItem(label, viewTitle).and(this.page.locator('[aria-expanded="true"]')), `'${label}' expanded`);
  }

  /** Right-clicks the tree item `label` in the view `viewTitle` and returns its context menu, once shown. */
  async rightClickTreeItem(label: string, viewTitle: string): Promise<ContextMenu> {
    await (await this.waitForTreeItem(label, viewTitle)).click({ button: 'right' });
    return this.contextMenu(`the context menu of '${label}'`);
  }

  private async contextMenu(what: string): Promise<ContextMenu> {
    const menu = await this.visible(this.page.locator('.context-view .monaco-menu'), what);
    const entries = menu.locator('a.action-menu-item');
    return {
      items: async () => (await entries.locator('.action-label').allTextContents()).map((t) => t.trim()),
      choose: async (title) => {
        // A menu ignores mouse-ups in its first 100 ms (so the right-click's own
        // release chooses nothing), which no element shows. Pointing at the entry
        // focuses it, which the page does show; Enter then runs it.
        const entry = menu.locator('li.action-item').filter({ has: this.page.locator('.action-label', { hasText: exactly(title) }) });
        await (await this.visible(entry, `'${title}' in ${what}`)).hover();
        await this.visible(menu.locator('li.action-item.focused').filter({ has: this.page.locator('.action-label', { hasText: exactly(title) }) }), `'${title}' focused in ${what}`);
        await this.page.keyboard.press('Enter');
        await this.gone(this.page.locator('.context-view .monaco-menu'), what);
      },
      dismiss: async () => {
        await this.page.keyboard.press('Escape');
        await this.gone(this.page.locator('.context-view .monaco-menu'), what);
      },
    };
  }

  /**
   * Waits for a modal dialog, clicks its button `button` ('Delete', 'Fail Over',
   * 'Cancel') and waits for the dialog to close. Returns the dialog's message and
   * detail, for the test to check what it asked.
   */
  async confirmDialog(button: string): Promise<string> {
    const { text } = await this.waitForDialog();
    await this.clickDialogButton(button);
    return text;
  }

  /**
   * Waits for a modal dialog and returns what it shows: its message and detail as
   * one line, and its buttons' titles. The dialog stays open.
   */
  async waitForDialog(): Promise<{ text: string; buttons: string[] }> {
    const dialog = await this.visible(this.page.locator('.monaco-dialog-box'), 'a dialog');
    const text = (await dialog.locator('.dialog-message-container').innerText()).trim().replace(/\s*\n\s*/g, ' ');
    const buttons = (await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((b) => b.trim());
    return { text, buttons };
  }

  /** Clicks the button `button` of the open dialog and waits for the dialog to close. */
  async clickDialogButton(button: string): Promise<void> {
    const dialog = await this.visible(this.page.locator('.monaco-dialog-box'), 'a dialog');
    const target = dialog.locator('.dialog-buttons .monaco-button').filter({ hasText: exactly(button) });
    await (await this.visible(target, `the button '${button}' in the dialog`)).click();
    await this.gone(dialog, `the dialog with the button '${button}'`);
  }

  /** Waits for a notification toast whose message matches `pattern` and returns its text. */
  async waitForNotification(pattern: RegExp): Promise<string> {
    const messages = this.page.locator('.notification-toast .notification-list-item-message');
    try {
      return (await (await this.visible(messages.filter({ hasText: pattern }), `a notification matching ${String(pattern)}`)).innerText()).trim();
    } catch (error) {
      const shown = (await messages.allInnerTexts()).map((t) => `'${t.trim()}'`).join(', ') || 'none';
      throw new Error(`${error instanceof Error ? error.message : String(error)}; the notifications shown: ${shown}`);
    }
  }

  /**
   * The text of an extension's status bar item, once it is shown: `id` is the
   * extension's id and the item's, as the workbench names the element
   * ('stash-ha.stash-ha.stashHa.status').
   */
  async statusBarItem(id: string): Promise<string> {
    const item = this.page.locator(`.part.statusbar .statusbar-item[id="${id}"]`);
    return (await (await this.visible(item, `the status bar item '${id}'`)).innerText()).trim();
  }

  /**
   * Waits until the active editor shows a CodeLens line whose text matches `pattern`
   * (its lenses as the editor renders them, joined by ' | ') and returns that text.
   */
  async waitForCodeLens(pattern: RegExp): Promise<string> {
    const lenses = this.page.locator('.editor-instance .monaco-editor .codelens-decoration');
    try {
      const line = await this.visible(lenses.filter({ hasText: pattern }), `a CodeLens matching ${String(pattern)}`);
      return (await line.innerText()).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
    } catch (error) {
      const shown = (await lenses.allInnerTexts()).map((t) => `'${t.trim()}'`).join(', ') || 'none';
      throw new Error(`${error instanceof Error ? error.message : String(error)}; the CodeLenses shown: ${shown}`);
    }
  }

  /** Clicks the CodeLens titled `title` in the active editor. */
  async clickCodeLens(title: string): Promise<void> {
    const link = this.page.locator('.editor-instance .monaco-editor .codelens-decoration a').filter({ hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
    await (await this.visible(link, `the CodeLens '${title}'`)).click();
  }

  /** The label of the active editor tab. */
  async activeTabLabel(): Promise<string> {
    const tab = this.page.locator('.tabs-container .tab.active .label-name, .title .label-name').first();
    return (await (await this.visible(tab, 'the active editor tab')).innerText()).trim();
  }

  /** Saves a picture of the whole page as out/screenshots/NAME.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
