import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSourceRoutes } from './routes.ts';
import { generateDemoStories } from './stories.ts';
import { xmlError } from '../test-support/well-formed.ts';

const now = Date.parse('2026-11-24T09:00:00Z');

describe('demo source routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    demoSourceRoutes(app, { now: () => now });
    await app.ready();
  });
  afterAll(() => app.close());

  it('serve each feed with its content type, absolute links and validators', async () => {
    const cases = {
      'harbour-gazette': /application\/rss\+xml/,
      'northlight-post': /application\/atom\+xml/,
      'copperfield-courier': /application\/feed\+json/,
      'aperture-science': /application\/rdf\+xml/,
    };
    for (const [slug, type] of Object.entries(cases)) {
      const res = await app.inject({ url: `/demo/source/${slug}/feed`, headers: { host: 'demo.test:3000' } });
      expect(res.statusCode, slug).toBe(200);
      expect(res.headers['content-type']).toMatch(type);
      expect(res.headers['cache-control']).toContain('max-age');
      expect(res.headers.etag).toBeTruthy();
      expect(Date.parse(String(res.headers['last-modified']))).toBeLessThanOrEqual(now);
      expect(res.body).toContain(`http://demo.test:3000/demo/source/${slug}/articles/`);
      if (slug !== 'copperfield-courier') expect(xmlError(res.body)).toBeNull();
    }
  });

  it('answer conditional GETs with 304', async () => {
    const first = await app.inject({ url: '/demo/source/harbour-gazette/feed' });
    const byEtag = await app.inject({
      url: '/demo/source/harbour-gazette/feed',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(byEtag.statusCode).toBe(304);
    expect(byEtag.body).toBe('');
    const byDate = await app.inject({
      url: '/demo/source/harbour-gazette/feed',
      headers: { 'if-modified-since': String(first.headers['last-modified']) },
    });
    expect(byDate.statusCode).toBe(304);
    const stale = await app.inject({
      url: '/demo/source/harbour-gazette/feed',
      headers: { 'if-none-match': '"something-else"' },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('serve article pages and pictures, and 404 for anything else', async () => {
    const s = generateDemoStories({ now }).find((x) => x.publisher === 'saltmere-evening')!;
    const page = await app.inject({ url: `/demo/source/saltmere-evening/articles/${s.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<article>');
    const img = await app.inject({ url: `/demo/source/images/${s.image.id}.svg` });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/svg+xml');
    expect(img.headers['cache-control']).toContain('immutable');
    for (const url of [
      '/demo/source/nobody/feed',
      '/demo/source/saltmere-evening/articles/nope',
      '/demo/source/images/..%2Fetc.svg',
      '/demo/source/images/nothing-here.svg',
      '/demo/source/images/x.png',
    ])
      expect((await app.inject({ url })).statusCode, url).toBe(404);
  });

  it('still accept the older `epoch` option', async () => {
    const legacy = Fastify();
    demoSourceRoutes(legacy, { epoch: () => now });
    const res = await legacy.inject({ url: '/demo/source/lantern-review/feed' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<feed');
    await legacy.close();
  });

  it('answer feeds and article pages to this machine’s own ingest only; pictures to anyone', async () => {
    const feedUrl = '/demo/source/harbour-gazette/feed';
    const article = /http:\/\/[^/]+(\/demo\/source\/harbour-gazette\/articles\/[^<"]+)/.exec(
      (await app.inject({ url: feedUrl })).body,
    )![1]!;
    expect((await app.inject({ url: article })).statusCode).toBe(200);
    for (const req of [
      { remoteAddress: '203.0.113.9' },
      { headers: { 'x-forwarded-for': '203.0.113.9' } },
      { headers: { forwarded: 'for=203.0.113.9' } },
      { remoteAddress: '10.0.0.5' },
    ]) {
      for (const url of [feedUrl, article]) {
        const res = await app.inject({ url, ...req });
        expect(res.statusCode, `${url} ${JSON.stringify(req)}`).toBe(403);
        expect(res.body).toContain('A demo publisher');
        expect(res.body).not.toContain('<item>');
      }
    }
    const image = /(\/demo\/source\/images\/[a-z0-9-]+\.svg)/.exec((await app.inject({ url: feedUrl })).body)![1]!;
    expect((await app.inject({ url: image, remoteAddress: '203.0.113.9' })).statusCode).toBe(200);
  });
});
