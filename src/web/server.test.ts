import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../db/testing.ts';
import { getHtml, readerFixture, type ReaderFixture } from './testing.ts';

describe.each(testDialects)('not found and errors, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('answers HTML to browsers and JSON to the API', async () => {
    f = await readerFixture(dialect);
    f.app.get('/boom', async () => {
      throw new Error('secret internals');
    });
    const page = await getHtml(f.app, '/no/such/page');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('We could not find that page');
    expect(page.body).toContain('role="search"');
    const api = await getHtml(f.app, '/api/v1/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
    const boom = await getHtml(f.app, '/boom');
    expect(boom.statusCode).toBe(500);
    expect(boom.headers['content-type']).toContain('text/html');
    expect(boom.body).toContain('Something went wrong');
    expect(boom.body).not.toContain('secret internals');
    const boomJson = await f.app.inject({ url: '/boom' });
    expect(boomJson.json()).toMatchObject({ error: 'internal_error' });
  });
});

describe.each(testDialects)('compressed pages, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('compresses pages for browsers that accept it, with the reader’s theme written in first', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'quay' });
    await f.article(p, { title: 'Harbour wall holds' });
    const res = await f.app.inject({ url: '/', headers: { accept: 'text/html', 'accept-encoding': 'gzip, br', cookie: 'theme=dark' } });
    expect(res.statusCode).toBe(200);
    // a page seen once comes as fast brotli; kept pages as brotli at a higher quality
    expect(res.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(res.rawPayload).toString();
    expect(html).toContain('<html lang="en" data-theme="dark">');
    expect(html).toContain('Harbour wall holds');
  });
});
