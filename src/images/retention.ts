// The image cache is a cache: pictures written long ago are deleted by the clean-up job and made again
// if anyone asks (the articles showing them are old by then), and a temp file left by a process that
// died mid-write goes after an hour.
import fs from 'node:fs/promises';
import path from 'node:path';

export const IMAGES_KEEP_MS = 60 * 86_400_000;
const TMP_KEEP_MS = 3_600_000;

/** Deletes (or, on a dry run, counts) cached pictures under DATA_DIR/images written before now - keepMs. */
export async function deleteOldImages(
  dataDir: string,
  now: number,
  opts: { keepMs?: number; dryRun?: boolean } = {},
): Promise<number> {
  const root = path.join(dataDir, 'images');
  const before = now - (opts.keepMs ?? IMAGES_KEEP_MS);
  let n = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    for (const e of entries) {
      const file = path.join(dir, e.name);
      if (e.isDirectory() && depth < 2) await walk(file, depth + 1);
      if (!e.isFile()) continue;
      const stat = await fs.stat(file).catch(() => undefined);
      const limit = path.basename(dir) === 'tmp' ? now - TMP_KEEP_MS : before;
      if (!stat || stat.mtimeMs >= limit) continue;
      if (!opts.dryRun) await fs.rm(file, { force: true });
      n++;
    }
    // A picture's folder left empty goes too (not the fan-out folders or tmp, which fill again).
    if (depth === 2 && !opts.dryRun && (await fs.readdir(dir)).length === 0) await fs.rmdir(dir).catch(() => {});
  };
  await walk(root, 0);
  return n;
}
