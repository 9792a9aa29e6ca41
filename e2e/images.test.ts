// Publishers' pictures in a browser: Chromium opens an article page, the front
// page and a publisher's page whose pictures (logo, lead picture, body
// pictures, cards) live on another origin (a local picture server), and makes
// no request to any origin but ours; every picture still shows, fetched by our
// image endpoint, never by the browser.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticle } from '../src/catalog/articles.ts';
import { createPublisher } from '../src/catalog/publishers.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { buildServer } from '../src/server.tsx';
import { testArticle } from '../src/test-support/articles.ts';
import { createTestDatabase, type TestDatabase } from '../src/test-support/databases.ts';
import { startServer, type TestServer } from '../src/test-support/http-server.ts';
import { launchBrowser } from './browser.ts';

describe('pictures in the browser come from our origin only', () => {
  let database: TestDatabase;
  let pictures: TestServer;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let dataDir: string;
  let articlePath: string;
  const agents: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-e2e-images-'));
    const make = (colour: string, format: 'jpeg' | 'png') =>
      sharp({ create: { width: 1600, height: 900, channels: 3, background: colour } })
        .toFormat(format)
        .toBuffer();
    const files: Record<string, Buffer> = {
      '/logo.png': await make('#123456', 'png'),
      '/body.png': await make('#654321', 'png'),
    };
    for (let i = 0; i < 6; i++) files[`/lead-${i}.jpg`] = await make(`#${i}${i}8844`, 'jpeg');
    pictures = await startServer((req, res) => {
      agents.push(String(req.headers['user-agent']));
      const file = files[req.url!];
      if (!file) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': req.url!.endsWith('.png') ? 'image/png' : 'image/jpeg' }).end(file);
    });
    const now = Date.now();
    app = await buildServer({
      config: { ...loadConfig({ DATA_DIR: dataDir, DEMO: 'false' }), allowPrivateFeeds: true },
      database,
      log: silentLogger,
      baseUrl: 'http://127.0.0.1',
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const p = await createPublisher(
      database.db,
      { slug: 'the-lamp', name: 'The Lamp', sections: ['news'], logoUrl: `${pictures.base}/logo.png` },
      now,
    );
    let first = 0;
    for (let i = 0; i < 6; i++) {
      const id = await insertArticle(
        database.db,
        testArticle(p.id, `e2e-img-${i}`, {
          title: `Harbour story ${i}`,
          is_free: 1,
          section: 'news',
          image_url: `${pictures.base}/lead-${i}.jpg`,
          image_width: 1600,
          image_height: 900,
          body_html:
            `<p>Words about the harbour.</p><picture><source srcset="${pictures.base}/body.webp" type="image/webp"></source>` +
            `<img src="${pictures.base}/body.png" alt="The quay" width="1600" height="900" loading="lazy" decoding="async" /></picture><p>More words.</p>`,
          published_at: now - (i + 1) * 60_000,
        }),
        [],
        [],
      );
      first ||= id;
    }
    articlePath = `/a/${first}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await pictures?.close();
    await database?.dispose();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens a page, scrolls it through so lazy pictures load, and says what the browser asked for and showed. */
  async function visit(page: Page, url: string) {
    await page.goto(url);
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await page.waitForLoadState('networkidle');
    return page.evaluate(() =>
      [...document.images].map((img) => ({ src: img.currentSrc, shown: img.complete && img.naturalWidth > 0 })),
    );
  }

  it('loads the article, front and publisher pages without a request to another origin', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requested: string[] = [];
    const violations: string[] = [];
    ctx.on('request', (r) => requested.push(r.url()));
    const page = await ctx.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const article = await visit(page, base + articlePath);
    // Logo, lead picture, the body's picture, and the cards beside the story.
    expect(article.length).toBeGreaterThanOrEqual(4);
    expect(article.filter((i) => !i.shown)).toEqual([]);
    const front = await visit(page, `${base}/`);
    expect(front.length).toBeGreaterThanOrEqual(6);
    expect(front.filter((i) => !i.shown)).toEqual([]);
    const list = await visit(page, `${base}/p/the-lamp`);
    expect(list.filter((i) => !i.shown)).toEqual([]);

    const origins = new Set(requested.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).origin));
    expect([...origins]).toEqual([base]);
    expect(requested.some((u) => u.includes('/img/'))).toBe(true);
    expect(violations).toEqual([]);
    // The publisher was asked by our fetcher only, once per picture, and never for the <source> it offered.
    expect(agents.length).toBe(8);
    expect(agents.every((a) => a.startsWith('Masthead/'))).toBe(true);
    await ctx.close();
  }, 60_000);
});
