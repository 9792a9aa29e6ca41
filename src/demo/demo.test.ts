import Fastify from 'fastify';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../ingest/parse/parse-feed.ts';
import { generateDemoArticles } from './generate.ts';
import { DEMO_PUBLISHERS } from './publishers.ts';
import { renderDemoArticlePage, renderDemoFeed } from './render.ts';
import { demoSourceRoutes } from './routes.ts';

const o = { baseUrl: 'http://127.0.0.1:3000', epoch: Date.parse('2026-11-24T09:00:00Z') };

function wellFormed(xml: string): string | null {
  const p = new SaxesParser();
  let err: string | null = null;
  p.on('error', (e) => (err ??= e.message));
  p.write(xml).close();
  return err;
}

describe('demo content', () => {
  const articles = generateDemoArticles();

  it('is deterministic and large enough to feel like a news service', () => {
    expect(generateDemoArticles()).toEqual(articles);
    expect(DEMO_PUBLISHERS.length).toBeGreaterThanOrEqual(12);
    expect(articles.length).toBeGreaterThanOrEqual(300);
    const sections = new Set(articles.map((a) => a.section));
    for (const s of ['news', 'politics', 'business', 'culture', 'sport', 'science', 'good-news']) expect(sections).toContain(s);
    for (const a of articles) {
      expect(a.authors.length, a.id).toBeGreaterThan(0);
      expect(a.image.caption && a.image.credit, a.id).toBeTruthy();
      expect(a.body.filter((p) => p.startsWith('<p>')).length, a.id).toBeGreaterThanOrEqual(5);
    }
  });

  it('syndicates some wire copy word for word, and nothing else repeats a body', () => {
    const wire = articles.filter((a) => a.wire);
    expect(new Set(wire.map((a) => a.eventId)).size).toBeGreaterThanOrEqual(3);
    const bodies = new Map<string, string[]>();
    for (const a of articles) {
      const key = a.body.slice(0, 6).join('');
      bodies.set(key, [...(bodies.get(key) ?? []), a.id]);
    }
    for (const ids of bodies.values()) if (ids.length > 1) expect(ids.every((id) => articles.find((a) => a.id === id)!.wire)).toBe(true);
  });

  it('serves well-formed feeds in all four formats that our parser reads back', () => {
    const formats = new Set<string>();
    for (const p of DEMO_PUBLISHERS) {
      const feed = renderDemoFeed(p.slug, o)!;
      if (p.format === 'json') expect(JSON.parse(feed.body).version).toBe('https://jsonfeed.org/version/1.1');
      else expect(wellFormed(feed.body), p.slug).toBeNull();
      const parsed = parseFeed(feed.body);
      expect(parsed.bozo, p.slug).toBe(false);
      expect(parsed.items.length).toBeGreaterThan(10);
      formats.add(parsed.format);
    }
    expect([...formats].sort()).toEqual(['atom', 'json', 'rdf', 'rss']);
  });

  it('renders article pages and answers through its routes, with conditional GET', async () => {
    const a = articles.find((x) => x.publisher === 'marquee-weekly')!;
    expect(renderDemoArticlePage('marquee-weekly', a.id, o)).toContain('<article>');
    const app = Fastify();
    demoSourceRoutes(app, { epoch: () => o.epoch });
    const feed = await app.inject({ url: '/demo/source/harbour-gazette/feed' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/rss\+xml/);
    const again = await app.inject({ url: '/demo/source/harbour-gazette/feed', headers: { 'if-none-match': String(feed.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await app.inject({ url: `/demo/source/images/${a.image.id}.svg` })).headers['content-type']).toBe('image/svg+xml');
    expect((await app.inject({ url: '/demo/source/nobody/feed' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/demo/source/images/..%2Fetc.svg' })).statusCode).toBe(404);
    await app.close();
  });
});
