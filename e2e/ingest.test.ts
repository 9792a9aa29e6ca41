// The whole ingest path, end to end, on SQLite and on PostgreSQL: real HTTP on
// loopback, real parsing, processing, dedupe and storage.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addFeed, getFeed } from '../src/catalog/feeds.ts';
import { createPublisher } from '../src/catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../src/test-support/databases.ts';
import { runCycle } from '../src/ingest/cycle.ts';
import { createFetcher } from '../src/ingest/fetch/fetcher.ts';
import { silentLogger } from '../src/log.ts';

const WIRE_BODY = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i + 1} of the harbour report: the tidal barrier at Saltmere closed for the ${i + 1}th time this season as engineers measured record surge heights along the northern quay and the ferry operators waited for word from the port authority.`,
).join('</p><p>');

const state = { aTitle: 'Council approves harbour budget', aEtag: '"a1"', hits: new Map<string, number>() };

function rssA(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Harbour Gazette</title><link>http://gazette.test/</link><ttl>30</ttl>
<item><guid isPermaLink="false">a-1</guid><title>${state.aTitle}</title><link>http://gazette.test/story/1?utm_source=rss&amp;id=1</link>
<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate><dc:creator>Mara Quint</dc:creator><description>The council voted on Monday.</description>
<content:encoded><![CDATA[<p>The council voted on Monday to approve the harbour budget after a long debate in the chamber.</p><p>${'More detail about the vote and what it means for the port and the people who work there. '.repeat(8)}</p>]]></content:encoded>
<media:content url="http://gazette.test/img/1.jpg" medium="image" width="1200" height="675"><media:description>The harbour at dawn</media:description><media:credit>Harbour Wire</media:credit></media:content>
</item>
<item><guid isPermaLink="false">a-2</guid><title>Tidal barrier closes again</title><link>http://gazette.test/story/2</link>
<pubDate>Mon, 23 Nov 2026 07:00:00 GMT</pubDate><dc:creator>Wire staff</dc:creator>
<content:encoded><![CDATA[<p>${WIRE_BODY}</p>]]></content:encoded></item>
<item><guid>a-3</guid><title>Hostile &lt;script&gt;alert(1)&lt;/script&gt; headline</title><link>http://gazette.test/story/3</link>
<pubDate>Mon, 23 Nov 2026 06:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p onclick="steal()">Body with <script>alert('x')</script> a script, <img src="http://gazette.test/x.jpg" onerror="steal()"> an image and <a href="javascript:steal()">a link</a>. ${'Filler words for the body. '.repeat(20)}</p><iframe src="https://evil.test/"></iframe>]]></content:encoded></item>
</channel></rss>`;
}

function atomB(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coastal Courier</title><id>urn:courier</id><updated>2026-11-23T09:00:00Z</updated>
<link rel="alternate" href="http://courier.test/"/>
<entry><id>urn:courier:1</id><title>Saltmere barrier shut as surge peaks</title><link rel="alternate" href="http://courier.test/news/barrier"/>
<published>2026-11-23T07:30:00Z</published><updated>2026-11-23T07:30:00Z</updated><author><name>Courier staff</name></author>
<content type="html">&lt;p&gt;${WIRE_BODY.replace(/</g, '&lt;').replace(/>/g, '&gt;')}&lt;/p&gt;</content></entry>
<entry><id>urn:courier:2</id><title>Library volunteers save rare maps</title><link rel="alternate" href="http://courier.test/news/maps"/>
<published>2026-11-23T08:30:00Z</published><author><name>Ines Varga</name></author>
<content type="html">&lt;p&gt;${'Volunteers at the old library carried crates of rare maps to safety before the flood reached the archive. '.repeat(10)}&lt;/p&gt;</content></entry>
</feed>`;
}

function jsonC(base: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Summary Times',
    home_page_url: 'http://summary.test/',
    items: [1, 2].map((n) => ({
      id: `c-${n}`,
      url: `${base}/c/articles/${n}`,
      title: `Summary story ${n}`,
      summary: `A short summary of story ${n}.`,
      content_text: `A short summary of story ${n}.`,
      date_published: `2026-11-23T0${n}:00:00Z`,
      authors: [{ name: 'Theo Marsh' }],
    })),
  });
}

function articlePage(n: number): string {
  const paras = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Full text paragraph ${i + 1} of story ${n}: the orchestra returned to the restored hall on the river, where the audience stood for the opening bars and the conductor thanked the builders by name.</p>`,
  ).join('');
  return `<!doctype html><html><head><title>Summary story ${n}</title><meta property="og:image" content="/c/img/${n}.jpg"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Summary story ${n}</h1>${paras}</article><footer>© Summary Times</footer></body></html>`;
}

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    state.hits.set(path, (state.hits.get(path) ?? 0) + 1);
    if (path === '/a/rss') {
      if (req.headers['if-none-match'] === state.aEtag) return res.writeHead(304).end();
      return res.writeHead(200, { 'content-type': 'application/rss+xml', etag: state.aEtag }).end(rssA());
    }
    if (path === '/b/atom') return res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atomB());
    if (path === '/c/json') return res.writeHead(200, { 'content-type': 'application/feed+json' }).end(jsonC(base));
    const m = /^\/c\/articles\/(\d)$/.exec(path);
    if (m) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(Number(m[1])));
    if (path === '/broken') return res.writeHead(500).end('oops');
    if (path === '/not-a-feed')
      return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Hello</body></html>');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe.each(testDialects)('ingest end to end on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('fetches, processes, de-duplicates and stores; refetches politely; parks a broken feed', async () => {
    Object.assign(state, { aTitle: 'Council approves harbour budget', aEtag: '"a1"' });
    state.hits.clear();
    database = await createTestDatabase(dialect);
    const db = database.db;
    const fetcher = createFetcher({
      userAgent: 'masthead-test',
      timeoutMs: 5000,
      maxBytes: 5_000_000,
      perHost: 4,
      allowPrivate: false,
    });
    let now = Date.parse('2026-11-24T09:00:00Z');
    const deps = {
      database,
      fetcher,
      log: silentLogger,
      now: () => now,
      allowPrivate: false,
      bounds: { minS: 300, maxS: 86400, parkAfter: 3 },
    };
    const a = await createPublisher(db, { slug: 'gazette', name: 'Harbour Gazette', sections: ['news'] });
    const b = await createPublisher(db, { slug: 'courier', name: 'Coastal Courier', sections: ['news'] });
    const c = await createPublisher(db, { slug: 'summary', name: 'Summary Times', sections: ['culture'] });
    // Feeds on loopback need the per-feed allowance (the operator's switch is off).
    const fa = await addFeed(db, { publisherId: a.id, url: `${base}/a/rss`, intervalS: 300, allowPrivate: true }, now);
    await addFeed(db, { publisherId: b.id, url: `${base}/b/atom`, intervalS: 300, allowPrivate: true }, now);
    await addFeed(db, { publisherId: c.id, url: `${base}/c/json`, intervalS: 300, allowPrivate: true }, now);
    const broken = await addFeed(
      db,
      { publisherId: c.id, url: `${base}/broken`, intervalS: 300, allowPrivate: true },
      now,
    );
    const notFeed = await addFeed(
      db,
      { publisherId: c.id, url: `${base}/not-a-feed`, intervalS: 300, allowPrivate: true },
      now,
    );
    // Without the allowance, a loopback feed is refused before any connection is made.
    const refused = await addFeed(
      db,
      { publisherId: c.id, url: `${base.replace('127.0.0.1', 'localhost')}/a/rss`, intervalS: 300 },
      now,
    );

    const hitsBefore = state.hits.get('/a/rss') ?? 0;
    const first = await runCycle(deps, { concurrency: 4 });
    expect(first).toMatchObject({ feeds: 6, updated: 3, failed: 3, newArticles: 7 });
    expect(state.hits.get('/a/rss')).toBe(hitsBefore + 1);

    const articles = await db.selectFrom('articles').selectAll().orderBy('id').execute();
    expect(articles).toHaveLength(7);
    const byGuid = new Map(articles.map((r) => [r.guid, r]));

    const budget = byGuid.get('a-1')!;
    expect(budget.url).toBe('http://gazette.test/story/1?id=1'); // utm_* dropped
    expect(budget.image_url).toBe('http://gazette.test/img/1.jpg');
    expect(budget.image_caption).toBe('The harbour at dawn');
    expect(budget.image_credit).toBe('Harbour Wire');
    expect(budget.published_at).toBe(Date.parse('2026-11-23T08:00:00Z'));
    expect(budget.word_count).toBeGreaterThan(100);
    const authors = await db
      .selectFrom('article_authors')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['authors.name'])
      .where('article_id', '=', budget.id)
      .execute();
    expect(authors.map((x) => x.name)).toEqual(['Mara Quint']);

    // Wire copy: whichever of the two was stored first is the original (feeds are fetched at once), the other points at it.
    const [original, copy] = [byGuid.get('a-2')!, byGuid.get('urn:courier:1')!].sort((x, y) => x.id - y.id) as [
      (typeof articles)[number],
      (typeof articles)[number],
    ];
    expect(original.duplicate_of).toBeNull();
    expect(copy.duplicate_of).toBe(original.id);
    expect(byGuid.get('urn:courier:2')!.duplicate_of).toBeNull();

    // Summary-only feed: full text came from the article page.
    const summary = byGuid.get('c-1')!;
    expect(summary.body_source).toBe('extracted');
    expect(summary.body_text).toContain('Full text paragraph 8 of story 1');
    expect(summary.body_html).not.toContain('Home');
    expect(summary.image_url).toBe(`${base}/c/img/1.jpg`);

    // Hostile content is stored inert.
    const hostile = byGuid.get('a-3')!;
    expect(hostile.title).not.toMatch(/<script/i);
    expect(hostile.body_html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe/i);
    expect(hostile.body_html).toContain('a link');

    // Health: the 500 counts a failure; the HTML page is "not a readable feed".
    const brokenRow = (await getFeed(db, broken.id))!;
    expect(brokenRow.consecutive_failures).toBe(1);
    expect(brokenRow.last_error).toMatch(/500/);
    expect(brokenRow.next_fetch_at).toBeGreaterThan(now);
    expect((await getFeed(db, notFeed.id))!.last_error).toMatch(/not a readable feed/i);
    expect((await getFeed(db, refused.id))!.last_error).toMatch(/loopback/i);
    const feedA = (await getFeed(db, fa.id))!;
    expect(feedA).toMatchObject({ etag: '"a1"', consecutive_failures: 0, last_success_at: now, lease_owner: null });
    expect(feedA.interval_s).toBeGreaterThanOrEqual(30 * 60); // honours <ttl>30</ttl>

    // Second pass, forced: the Gazette answers 304, nothing is stored twice, pages are not scraped again.
    const pageHits = state.hits.get('/c/articles/1');
    now += 60_000;
    const second = await runCycle(deps, { concurrency: 4, all: true });
    expect(second).toMatchObject({ notModified: 1, newArticles: 0, updatedArticles: 0 });
    expect(state.hits.get('/c/articles/1')).toBe(pageHits);
    expect(await db.selectFrom('articles').select('id').execute()).toHaveLength(7);

    // An edited item updates the same article.
    state.aTitle = 'Council approves harbour budget, with changes';
    state.aEtag = '"a2"';
    now += 60_000;
    const third = await runCycle(deps, { concurrency: 4, feedId: fa.id });
    expect(third).toMatchObject({ updated: 1, updatedArticles: 1, newArticles: 0 });
    const edited = await db.selectFrom('articles').selectAll().where('id', '=', budget.id).executeTakeFirstOrThrow();
    expect(edited.title).toBe('Council approves harbour budget, with changes');

    // The broken feed is parked after parkAfter (3) consecutive failures (the forced pass was its second).
    expect((await getFeed(db, broken.id))!).toMatchObject({ status: 'active', consecutive_failures: 2 });
    now += 3 * 86400_000;
    await runCycle(deps, { concurrency: 4, feedId: broken.id });
    expect((await getFeed(db, broken.id))!).toMatchObject({ status: 'parked', consecutive_failures: 3 });
    now += 7 * 86400_000;
    const idle = await runCycle(deps, { concurrency: 4 });
    expect(state.hits.get('/broken')).toBe(3); // parked: not fetched again
    expect(idle.failed).toBe(2); // the HTML page and the refused feed are still tried, with back-off
    fetcher.close();
  });
});
