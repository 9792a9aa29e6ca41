import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../ingest/fetch/fetcher.ts';
import { startServer, type TestServer } from '../test-support/http-server.ts';
import { createImageProxy } from './proxy.ts';

describe('the image proxy', () => {
  let server: TestServer;
  let dir: string;
  const hits = new Map<string, number>();
  const open = createFetcher({ userAgent: 'test', timeoutMs: 5_000, maxBytes: 5e6, perHost: 8, allowPrivate: true });
  const guarded = createFetcher({
    userAgent: 'test',
    timeoutMs: 5_000,
    maxBytes: 5e6,
    perHost: 8,
    allowPrivate: false,
  });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-proxy-'));
    const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#a52' } })
      .jpeg()
      .toBuffer();
    const big = await sharp({
      create: {
        width: 2000,
        height: 2000,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    server = await startServer((req, res) => {
      hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
      // Slow enough that concurrent requests overlap.
      setTimeout(() => {
        if (req.url!.startsWith('/photo')) return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
        if (req.url === '/page.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html>hi</html>');
        if (req.url === '/huge.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(big);
        res.writeHead(404).end();
      }, 30);
    });
  });

  afterAll(async () => {
    open.close();
    guarded.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fetches and resizes a picture once however many ask at the same time, then serves it from disk', async () => {
    const proxy = createImageProxy({ fetcher: open, cacheDir: dir });
    const url = `${server.base}/photo-1.jpg`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => proxy.get(url, 640)));
    expect(hits.get('/photo-1.jpg')).toBe(1);
    const first = answers[0]!;
    if (!first.ok) throw new Error(first.message);
    expect(answers.every((a) => a.ok && a.image.body.equals(first.image.body))).toBe(true);
    expect((await sharp(first.image.body).metadata()).width).toBe(640);
    // Another width of the same picture is made from the file just fetched.
    const other = await proxy.get(url, 320);
    expect(other.ok && other.cached).toBe(false);
    expect(hits.get('/photo-1.jpg')).toBe(1);
    // A new proxy (another process, a restart) finds both on disk.
    const again = await createImageProxy({ fetcher: open, cacheDir: dir }).get(url, 640);
    expect(again.ok && again.cached && again.image.etag === first.image.etag).toBe(true);
    expect(hits.get('/photo-1.jpg')).toBe(1);
    // The first proxy keeps what it served in memory: the same bytes with the disk copies gone.
    fs.rmSync(dir, { recursive: true, force: true });
    const warm = await proxy.get(url, 640);
    expect(warm.ok && warm.cached && warm.image.body.equals(first.image.body)).toBe(true);
    expect(hits.get('/photo-1.jpg')).toBe(1);
  });

  it('refuses what is not a picture (and remembers for a while), what is too big, and what is not there', async () => {
    const proxy = createImageProxy({ fetcher: open, cacheDir: dir, maxBytes: 1_000_000 });
    const page = await proxy.get(`${server.base}/page.jpg`, 640);
    expect(page).toMatchObject({ ok: false, status: 415 });
    expect(await proxy.get(`${server.base}/page.jpg`, 320)).toMatchObject({ ok: false, status: 415 });
    expect(hits.get('/page.jpg')).toBe(1);
    expect(await proxy.get(`${server.base}/huge.png`, 640)).toMatchObject({ ok: false, status: 413 });
    const small = createImageProxy({ fetcher: open, cacheDir: dir, maxPixels: 1_000_000 });
    expect(await small.get(`${server.base}/photo-2.jpg`, 640)).toMatchObject({ ok: false, status: 413 });
    const missing = await proxy.get(`${server.base}/gone.jpg`, 640);
    expect(missing).toMatchObject({ ok: false, status: 502 });
    expect(!missing.ok && missing.message).toContain('HTTP 404');
  });

  it('never fetches from a private address unless the operator allows it', async () => {
    const proxy = createImageProxy({ fetcher: guarded, cacheDir: dir });
    const before = server.stats.requests;
    const answer = await proxy.get(`${server.base}/photo-3.jpg`, 640);
    expect(answer).toMatchObject({ ok: false, status: 403 });
    expect(!answer.ok && answer.message).toMatch(/private|loopback|not allowed|blocked/i);
    expect(await proxy.get('http://169.254.169.254/latest/meta-data/x.jpg', 640)).toMatchObject({ status: 403 });
    expect(server.stats.requests).toBe(before);
  });
});
