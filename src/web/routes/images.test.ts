import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticle } from '../../catalog/articles.ts';
import { createPublisher } from '../../catalog/publishers.ts';
import { loadConfig } from '../../config.ts';
import { imageLinks } from '../../images/links.ts';
import { loadImageSigner, type ImageWidth } from '../../images/signing.ts';
import { silentLogger } from '../../log.ts';
import { buildServer } from '../../server.tsx';
import { testArticle } from '../../test-support/articles.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test-support/databases.ts';
import { startServer, type TestServer } from '../../test-support/http-server.ts';

const NOW = Date.parse('2026-11-24T09:00:00Z');

describe.each(testDialects)('the image endpoint (%s)', (dialect) => {
  let database: TestDatabase;
  let pictures: TestServer;
  let dataDir: string;
  let app: FastifyInstance;
  let guarded: FastifyInstance;
  let articlePath: string;

  const serve = (allowPrivateFeeds: boolean) => {
    const config = loadConfig({ DATA_DIR: dataDir, DEMO: 'false' });
    return buildServer({
      config: { ...config, allowPrivateFeeds, fetch: { ...config.fetch, maxBytes: 300_000 } },
      database,
      log: silentLogger,
      now: () => NOW,
      baseUrl: 'http://masthead.test',
    });
  };
  const signed = async (url: string, width: ImageWidth = 640) =>
    imageLinks(await loadImageSigner(database.db), { baseUrl: 'http://masthead.test' }).src(url, width)!;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-img-route-'));
    const photo = await sharp({ create: { width: 1400, height: 800, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    const noise = await sharp({
      create: {
        width: 800,
        height: 800,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    pictures = await startServer((req, res) => {
      if (req.url === '/photo.jpg' || req.url === '/logo.png')
        return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
      if (req.url === '/big.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(noise);
      res.writeHead(200, { 'content-type': 'image/png' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    });
    app = await serve(true);
    guarded = await serve(false);
    const p = await createPublisher(
      database.db,
      { slug: 'the-lamp', name: 'The Lamp', sections: ['news'], logoUrl: `${pictures.base}/logo.png` },
      NOW,
    );
    const id = await insertArticle(
      database.db,
      testArticle(p.id, 'pictures', {
        title: 'Pictures',
        is_free: 1,
        image_url: `${pictures.base}/photo.jpg`,
        body_html: `<p>Text</p><img src="${pictures.base}/photo.jpg" alt="A" loading="lazy" decoding="async" />`,
        published_at: NOW - 60_000,
      }),
      [],
      [],
    );
    articlePath = `/a/${id}`;
  });

  afterAll(async () => {
    await app?.close();
    await guarded?.close();
    await pictures?.close();
    await database?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves every picture of the article page from our origin, resized, cached for good', async () => {
    let res = await app.inject({ url: articlePath, headers: { accept: 'text/html' } });
    if (res.statusCode === 301)
      res = await app.inject({ url: String(res.headers.location), headers: { accept: 'text/html' } });
    const srcs = [...res.body.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBe(3); // logo, lead picture, body picture
    for (const src of srcs) expect(src).toMatch(/^\/img\//);
    expect(res.body).not.toContain(pictures.base);
    // The browser may load pictures from our origin only, and tells other sites our origin at most.
    expect(String(res.headers['content-security-policy'])).toMatch(/(^|;)img-src 'self'(;|$)/);
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.body).toContain('<meta property="og:image" content="http://masthead.test/img/');
    const image = await app.inject({ url: srcs[1]!, headers: { cookie: 'mh_session=nope' } });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(image.headers['set-cookie']).toBeUndefined();
    expect((await sharp(image.rawPayload).metadata()).width).toBe(960);
    const again = await app.inject({ url: srcs[1]!, headers: { 'if-none-match': String(image.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('fetches only what our pages point at: a wrong signature is refused, an unknown width is not found', async () => {
    const good = await signed(`${pictures.base}/photo.jpg`);
    const [, , sig, , url] = good.split('/');
    const other = (await signed(`${pictures.base}/logo.png`)).split('/')[4];
    const before = pictures.stats.requests;
    expect((await app.inject(`/img/${sig}/640/${other}`)).statusCode).toBe(403);
    expect((await app.inject(`/img/${'A'.repeat(22)}/640/${url}`)).statusCode).toBe(403);
    expect((await app.inject(`/img/${sig}/333/${url}`)).statusCode).toBe(404);
    expect((await app.inject(`/img/${sig}/640/!!`)).statusCode).toBe(404);
    expect((await app.inject(`/img/short/640/${url}`)).statusCode).toBe(404);
    expect(pictures.stats.requests).toBe(before);
  });

  it('refuses a file that is not a picture and one that is too big, saying why', async () => {
    const svg = await app.inject(await signed(`${pictures.base}/drawing.svg`));
    expect(svg.statusCode).toBe(415);
    expect(svg.body).toBe('The file is not a JPEG, PNG, GIF, WebP or AVIF image.');
    const big = await app.inject(await signed(`${pictures.base}/big.png`));
    expect(big.statusCode).toBe(413);
    expect(big.body).toMatch(/larger than/);
  });

  it('refuses a private address when the operator has not allowed them, without a request', async () => {
    const before = pictures.stats.requests;
    const res = await guarded.inject(await signed(`${pictures.base}/photo.jpg?fresh`));
    expect(res.statusCode).toBe(403);
    expect(res.body).toMatch(/could not be fetched/);
    expect(pictures.stats.requests).toBe(before);
  });
});
