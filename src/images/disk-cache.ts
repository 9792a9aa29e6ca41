// Resized pictures on disk under DATA_DIR/images: one folder per publisher
// URL (named by its SHA-256, fanned out by the first two hex digits), one
// file per width. A file is written whole to images/tmp, flushed, then renamed
// into place, so a reader (in this process or another) sees all of it or
// nothing; a file that is not a complete WebP anyway (a disk fault, a hand
// edit) is removed and made again, never served.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface CachedImage {
  body: Buffer;
  /** A validator for If-None-Match: the file's size and modification time. */
  etag: string;
}

export const imageKey = (url: string): string => crypto.createHash('sha256').update(url).digest('hex').slice(0, 40);

export class ImageDiskCache {
  private readonly tmp: string;

  constructor(private readonly dir: string) {
    this.tmp = path.join(dir, 'tmp');
  }

  pathOf(key: string, width: number): string {
    return path.join(this.dir, key.slice(0, 2), key, `w${width}.webp`);
  }

  async read(key: string, width: number): Promise<CachedImage | null> {
    const file = this.pathOf(key, width);
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let body: Buffer;
    let stat: fs.Stats;
    try {
      stat = await handle.stat();
      body = await handle.readFile();
    } finally {
      await handle.close();
    }
    if (!isCompleteWebp(body)) {
      await fs.promises.rm(file, { force: true });
      return null;
    }
    return { body, etag: `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"` };
  }

  async write(key: string, width: number, body: Buffer): Promise<CachedImage> {
    const file = this.pathOf(key, width);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.mkdir(this.tmp, { recursive: true });
    const temp = path.join(this.tmp, `${key}-${width}-${crypto.randomBytes(6).toString('hex')}.part`);
    try {
      const handle = await fs.promises.open(temp, 'wx');
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(temp, file);
    } catch (err) {
      await fs.promises.rm(temp, { force: true });
      throw err;
    }
    const stat = await fs.promises.stat(file);
    return { body, etag: `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"` };
  }

  /** Removes temporary files a crashed writer left behind (older than `ageMs`, so no live write is touched). */
  async sweepTemporary(now: number, ageMs = 600_000): Promise<number> {
    let names: string[];
    try {
      names = await fs.promises.readdir(this.tmp);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.tmp, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > ageMs) {
        await fs.promises.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/** A RIFF/WEBP file whose length is the one its header declares. */
export function isCompleteWebp(body: Buffer): boolean {
  return (
    body.length >= 20 &&
    body.toString('latin1', 0, 4) === 'RIFF' &&
    body.toString('latin1', 8, 12) === 'WEBP' &&
    body.readUInt32LE(4) + 8 === body.length
  );
}
