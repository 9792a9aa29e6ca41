// The .eml files the mailer writes under DATA_DIR/mail when no SMTP_URL is set (mailer.ts). They may
// hold one-time links and addresses, so they are not kept for ever: the clean-up job deletes those
// older than MAIL_FILES_KEEP_MS.
import fs from 'node:fs/promises';
import path from 'node:path';

export const MAIL_FILES_KEEP_MS = 7 * 86_400_000;

/** Deletes (or, on a dry run, counts) .eml files under DATA_DIR/mail last written before now - keepMs. */
export async function deleteOldMailFiles(
  dataDir: string,
  now: number,
  opts: { keepMs?: number; dryRun?: boolean } = {},
): Promise<number> {
  const dir = path.join(dataDir, 'mail');
  const before = now - (opts.keepMs ?? MAIL_FILES_KEEP_MS);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  let n = 0;
  for (const name of names) {
    if (!name.endsWith('.eml')) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (!stat?.isFile() || stat.mtimeMs >= before) continue;
    if (!opts.dryRun) await fs.rm(file, { force: true });
    n++;
  }
  return n;
}
