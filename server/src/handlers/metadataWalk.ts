/**
 * Finds OCF meta-data files (`*.metadata.xml`) under the workspace folders. The walk
 * is bounded (depth, folders visited, files found), skips `node_modules` and `.git`,
 * does not follow symbolic links, and treats an unreadable folder as empty: a huge or
 * odd workspace makes it stop early, never hang.
 */
import { Dirent, promises as fs } from 'node:fs';
import { join } from 'node:path';

export const METADATA_SUFFIX = '.metadata.xml';

export interface WalkLimits {
  readonly maxDepth: number;
  readonly maxFolders: number;
  readonly maxFiles: number;
}

export const DEFAULT_LIMITS: WalkLimits = { maxDepth: 12, maxFolders: 20_000, maxFiles: 500 };

const SKIP = new Set(['node_modules', '.git']);

/** The meta-data files under `roots`, in walk order; `truncated` when a limit stopped the walk. */
export async function findMetadataFiles(roots: readonly string[], limits: WalkLimits = DEFAULT_LIMITS): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  let folders = 0;
  const queue: { dir: string; depth: number }[] = roots.map((dir) => ({ dir, depth: 0 }));
  for (let i = 0; i < queue.length; i++) {
    const next = queue[i];
    if (++folders > limits.maxFolders) return { files, truncated: true };
    let entries: Dirent[];
    try {
      entries = await fs.readdir(next.dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && next.depth < limits.maxDepth) queue.push({ dir: join(next.dir, e.name), depth: next.depth + 1 });
      } else if (e.isFile() && e.name.endsWith(METADATA_SUFFIX)) {
        files.push(join(next.dir, e.name));
        if (files.length >= limits.maxFiles) return { files, truncated: true };
      }
    }
  }
  return { files, truncated: false };
}
