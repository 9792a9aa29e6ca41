// The image endpoint's speed: a cached picture (the usual case: read from
// DATA_DIR/images and sent), and for comparison the first request for a
// picture (fetch from a local picture server, sniff, decode, resize to 640
// px, encode WebP, write). One server in this process over a fresh SQLite
// database, requests one after another over a kept-alive connection, so the
// figures are the endpoint's own time, not queueing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { imageLinks } from '../../src/images/links.ts';
import { loadImageSigner } from '../../src/images/signing.ts';
import { silentLogger } from '../../src/log.ts';
import { buildServer } from '../../src/server.tsx';
import { startServer } from '../../src/test-support/http-server.ts';

const UNCACHED = 40;
const CACHED = 2_000;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-images-'));
  // A photograph-like 1600×1067 JPEG: texture, not a flat colour (which would encode in no time).
  const photo = await sharp({
    create: {
      width: 1600,
      height: 1067,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 120, sigma: 50 },
    },
  })
    .blur(2)
    .jpeg({ quality: 85 })
    .toBuffer();
  const pictures = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo));
  const database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  await migrate(database);
  const config = { ...loadConfig({ DATA_DIR: dir, DEMO: 'false' }), allowPrivateFeeds: true };
  // One client asks for thousands of pictures: the per-address limit (http/rate-limits.ts) is not what is measured.
  const app = await buildServer({
    config,
    database,
    log: silentLogger,
    baseUrl: 'http://127.0.0.1',
    rateLimits: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const links = imageLinks(await loadImageSigner(database.db), { baseUrl: base });
  try {
    const time = async (url: string) => {
      const t = performance.now();
      const res = await fetch(url);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${body.toString().slice(0, 200)}`);
      return { ms: performance.now() - t, bytes: body.length };
    };
    const first: number[] = [];
    let bytes = 0;
    for (let i = 0; i < UNCACHED; i++) {
      const r = await time(links.absolute(`${pictures.base}/photo-${i}.jpg`, 640)!);
      first.push(r.ms);
      bytes = r.bytes;
    }
    const hot = links.absolute(`${pictures.base}/photo-0.jpg`, 640)!;
    for (let i = 0; i < 50; i++) await time(hot); // warm-up
    // Interleaved with a cheap page of ours, so a busy machine's noise shows in both alike.
    const cached: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < CACHED; i++) {
      cached.push((await time(hot)).ms);
      reference.push((await time(`${base}/manifest.webmanifest`)).ms);
    }
    log(
      `  source ${Math.round(photo.length / 1024)} KB JPEG 1600×1067 → ${Math.round(bytes / 1024)} KB WebP at 640 px`,
    );
    log(`  first request (fetch, decode, resize, encode, store): ${UNCACHED} pictures one after another`);
    log(`  cached: ${CACHED} requests for one picture one after another, each followed by /manifest.webmanifest`);
    return {
      'ops.image_proxy.ms_p95': quantile(cached, 0.95),
      'ops.image_proxy.ms_p50': quantile(cached, 0.5),
      'ops.image_proxy.manifest_ms_p95': quantile(reference, 0.95),
      'ops.image_proxy.uncached_ms_p95': quantile(first, 0.95),
      'ops.image_proxy.uncached_ms_p50': quantile(first, 0.5),
      'ops.image_proxy.kb_640': bytes / 1024,
      'ops.image_proxy.source_kb': photo.length / 1024,
    };
  } finally {
    await app.close();
    await pictures.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
