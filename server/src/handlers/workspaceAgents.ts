/**
 * The agents described by meta-data files of the workspace (`**\/*.metadata.xml`)
 * and of the `stashHa.metadataPaths` setting (trusted workspaces only), and the
 * catalog they make with the built-in agents. A full scan runs at start and when
 * the folders or settings change; a watched-file event re-reads just that file. A
 * file that cannot be read or parsed is a warning message (once per distinct error)
 * and a log line; its agent is simply not known.
 */
import { promises as fs } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection, FileChangeType, FileEvent, MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import { createCatalog } from '../agents/catalog';
import { loadMetadataFile, MetadataFileResult } from '../agents/metadataFiles';
import { AgentCatalog, AgentInfo } from '../agents/model';
import { DEFAULT_SETTINGS, StashHaSettings } from './configuration';
import { errorText } from './context';
import { findMetadataFiles, METADATA_SUFFIX } from './metadataWalk';

/** Larger files are not read (a meta-data document is a few tens of kB). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A file: URI as a path; undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

async function readResult(path: string): Promise<MetadataFileResult> {
  try {
    const stat = await fs.stat(path);
    if (stat.size > MAX_FILE_BYTES) {
      return { ok: false, error: { path, message: `${path}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; not read as agent meta-data.` } };
    }
    return loadMetadataFile(path, await fs.readFile(path, 'utf8'));
  } catch (err) {
    return { ok: false, error: { path, message: `${path}: cannot read the file: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

export class WorkspaceAgents {
  private folders: string[] = [];
  private settings: StashHaSettings = DEFAULT_SETTINGS;
  /** Every meta-data file known, by path, with what reading it gave. */
  private readonly results = new Map<string, MetadataFileResult>();
  private settingPaths = new Set<string>();
  private readonly shownErrors = new Map<string, string>();
  private current: AgentCatalog = createCatalog();
  private queue: Promise<void> = Promise.resolve();

  /** `changed` runs after each rebuild of the catalog. */
  constructor(private readonly connection: Connection, private readonly changed: () => void) {}

  catalog(): AgentCatalog {
    return this.current;
  }

  currentSettings(): StashHaSettings {
    return this.settings;
  }

  /** Settles once the scans and re-reads started so far are done. */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Sets the workspace folders (file: URIs) and/or the settings, then rescans. */
  configure(change: { folders?: readonly string[]; settings?: StashHaSettings }): Promise<void> {
    if (change.folders) this.folders = change.folders.flatMap((u) => uriToPath(u) ?? []);
    if (change.settings) this.settings = change.settings;
    return this.rescan();
  }

  /** Re-reads the files of watched-file events and rebuilds the catalog. */
  filesChanged(events: readonly FileEvent[]): Promise<void> {
    return this.serially(async () => {
      let touched = false;
      for (const e of events) {
        const path = uriToPath(e.uri);
        if (!path || !(path.endsWith(METADATA_SUFFIX) || this.settingPaths.has(path))) continue;
        touched = true;
        if (e.type === FileChangeType.Deleted) {
          this.results.delete(path);
          this.shownErrors.delete(path);
        } else {
          this.results.set(path, await readResult(path));
        }
      }
      if (touched) this.rebuild();
    });
  }

  /** Walks the folders, reads every file found and every setting path, and rebuilds. */
  rescan(): Promise<void> {
    return this.serially(async () => {
      const { files, truncated } = await findMetadataFiles(this.folders);
      if (truncated) this.connection.console.warn(`Stopped looking for *${METADATA_SUFFIX} files after ${files.length}: the workspace is large.`);
      this.settingPaths = new Set(this.settings.trusted ? this.resolveSettingPaths() : []);
      this.results.clear();
      for (const path of [...files, ...this.settingPaths]) this.results.set(path, await readResult(path));
      this.rebuild();
    });
  }

  private resolveSettingPaths(): string[] {
    return this.settings.metadataPaths.flatMap((p) => {
      if (isAbsolute(p)) return [p];
      return this.folders.length > 0 ? this.folders.map((f) => resolve(f, p)) : [];
    });
  }

  private rebuild(): void {
    const agents: AgentInfo[] = [];
    const ordered = [...this.results.keys()].sort((a, b) =>
      Number(this.settingPaths.has(a)) - Number(this.settingPaths.has(b)) || a.localeCompare(b));
    for (const path of ordered) {
      const r = this.results.get(path);
      if (!r) continue;
      if (r.ok) {
        agents.push(r.agent);
        this.shownErrors.delete(path);
      } else {
        this.report(path, r.error.message);
      }
    }
    this.current = createCatalog(agents);
    this.connection.console.info(`Agent catalog: ${agents.length} agent(s) from meta-data files${agents.length ? `: ${agents.map((a) => a.name).join(', ')}` : ''}.`);
    this.changed();
  }

  private report(path: string, message: string): void {
    this.connection.console.warn(`Meta-data file not used: ${message}`);
    if (this.shownErrors.get(path) === message) return;
    this.shownErrors.set(path, message);
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Stash HA: ${message}` });
  }

  private serially(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((err) => {
      this.connection.console.error(`Reading agent meta-data failed: ${errorText(err)}`);
    });
    return this.queue;
  }
}
