// The built-in demo source: each fictional publisher's feed in its own format
// (RSS 2.0, Atom 1.0, JSON Feed 1.1, RSS 1.0), article pages with the usual
// page furniture around the story, and images. Ingestion reads these exactly
// as it reads a real publisher.
import { generateDemoArticles, type DemoArticle } from './generate.ts';
import { DEMO_PUBLISHERS, type DemoPublisher } from './publishers.ts';

export interface DemoSourceOptions {
  /** Absolute base URL of this server, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  /** The demo's "now": article times are relative to it. */
  epoch: number;
}

let cache: DemoArticle[] | undefined;
function articles(): DemoArticle[] {
  cache ??= generateDemoArticles();
  return cache;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export const demoPaths = {
  feed: (o: DemoSourceOptions, slug: string) => `${o.baseUrl}/demo/source/${slug}/feed`,
  article: (o: DemoSourceOptions, a: DemoArticle) => `${o.baseUrl}/demo/source/${a.publisher}/articles/${a.id}`,
  image: (o: DemoSourceOptions, id: string) => `${o.baseUrl}/demo/source/images/${id}.svg`,
};

function publishedAt(a: DemoArticle, o: DemoSourceOptions): Date {
  return new Date(Math.floor((o.epoch - a.hoursAgo * 3_600_000) / 1000) * 1000);
}

function bodyHtml(a: DemoArticle, o: DemoSourceOptions, withLead: boolean): string {
  const lead = withLead
    ? `<figure><img src="${demoPaths.image(o, a.image.id)}" width="1200" height="675" alt="${xml(a.image.caption)}"><figcaption>${xml(a.image.caption)} Photograph: ${xml(a.image.credit)}</figcaption></figure>`
    : '';
  return lead + a.body.join('\n').replaceAll('{images}', `${o.baseUrl}/demo/source/images`);
}

export function publisherArticles(slug: string, o: DemoSourceOptions, limit = 60): DemoArticle[] {
  return articles()
    .filter((a) => a.publisher === slug && a.hoursAgo * 3_600_000 <= o.epoch)
    .sort((x, y) => x.hoursAgo - y.hoursAgo)
    .slice(0, limit);
}

function rss(p: DemoPublisher, items: DemoArticle[], o: DemoSourceOptions): string {
  const entries = items.map((a) => {
    const desc = p.summaryOnly ? a.standfirst : a.standfirst;
    return `<item>
<title>${xml(a.headline)}</title>
<link>${demoPaths.article(o, a)}?utm_source=rss&amp;utm_medium=feed</link>
<guid isPermaLink="false">${xml(a.id)}</guid>
<pubDate>${publishedAt(a, o).toUTCString()}</pubDate>
${a.authors.map((n) => `<dc:creator>${xml(n)}</dc:creator>`).join('')}
${a.tags.map((t) => `<category>${xml(t)}</category>`).join('')}
<description>${xml(desc)}</description>
${p.summaryOnly ? '' : `<content:encoded>${cdata(bodyHtml(a, o, false))}</content:encoded>`}
${p.summaryOnly ? '' : `<media:content url="${demoPaths.image(o, a.image.id)}" medium="image" type="image/svg+xml" width="1200" height="675"><media:description>${xml(a.image.caption)}</media:description><media:credit>${xml(a.image.credit)}</media:credit></media:content>`}
</item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xml(p.name)}</title>
<link>${o.baseUrl}/demo/source/${p.slug}</link>
<atom:link rel="self" href="${demoPaths.feed(o, p.slug)}" type="application/rss+xml"/>
<description>${xml(p.description)}</description>
<language>en-gb</language>
<ttl>5</ttl>
${entries.join('\n')}
</channel>
</rss>`;
}

function atom(p: DemoPublisher, items: DemoArticle[], o: DemoSourceOptions): string {
  const updated = items[0] ? publishedAt(items[0], o).toISOString() : new Date(o.epoch).toISOString();
  const entries = items.map(
    (a) => `<entry>
<id>tag:${p.slug}.example,2026:${xml(a.id)}</id>
<title type="text">${xml(a.headline)}</title>
<link rel="alternate" type="text/html" href="${demoPaths.article(o, a)}"/>
<published>${publishedAt(a, o).toISOString()}</published>
<updated>${publishedAt(a, o).toISOString()}</updated>
${a.authors.map((n) => `<author><name>${xml(n)}</name></author>`).join('')}
${a.tags.map((t) => `<category term="${xml(t)}"/>`).join('')}
<summary type="text">${xml(a.standfirst)}</summary>
<content type="html">${xml(bodyHtml(a, o, false))}</content>
<media:content url="${demoPaths.image(o, a.image.id)}" medium="image" width="1200" height="675"><media:description>${xml(a.image.caption)}</media:description><media:credit>${xml(a.image.credit)}</media:credit></media:content>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-GB">
<id>tag:${p.slug}.example,2026:feed</id>
<title>${xml(p.name)}</title>
<subtitle>${xml(p.description)}</subtitle>
<link rel="alternate" href="${o.baseUrl}/demo/source/${p.slug}"/>
<link rel="self" href="${demoPaths.feed(o, p.slug)}"/>
<updated>${updated}</updated>
${entries.join('\n')}
</feed>`;
}

function jsonFeed(p: DemoPublisher, items: DemoArticle[], o: DemoSourceOptions): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: p.name,
    home_page_url: `${o.baseUrl}/demo/source/${p.slug}`,
    feed_url: demoPaths.feed(o, p.slug),
    description: p.description,
    language: 'en-GB',
    items: items.map((a) => ({
      id: a.id,
      url: demoPaths.article(o, a),
      title: a.headline,
      summary: a.standfirst,
      // JSON Feed has no caption field: the lead picture leads the body, in a figure with its caption.
      content_html: bodyHtml(a, o, true),
      date_published: publishedAt(a, o).toISOString(),
      authors: a.authors.map((name) => ({ name })),
      tags: a.tags,
    })),
  });
}

function rdf(p: DemoPublisher, items: DemoArticle[], o: DemoSourceOptions): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="${demoPaths.feed(o, p.slug)}">
<title>${xml(p.name)}</title>
<link>${o.baseUrl}/demo/source/${p.slug}</link>
<description>${xml(p.description)}</description>
<dc:language>en-GB</dc:language>
<items><rdf:Seq>${items.map((a) => `<rdf:li rdf:resource="${demoPaths.article(o, a)}"/>`).join('')}</rdf:Seq></items>
</channel>
${items
  .map(
    (a) => `<item rdf:about="${demoPaths.article(o, a)}">
<title>${xml(a.headline)}</title>
<link>${demoPaths.article(o, a)}</link>
<description>${xml(a.standfirst)}</description>
<dc:date>${publishedAt(a, o).toISOString()}</dc:date>
${a.authors.map((n) => `<dc:creator>${xml(n)}</dc:creator>`).join('')}
${a.tags.map((t) => `<dc:subject>${xml(t)}</dc:subject>`).join('')}
<content:encoded>${cdata(bodyHtml(a, o, true))}</content:encoded>
</item>`,
  )
  .join('\n')}
</rdf:RDF>`;
}

export function renderDemoFeed(slug: string, o: DemoSourceOptions): { contentType: string; body: string; lastModified: Date } | null {
  const p = DEMO_PUBLISHERS.find((x) => x.slug === slug);
  if (!p) return null;
  const items = publisherArticles(slug, o);
  const lastModified = items[0] ? publishedAt(items[0], o) : new Date(o.epoch);
  switch (p.format) {
    case 'rss':
      return { contentType: 'application/rss+xml; charset=utf-8', body: rss(p, items, o), lastModified };
    case 'atom':
      return { contentType: 'application/atom+xml; charset=utf-8', body: atom(p, items, o), lastModified };
    case 'json':
      return { contentType: 'application/feed+json; charset=utf-8', body: jsonFeed(p, items, o), lastModified };
    case 'rdf':
      return { contentType: 'application/rdf+xml; charset=utf-8', body: rdf(p, items, o), lastModified };
  }
}

/** A publisher's article page, with the navigation, share links and footer that full-text extraction must see past. */
export function renderDemoArticlePage(slug: string, id: string, o: DemoSourceOptions): string | null {
  const p = DEMO_PUBLISHERS.find((x) => x.slug === slug);
  const a = articles().find((x) => x.id === id && x.publisher === slug);
  if (!p || !a) return null;
  const related = publisherArticles(slug, o, 8).filter((x) => x.id !== id).slice(0, 4);
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${xml(a.headline)} | ${xml(p.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="${xml(a.headline)}"><meta property="og:site_name" content="${xml(p.name)}">
<meta property="og:image" content="${demoPaths.image(o, a.image.id)}"><meta name="description" content="${xml(a.standfirst)}">
</head><body>
<header class="site-header"><a href="${o.baseUrl}/demo/source/${p.slug}">${xml(p.name)}</a>
<nav><a href="#">News</a> <a href="#">Politics</a> <a href="#">Business</a> <a href="#">Culture</a> <a href="#">Sport</a> <a href="#">Subscribe</a></nav></header>
<main>
<article>
<h1>${xml(a.headline)}</h1>
<p class="standfirst">${xml(a.standfirst)}</p>
<p class="byline">By ${a.authors.map(xml).join(' and ')} · <time datetime="${publishedAt(a, o).toISOString()}">${publishedAt(a, o).toUTCString()}</time></p>
${bodyHtml(a, o, true)}
</article>
<aside class="share">Share this article: <a href="#">Email</a> <a href="#">Copy link</a></aside>
<section class="related"><h2>More from ${xml(p.name)}</h2><ul>${related.map((r) => `<li><a href="${demoPaths.article(o, r)}">${xml(r.headline)}</a></li>`).join('')}</ul></section>
</main>
<footer><p>© ${xml(p.name)}. All rights reserved. <a href="#">Privacy</a> <a href="#">Cookies</a> <a href="#">Contact us</a></p></footer>
</body></html>`;
}
