import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from './test-support/databases.ts';
import { getHtml, readerFixture, type ReaderFixture } from './test-support/reader-fixture.ts';

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
    const res = await f.app.inject({
      url: '/',
      headers: { accept: 'text/html', 'accept-encoding': 'gzip, br', cookie: 'theme=dark' },
    });
    expect(res.statusCode).toBe(200);
    // a page seen once comes as fast brotli; kept pages as brotli at a higher quality
    expect(res.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(res.rawPayload).toString();
    expect(html).toContain('<html lang="en" data-theme="dark">');
    expect(html).toContain('Harbour wall holds');
  });
});

describe.each(testDialects)('the edge: headers, methods, redirects, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('sends a strict CSP and the other security headers on every kind of response', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'quay' });
    const id = await f.article(p, { title: 'Harbour wall holds' });
    for (const url of [
      '/',
      `/a/${id}`,
      '/signin',
      '/api/v1/articles/1',
      '/feed.xml',
      '/healthz',
      '/no/such/page',
      '/manifest.webmanifest',
    ]) {
      const res = await getHtml(f.app, url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined(); // plain http here
    }
    // Pages carry no inline script or style block for the CSP to have to allow.
    const page = (await getHtml(f.app, `/a/${id}`)).body;
    expect(page).not.toMatch(/<script(?![^>]*\b(src=|type="application\/ld\+json"))[^>]*>/);
    expect(page).not.toContain('<style');
    // Lists that differ for members say so to caches.
    const list = await getHtml(f.app, '/p/quay');
    expect(list.headers['cache-control']).toContain('private');
    expect(String(list.headers.vary)).toMatch(/cookie/i);
  });

  it('answers a known path with a wrong method with 405 and Allow, and an unknown one with 404', async () => {
    f = await readerFixture(dialect);
    const del = await f.app.inject({ method: 'DELETE', url: '/signin' });
    expect(del.statusCode).toBe(405);
    expect(String(del.headers.allow).split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    const put = await f.app.inject({ method: 'PUT', url: '/a/12/some-title?x=1' });
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toContain('GET');
    expect((await f.app.inject({ method: 'DELETE', url: '/nothing/here' })).statusCode).toBe(404);
  });

  it('sends the theme switch back only to this site, never on to another', async () => {
    f = await readerFixture(dialect);
    for (const next of [
      '/%09/evil.example',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      '/%0d%0aSet-Cookie:x=1',
      '/caf%C3%A9',
    ]) {
      const res = await f.app.inject({ url: `/theme?set=dark&next=${next}` });
      expect(res.statusCode, next).toBe(303);
      const location = String(res.headers.location);
      expect(new URL(location, 'http://masthead.test').origin, `${next} → ${location}`).toBe('http://masthead.test');
      expect(location).not.toMatch(/[\s\\]/);
    }
  });
});
