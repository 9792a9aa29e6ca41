import { describe, expect, it } from 'vitest';
import { parseFeed } from '../ingest/parse/parse-feed.ts';
import { DEMO_PUBLISHERS, type DemoFormat, type DemoPublisher } from './publishers.ts';
import {
  DEMO_FEED_ITEMS,
  demoFeedPath,
  renderDemoArticlePage,
  renderDemoFeed,
  renderDemoImage,
  renderFeedDocument,
} from './source.ts';
import { generateDemoStories, type DemoStory } from './stories.ts';
import { xmlError } from '../test-support/well-formed.ts';

const opts = { baseUrl: 'http://127.0.0.1:3000', now: Date.parse('2026-11-24T09:00:00Z') };

describe('demo source feeds', () => {
  it('are well-formed in all four formats and read back by our parser', () => {
    const formats = new Set<string>();
    for (const p of DEMO_PUBLISHERS) {
      const feed = renderDemoFeed(p.slug, opts)!;
      if (p.format === 'json') {
        const json = JSON.parse(feed.body);
        expect(json.version).toBe('https://jsonfeed.org/version/1.1');
        expect(json.items.length).toBeGreaterThan(10);
        expect(feed.contentType).toMatch(/^application\/feed\+json/);
      } else expect(xmlError(feed.body), p.slug).toBeNull();
      const parsed = parseFeed(feed.body, { url: `${opts.baseUrl}${demoFeedPath(p.slug)}` });
      expect(parsed.bozo, `${p.slug}: ${parsed.bozoReasons.join('; ')}`).toBe(false);
      expect(parsed.items.length).toBeGreaterThan(10);
      expect(parsed.items.length).toBeLessThanOrEqual(DEMO_FEED_ITEMS);
      for (const item of parsed.items) {
        expect(item.title, p.slug).toBeTruthy();
        expect(item.link, p.slug).toMatch(new RegExp(`^${opts.baseUrl}/demo/source/${p.slug}/articles/`));
        expect(item.published, p.slug).toBeInstanceOf(Date);
        expect(item.authors.length, p.slug).toBeGreaterThan(0);
        if (p.summaryOnly) expect(item.content ?? '', p.slug).toBe('');
        else expect(item.content, p.slug).toMatch(/<p>/);
      }
      formats.add(parsed.format);
    }
    expect([...formats].sort()).toEqual(['atom', 'json', 'rdf', 'rss']);
  });

  it('carry the newest sixty stories, newest first, with the RSS picture caption and credit', () => {
    const p = DEMO_PUBLISHERS.find((x) => x.format === 'rss' && !x.summaryOnly)!;
    const body = renderDemoFeed(p.slug, opts)!.body;
    expect(body.match(/<item>/g)!.length).toBeLessThanOrEqual(60);
    expect(body).toMatch(
      /<media:content url="http:\/\/127\.0\.0\.1:3000\/demo\/source\/images\/[a-z0-9-]+\.svg" medium="image"/,
    );
    expect(body).toMatch(/<media:description type="plain">[^<]+<\/media:description>/);
    expect(body).toMatch(/<media:credit role="photographer">(Photograph: |\()[^<]+<\/media:credit>/);
    expect(body).toContain('<content:encoded><![CDATA[');
    const dates = [...body.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('answers null for unknown publishers, articles and images', () => {
    expect(renderDemoFeed('nobody', opts)).toBeNull();
    expect(renderDemoArticlePage('harbour-gazette', 'nope', opts)).toBeNull();
    expect(renderDemoImage('../etc/passwd')).toBeNull();
    expect(renderDemoImage('harbour-gazette-not-a-story')).toBeNull();
  });
});

describe('escaping', () => {
  const nasty = `Rowan & Greaves: "no deal" on <b>quays</b> ]]> it's 'final' & done`;
  const base = generateDemoStories(opts).find((s) => s.figures.length && !s.wire)!;
  const story: DemoStory = {
    ...base,
    headline: nasty,
    standfirst: `${nasty}.`,
    authors: [`O'Brien & <Sons>`],
    tags: ['a & b', '<tag>'],
    paragraphs: ['<p>Body with ]]&gt; and &amp; entities.</p>', ...base.paragraphs],
    image: { ...base.image, caption: `Caption "${nasty}"`, credit: `(Agency & <Co>)` },
  };
  const cases: DemoFormat[] = ['rss', 'atom', 'json', 'rdf'];

  it.each(cases)('keeps a headline with & < > " \' intact in %s', (format) => {
    const publisher: DemoPublisher = { ...DEMO_PUBLISHERS[0]!, format, name: 'Ampersand & <Angle> "Times"' };
    const doc = renderFeedDocument(publisher, [story], opts);
    if (format !== 'json') {
      expect(xmlError(doc.body)).toBeNull();
      expect(doc.body).not.toContain('<b>quays</b>');
    } else expect(JSON.parse(doc.body).items[0].title).toBe(nasty);
    const parsed = parseFeed(doc.body);
    expect(parsed.bozo).toBe(false);
    expect(parsed.title).toBe(publisher.name);
    expect(parsed.items[0]!.title).toBe(nasty);
    expect(parsed.items[0]!.authors.map((a) => a.name)).toContain(`O'Brien & <Sons>`);
    expect(parsed.items[0]!.content).toContain(']]&gt;');
  });

  it('keeps the article page safe too', () => {
    const generated = generateDemoStories(opts).find((s) => s.publisher === 'harbour-gazette')!;
    const page = renderDemoArticlePage('harbour-gazette', generated.id, opts)!.body;
    expect(page).toContain(
      `<h1>${generated.headline.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</h1>`,
    );
    expect(page).not.toMatch(/<script type="application\/ld\+json">[^]*<\/script>[^]*<\/script>[^]*<body>/);
  });
});

describe('demo article pages', () => {
  it('are full pages around an <article>, with og:image, related links and a footer', () => {
    const s = generateDemoStories(opts).find((x) => x.publisher === 'marquee-weekly')!;
    const page = renderDemoArticlePage('marquee-weekly', s.id, opts)!;
    expect(page.contentType).toBe('text/html; charset=utf-8');
    for (const part of [
      '<nav',
      '<header',
      '<article>',
      '</article>',
      'class="related"',
      'class="site-footer"',
      'property="og:image"',
      `${opts.baseUrl}/demo/source/images/${s.image.id}.svg`,
      '<figcaption>',
    ])
      expect(page.body).toContain(part);
    expect(page.body.match(/<p>/g)!.length).toBeGreaterThanOrEqual(5);
  });
});
