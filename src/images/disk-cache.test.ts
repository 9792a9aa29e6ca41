import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { imageKey, ImageDiskCache, isCompleteWebp } from './disk-cache.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-images-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const webp = () =>
  sharp({ create: { width: 20, height: 10, channels: 3, background: '#369' } })
    .webp()
    .toBuffer();

describe('ImageDiskCache', () => {
  it('keeps a width of a picture under its key, leaving no temporary file behind', async () => {
    const dir = tempDir();
    const cache = new ImageDiskCache(dir);
    const key = imageKey('https://cdn.example/a.jpg');
    expect(await cache.read(key, 320)).toBeNull();
    const body = await webp();
    const written = await cache.write(key, 320, body);
    const read = await cache.read(key, 320);
    expect(read?.body.equals(body)).toBe(true);
    expect(read?.etag).toBe(written.etag);
    expect(read?.etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    expect(await cache.read(key, 640)).toBeNull();
    expect(cache.pathOf(key, 320)).toBe(path.join(dir, key.slice(0, 2), key, 'w320.webp'));
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('never serves a partial or corrupt file: it is removed and counts as a miss', async () => {
    const cache = new ImageDiskCache(tempDir());
    const key = imageKey('https://cdn.example/b.jpg');
    const body = await webp();
    await cache.write(key, 320, body);
    fs.writeFileSync(cache.pathOf(key, 320), body.subarray(0, body.length - 5));
    expect(await cache.read(key, 320)).toBeNull();
    expect(fs.existsSync(cache.pathOf(key, 320))).toBe(false);
    expect(isCompleteWebp(body)).toBe(true);
    expect(isCompleteWebp(Buffer.alloc(0))).toBe(false);
  });

  it('sweeps only temporary files old enough to belong to a crashed writer', async () => {
    const dir = tempDir();
    const cache = new ImageDiskCache(dir);
    fs.mkdirSync(path.join(dir, 'tmp'));
    fs.writeFileSync(path.join(dir, 'tmp', 'old.part'), 'x');
    fs.writeFileSync(path.join(dir, 'tmp', 'new.part'), 'x');
    const now = Date.now();
    fs.utimesSync(path.join(dir, 'tmp', 'old.part'), (now - 3_600_000) / 1000, (now - 3_600_000) / 1000);
    expect(await cache.sweepTemporary(now)).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual(['new.part']);
  });
});
