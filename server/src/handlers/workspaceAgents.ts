/**
 * The agents described by meta-data files of the workspace (`**\/*.metadata.xml`)
 * and of the `stashHa.metadataPaths` setting (trusted workspaces only), and the
 * catalog they make with the built-in agents. A full scan runs at start and when
 * the folders or settings change; a watched-file event re-reads just that file. A
 * file that cannot be read or parsed is a warning message (once per distinct error)
 * and a log line; its agent is simply not known.
 *
 * Only regular files are read, opened without blocking (a FIFO named like a
 * meta-data file would stall the queue, and every rescan after it, for good). A
 * watched-file event counts only for a file inside a workspace folder that is no
 * symbolic link and lies there also once links in its folders are resolved: the
 * watcher reports any path, in a trusted workspace or not, and the walk does not
 * follow links either. Setting paths (trusted workspaces only) may be links.
 */
import { constants, promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
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

/**
 * Reads a meta-data file: a regular file only, opened without blocking (O_NONBLOCK:
 * opening a FIFO neither waits for a writer nor is read), and with `noFollow` not
 * through a symbolic link (O_NOFOLLOW). What is checked is the file opened, not a
 * path looked at before, so nothing can be swapped in between.
 */
async function readResult(path: string, noFollow: boolean): Promise<MetadataFileResult> {
  const fail = (why: string): MetadataFileResult => ({ ok: false, error: { path, message: `${path}: ${why}; not read as agent meta-data.` } });
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK | (noFollow ? constants.O_NOFOLLOW : 0));
    const stat = await handle.stat();
    if (!stat.isFile()) return fail('not a regular file');
    if (stat.size > MAX_FILE_BYTES) return fail(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    return loadMetadataFile(path, await handle.readFile('utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return fail('a symbolic link');
    return { ok: false, error: { path, message: `${path}: cannot read the file: ${err instanceof Error ? err.message : String(err)}` } };
  } finally {
    await handle?.close();
  }
}

/** Whether `path` lies inside `folder` (a path below it, not the folder itself). */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
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
        if (!path) continue;
        const setting = this.settingPaths.has(path);
        if (!setting) {
          if (!path.endsWith(METADATA_SUFFIX)) continue;
          if (e.type === FileChangeType.Deleted || !(await this.inWorkspace(path))) {
            // Gone, or no longer the workspace's own file (made a link, say): its agent goes.
            if (this.results.delete(path)) touched = true;
            this.shownErrors.delete(path);
            continue;
          }
        }
        touched = true;
        if (e.type === FileChangeType.Deleted) {
          this.results.delete(path);
          this.shownErrors.delete(path);
        } else {
          this.results.set(path, await readResult(path, !setting));
        }
      }
      if (touched) this.rebuild();
    });
  }

  /**
   * Whether a watched file counts as the workspace's: inside a workspace folder,
   * itself no link, and inside the same folder once links in the path are resolved.
   */
  private async inWorkspace(path: string): Promise<boolean> {
    const folders = this.folders.filter((f) => isInside(f, path));
    if (folders.length === 0) return false;
    try {
      if ((await fs.lstat(path)).isSymbolicLink()) return false;
      const real = await fs.realpath(path);
      for (const folder of folders) if (isInside(await fs.realpath(folder), real)) return true;
    } catch {
      return false;
    }
    return false;
  }

  /** Walks the folders, reads every file found and every setting path, and rebuilds. */
  rescan(): Promise<void> {
    return this.serially(async () => {
      const { files, truncated } = await findMetadataFiles(this.folders);
      if (truncated) this.connection.console.warn(`Stopped looking for *${METADATA_SUFFIX} files after ${files.length}: the workspace is large.`);
      this.settingPaths = new Set(this.settings.trusted ? this.resolveSettingPaths() : []);
      this.results.clear();
      for (const path of files) this.results.set(path, await readResult(path, true));
      for (const path of this.settingPaths) this.results.set(path, await readResult(path, false));
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
