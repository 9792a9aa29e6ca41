import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteOldImages, IMAGES_KEEP_MS } from './retention.ts';

describe('deleteOldImages', () => {
  it('deletes pictures written before the keep period and temp files after an hour, and keeps the rest', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-images-'));
    const now = Date.now();
    const put = (rel: string, ageMs: number) => {
      const file = path.join(dataDir, 'images', rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x');
      const t = new Date(now - ageMs);
      fs.utimesSync(file, t, t);
      return file;
    };
    const old = put('ab/abcd/w640.webp', IMAGES_KEEP_MS + 1000);
    const oldToo = put('ab/abcd/w320.webp', IMAGES_KEEP_MS + 1000);
    const fresh = put('cd/cdef/w640.webp', 1000);
    const staleTmp = put('tmp/123.part', 2 * 3_600_000);
    const freshTmp = put('tmp/456.part', 1000);
    expect(await deleteOldImages(dataDir, now, { dryRun: true })).toBe(3);
    expect(fs.existsSync(old)).toBe(true);
    expect(await deleteOldImages(dataDir, now)).toBe(3);
    for (const f of [old, oldToo, staleTmp]) expect(fs.existsSync(f)).toBe(false);
    for (const f of [fresh, freshTmp]) expect(fs.existsSync(f)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'images/ab/abcd'))).toBe(false);
    expect(await deleteOldImages(dataDir, now)).toBe(0);
    expect(await deleteOldImages(path.join(dataDir, 'nowhere'), now)).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
