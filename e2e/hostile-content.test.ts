// Hostile content, end to end: no publisher content may execute script or
// leave dangerous markup in our pages. Feeds (RSS 2.0, Atom 1.0, JSON Feed
// 1.1, an RSS feed whose full text is read from hostile article pages, and a
// few XML-level tricks) are served from a local node:http server and ingested
// by the normal pipeline (runCycle); more articles arrive through the push API.
// Our XSS corpus (e2e/hostile/payloads.ts, ~2,200 payloads, each with its own
// alert(N) id) is put in every field an item or a pushed article has. After
// curation, Debian's Chromium renders every hostile article page, the front
// page, publisher, section, topic, name, author, story and search pages, as a
// visitor, a lapsed member, a member and an editor, with dialogs hooked and
// CSP violations recorded, and scans each page for dangerous markup
// (e2e/hostile/scan.ts). The article API's body_html (as each viewer gets it)
// and /feed.xml are scanned too.
//
// Failures name the payload ids, the field they came in through, the page,
// the viewer and the offending markup. Positive controls prove the hooks see
// an execution and the scan sees dangerous markup, so the suite can fail.
//
// The parts: e2e/hostile/layout.ts (which payload goes in which field of which
// article), feeds.ts (what the hostile publishers send), harness.ts (the
// browser, the viewers and the visits), scan.ts (the scan), report.ts (the
// problems, grouped, and the artifacts).
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed } from '../src/catalog/feeds.ts';
import { createPublisher, issueApiKey, SECTIONS } from '../src/catalog/publishers.ts';
import { loadConfig } from '../src/config.ts';
import { addPick } from '../src/curation/picks.ts';
import { runCuration } from '../src/curation/job.ts';
import { computeTopStories } from '../src/curation/trending.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../src/test-support/databases.ts';
import { runCycle } from '../src/ingest/cycle.ts';
import { createFetcher } from '../src/ingest/fetch/fetcher.ts';
import { canonicalUrl } from '../src/ingest/process/canonical-url.ts';
import { VIDEO_HOSTS } from '../src/ingest/process/sanitize.ts';
import { silentLogger } from '../src/log.ts';
import { buildServer } from '../src/server.tsx';
import {
  briefArticle,
  cleanArticle,
  createFeedServer,
  nulArticle,
  pushBody,
  xmlIds,
  type XmlIds,
} from './hostile/feeds.ts';
import {
  createViewers,
  Harness,
  launchHostileBrowser,
  runScan,
  SANDBOX_TOKENS,
  scanServed,
  VIEWERS,
  visitAll,
  type HookEvent,
  type Viewer,
  type VisitResult,
} from './hostile/harness.ts';
import { buildLayout, place, placements, type Layout } from './hostile/layout.ts';
import { idsIn, PAYLOADS } from './hostile/payloads.ts';
import { candidatesOf, eventProblems, report, saveArtifact, visitProblems, type Problem } from './hostile/report.ts';

// ---------------------------------------------------------------------------
// The feed server and the browser, shared by both dialects.

let feedServer: http.Server;
let feedBase: string;
let layout: Layout;
let xids: XmlIds;
let browser: Browser;

beforeAll(async () => {
  feedServer = createFeedServer(() => ({ base: feedBase, layout, xids }));
  await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
  feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
  layout = buildLayout(feedBase);
  xids = xmlIds();
  browser = await launchHostileBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (feedServer ? feedServer.close(() => r()) : r()));
});

describe.each(testDialects)('hostile publisher content on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  let harness: Harness;
  let cookies = new Map<Viewer, string | null>();
  /** spec key → article id */
  const articleIds = new Map<string, number>();
  const keyOfId = new Map<number, string>();
  const cleanPaths: string[] = [];
  const clean: VisitResult[] = [];
  const cleanEvents: HookEvent[] = [];
  const ingest = {
    pushed: 0,
    pushFailures: [] as string[],
    warnings: [] as string[],
    cycle: null as unknown,
    curation: null as unknown,
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const now = Date.now();
    app = await buildServer({
      config: { ...loadConfig({}), demo: false },
      database,
      log: silentLogger,
      now: () => Date.now(),
      baseUrl: 'http://masthead.test',
      // Thousands of pushes and page views from one address in minutes: the limits are tested on their own.
      rateLimits: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const sections = [...SECTIONS];
    const pub = async (slug: string, name: string) =>
      (await createPublisher(db, { slug, name, sections, homepage: 'http://hostile.test/' }, now)).id;
    const publishers = {
      rss: await pub('hostile-rss', 'Hostile RSS Gazette'),
      atom: await pub('hostile-atom', 'Hostile Atom Courier'),
      json: await pub('hostile-json', 'Hostile JSON Times'),
      push: await pub('hostile-push', 'Hostile Push Post'),
      page: await pub('hostile-pages', 'Hostile Pages Herald'),
      xml: await pub('hostile-xml', 'Hostile XML Review'),
      clean: await pub('clean-control', 'Clean Control Chronicle'),
    };

    // Viewers.
    const viewers = await createViewers(db, now);
    cookies = viewers.cookies;
    harness = new Harness(browser);
    for (const v of VIEWERS) await harness.context(v, cookies.get(v) ?? null, base);
    // Articles are pushed through the publisher API: PUT with our id in the path.
    const put = (apiKey: string, id: string, body: Record<string, unknown>) =>
      fetch(`${base}/api/v1/publisher/articles/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    // The clean control first: rich, legitimate content must give the scan nothing to report.
    const cleanKey = await issueApiKey(db, publishers.clean);
    const cleanRes = await put(cleanKey, 'clean-1', cleanArticle(now));
    expect(cleanRes.status, await cleanRes.clone().text()).toBe(201);
    const cleanId = ((await cleanRes.json()) as { masthead_id: number }).masthead_id;
    cleanPaths.push('/', `/a/${cleanId}`, '/p/clean-control', '/s/science', '/search?q=comet');
    const cleanEventsFrom = harness.events.length;
    clean.push(
      ...(await visitAll(
        harness,
        base,
        VIEWERS.flatMap((viewer) =>
          cleanPaths
            .filter((p) => viewer === 'visitor' || p.startsWith('/a/') || p === '/')
            .map((path) => ({ viewer, path })),
        ),
      )),
    );
    const cleanPage = await harness.newPage('visitor');
    await cleanPage.goto(`${base}/healthz`);
    for (const viewer of VIEWERS.filter((v) => v !== 'visitor'))
      clean.push(
        ...(await scanServed(
          app,
          cleanPage,
          viewer,
          cookies.get(viewer) ?? null,
          cleanPaths.filter((p) => !p.startsWith('/a/') && p !== '/'),
        )),
      );
    await cleanPage.close();
    cleanEvents.push(...harness.events.slice(cleanEventsFrom));

    // Feeds: loopback addresses need the per-feed allowance; only the pages feed reads full text.
    await addFeed(
      db,
      { publisherId: publishers.rss, url: `${feedBase}/rss`, intervalS: 300, allowPrivate: true, fullText: 'never' },
      now,
    );
    await addFeed(
      db,
      { publisherId: publishers.atom, url: `${feedBase}/atom`, intervalS: 300, allowPrivate: true, fullText: 'never' },
      now,
    );
    await addFeed(
      db,
      { publisherId: publishers.json, url: `${feedBase}/json`, intervalS: 300, allowPrivate: true, fullText: 'never' },
      now,
    );
    await addFeed(
      db,
      {
        publisherId: publishers.page,
        url: `${feedBase}/pages`,
        intervalS: 300,
        allowPrivate: true,
        fullText: 'always',
      },
      now,
    );
    await addFeed(
      db,
      { publisherId: publishers.xml, url: `${feedBase}/tricks`, intervalS: 300, allowPrivate: true, fullText: 'never' },
      now,
    );
    await addFeed(
      db,
      { publisherId: publishers.xml, url: `${feedBase}/xhtml`, intervalS: 300, allowPrivate: true, fullText: 'never' },
      now,
    );
    const fetcher = createFetcher({
      userAgent: 'masthead-hostile-test',
      timeoutMs: 20_000,
      maxBytes: 20_000_000,
      perHost: 4,
      allowPrivate: false,
    });
    // Warnings (items skipped, feeds failed) are kept for the ingest test's message.
    const ingestLog = pino(
      { level: 'warn' },
      { write: (line: string) => void ingest.warnings.push(line.slice(0, 600)) },
    );
    ingest.cycle = await runCycle(
      {
        database,
        fetcher,
        log: ingestLog,
        now: Date.now,
        allowPrivate: false,
        bounds: { minS: 300, maxS: 86400, parkAfter: 10 },
      },
      { concurrency: 4 },
    );
    fetcher.close();

    // The push API: PUT with our id in the path, or POST with a hostile id in the body.
    const key = await issueApiKey(db, publishers.push);
    for (const s of layout.specs.filter((x) => x.channel === 'push')) {
      const body = pushBody(s);
      const viaPost = s.index % 2 === 1;
      const res = viaPost
        ? await fetch(`${base}/api/v1/publisher/articles`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ ...body, id: `${s.guid.html.slice(0, 180)} ${s.key}` }),
          })
        : await put(key, s.key, body);
      const text = await res.text();
      if (res.status !== 201 && res.status !== 200)
        ingest.pushFailures.push(`${s.key}: ${res.status} ${text.slice(0, 300)}`);
      else {
        ingest.pushed++;
        const id = (JSON.parse(text) as { masthead_id: number }).masthead_id;
        articleIds.set(s.key, id);
      }
    }

    // Briefs, newer than the pushed hostile reports (and older than the rest), so the push publisher's list runs to a second page (?before=…) with hostile cards on it.
    for (let i = 0; i < 26; i++) {
      const res = await put(key, `brief-${i}`, briefArticle(i));
      if (res.status !== 201 && res.status !== 200)
        ingest.pushFailures.push(`brief-${i}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    }

    // NUL and other control characters in every one-line field of a pushed article: accepted, stored, shown safely.
    const nul = nulArticle();
    const nulRes = await put(key, 'nul-1', nul.body);
    if (nulRes.status !== 201 && nulRes.status !== 200)
      ingest.pushFailures.push(`nul-1: ${nulRes.status} ${(await nulRes.text()).slice(0, 300)}`);
    else articleIds.set('nul-1', ((await nulRes.json()) as { masthead_id: number }).masthead_id);
    for (const p of nul.payloads) place(p.id, 'nul-1', 'title');

    // Which stored article is which spec (feed items by guid or link).
    const rows = await db.selectFrom('articles').select(['id', 'guid', 'url', 'publisher_id']).execute();
    for (const s of layout.specs.filter((x) => x.channel !== 'push')) {
      const row = rows.find(
        (r) =>
          r.guid.endsWith(` ${s.key}`) ||
          r.guid === s.link ||
          r.url === canonicalUrl(s.link) ||
          r.guid.includes(`/${s.key}/`) ||
          r.url.includes(`/${s.key}/`) ||
          new RegExp(`/page/${s.key}(\\?|$)`).test(r.url),
      );
      if (row) articleIds.set(s.key, row.id);
    }
    for (const r of rows.filter((x) => x.publisher_id === publishers.xml))
      articleIds.set(r.guid.includes('xhtml') ? `xhtml-${r.guid.split(':').pop()}` : r.guid, r.id);
    for (const [k, id] of articleIds) keyOfId.set(id, k);

    ingest.curation = await runCuration(database);
    await computeTopStories(db, Date.now());
    // Editors pick a few hostile stories, so "Our picks" carries them too.
    for (const k of ['rss-0', 'atom-1', 'json-2', 'push-3', 'page-4']) {
      const id = articleIds.get(k);
      if (id)
        await addPick(db, { articleId: id, by: viewers.editorId, featured: k === 'rss-0' }, Date.now()).catch(
          () => undefined,
        );
    }
  }, 240_000);

  afterAll(async () => {
    await harness?.close();
    await app?.close();
    await database?.dispose();
  });

  it('has hooks and a scan that can fail (positive controls)', async () => {
    const page = await harness.newPage('visitor');
    const before = harness.events.length;
    await page.goto(`${feedBase}/control`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.goto(`${feedBase}/control-csp`, { waitUntil: 'load' });
    await page.goto(`${feedBase}/blank`);
    const seen = harness.events.slice(before);
    expect(
      seen
        .filter((e) => e.kind === 'dialog' && e.data.arg === '0')
        .map((e) => e.data.fn)
        .sort(),
    ).toEqual(expect.arrayContaining(['alert', 'confirm']));
    expect(seen.some((e) => e.kind === 'csp' && String(e.data.href).includes('/control-csp'))).toBe(true);

    // Dangerous markup put into a blank page by hand is found, rule by rule.
    await page.setContent(`<!doctype html><html><head><title>t</title><meta http-equiv="refresh" content="9"></head><body>
      <div class="body"><img src="x" onerror="alert(1)"><a href=" java\tscript:alert(2)">x</a><form action="https://evil.test/"><input name=q></form>
      <iframe src="https://evil.test/"></iframe><iframe src="https://www.youtube.com/embed/x">text</iframe><svg></svg><p style="color:red" id="shortcuts">x</p></div>
      <object data="x"></object><base href="https://evil.test/"><link rel="stylesheet" href="https://evil.test/x.css"><script>1</script><iframe srcdoc="x" sandbox></iframe>
      <div><template shadowrootmode="open"><b>x</b></template></div></body></html>`);
    const { findings } = await runScan(page, {
      mode: 'document',
      videoHosts: VIDEO_HOSTS,
      sandboxTokens: SANDBOX_TOKENS,
    });
    const kinds = new Set(findings.map((f) => f.kind));
    for (const k of [
      'event-handler',
      'script-url',
      'form-action',
      'form-control',
      'iframe',
      'foreign-content',
      'style-attr',
      'clobber',
      'forbidden-element',
      'out-of-head',
      'script',
      'srcdoc',
      'meta-http-equiv',
      'shadow-root',
    ]) {
      expect(kinds, `the scan finds ${k}`).toContain(k);
    }
    const frag = await runScan(page, {
      mode: 'fragments',
      videoHosts: VIDEO_HOSTS,
      sandboxTokens: SANDBOX_TOKENS,
      fragments: [
        { key: 'x', html: '<p>fine</p><img src=x onerror=alert(3)>' },
        { key: 'y', html: '<p>fine</p>' },
      ],
    });
    expect(frag.byKey?.x?.map((f) => f.kind)).toEqual(['event-handler']);
    expect(frag.byKey?.y).toEqual([]);
    const feed = await runScan(page, {
      mode: 'feed',
      videoHosts: VIDEO_HOSTS,
      sandboxTokens: SANDBOX_TOKENS,
      xml: '<rss><channel><item><description>&lt;img src=x onerror=alert(4)&gt;</description></item><item>&bad;</item></channel></rss>',
    });
    expect(feed.findings.map((f) => f.kind).sort()).toEqual(['event-handler', 'feed-not-well-formed']);
    await page.close();
  });

  it('finds nothing on clean, rich content (no false positives)', () => {
    const problems: Problem[] = clean.flatMap((r) => [
      ...(r.status !== 200 || r.error
        ? [
            {
              viewer: r.viewer,
              surface: r.path,
              kind: 'http',
              region: '-',
              detail: `${r.status} ${r.error ?? ''}`,
              markup: '',
              ids: [],
            },
          ]
        : []),
      ...r.findings.map((f) => ({
        viewer: r.viewer,
        surface: r.path,
        kind: f.kind,
        region: f.region,
        detail: f.detail,
        markup: f.markup,
        ids: [],
      })),
    ]);
    // Our own pages run no dialog and break no rule of their own Content-Security-Policy.
    for (const e of cleanEvents)
      problems.push({
        viewer: e.viewer,
        surface: e.href,
        kind: e.kind,
        region: '-',
        detail: JSON.stringify(e.data).slice(0, 300),
        markup: '',
        ids: [],
      });
    expect(clean.length).toBe(cleanPaths.length * VIEWERS.length);
    expect(report(problems)).toEqual([]);
  });

  it('ingests every hostile article from every channel', () => {
    const missing = layout.specs.filter((s) => !articleIds.has(s.key)).map((s) => s.key);
    expect(ingest.pushFailures, 'every push is accepted').toEqual([]);
    expect(
      missing,
      `stored articles for every item (cycle ${JSON.stringify(ingest.cycle)}; warnings ${ingest.warnings.join(' ')})`,
    ).toEqual([]);
    expect(articleIds.size).toBeGreaterThanOrEqual(layout.specs.length + 3);
    expect((ingest.curation as { articles: number }).articles).toBeGreaterThanOrEqual(layout.specs.length);
  });

  it('has four viewers who see what they should (so each really renders its own page)', async () => {
    const id = articleIds.get('rss-1')!;
    const as = async (viewer: Viewer) => {
      const cookie = cookies.get(viewer);
      let res = await app.inject({
        url: `/a/${id}`,
        headers: { accept: 'text/html', ...(cookie ? { cookie: `mh_session=${cookie}` } : {}) },
      });
      if (res.statusCode === 301)
        res = await app.inject({
          url: String(res.headers.location),
          headers: { accept: 'text/html', ...(cookie ? { cookie: `mh_session=${cookie}` } : {}) },
        });
      return res.body;
    };
    expect(await as('visitor')).toContain('Sign up to read this article');
    expect(await as('lapsed')).toContain('Keep reading with a membership');
    const member = await as('member');
    expect(member).not.toContain('class="paywall"');
    expect(member).not.toContain('Add to our picks');
    expect(await as('editor')).toContain('Add to our picks');
  });

  let visits: VisitResult[] = [];
  const hostileIds = () => [...new Set(articleIds.values())];

  it('runs no publisher script and leaves no dangerous markup on any page, for any viewer', async () => {
    const db = database.db;
    const eventsBefore = harness.events.length;
    // Every page curation and ingest produced: articles, front, publishers (every page of the list), sections,
    // topics, names, authors, stories, searches (for words in the payloads, and payloads as the query).
    const paths = new Set<string>(['/']);
    for (const id of hostileIds()) paths.add(`/a/${id}`);
    const publishers = await db.selectFrom('publishers').select(['id', 'slug']).execute();
    for (const p of publishers) paths.add(`/p/${p.slug}`);
    for (const s of SECTIONS) paths.add(`/s/${s}`);
    const topics = await db
      .selectFrom('article_topics')
      .select('topic')
      .where('article_id', 'in', hostileIds())
      .distinct()
      .execute();
    for (const t of topics) paths.add(`/t/${t.topic}`);
    const entities = await db
      .selectFrom('article_entities as ae')
      .innerJoin('entities as e', 'e.id', 'ae.entity_id')
      .select('e.slug')
      .where('ae.article_id', 'in', hostileIds())
      .distinct()
      .execute();
    for (const e of entities) paths.add(`/e/${e.slug}`);
    const clusters = await db
      .selectFrom('articles')
      .select('cluster_id')
      .where('id', 'in', hostileIds())
      .where('cluster_id', 'is not', null)
      .distinct()
      .execute();
    for (const c of clusters) paths.add(`/c/${c.cluster_id}`);
    const authors = await db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as a', 'a.id', 'aa.author_id')
      .innerJoin('publishers as p', 'p.id', 'a.publisher_id')
      .select(['a.slug as author', 'p.slug as publisher'])
      .where('aa.article_id', 'in', hostileIds())
      .distinct()
      .execute();
    for (const a of authors) paths.add(`/author/${a.publisher}/${a.author}`);
    for (const q of ['alert', 'onerror img', 'script', 'javascript svg', 'saltmere harbour'])
      paths.add(`/search?${new URLSearchParams({ q })}`);
    // Payloads as the search query (reflected in the form and the "no stories match" line).
    for (const p of PAYLOADS.filter((x) => !x.family.startsWith('gen:')).filter((_, i) => i % 90 === 0))
      paths.add(`/search?${new URLSearchParams({ q: p.html.slice(0, 400) })}`);

    // Article pages and the front page run in the browser for every viewer. Lists (whose markup differs between
    // viewers only in the header) run in the browser as a visitor, and are scanned as served to the other three.
    // Authors' pages (the same cards as a publisher's) are scanned as served to every viewer, without running them.
    const isArticle = (p: string) => /^\/a\/\d+$/.test(p);
    const isAuthor = (p: string) => p.startsWith('/author/');
    const ran = (list: string[]) =>
      VIEWERS.flatMap((viewer) =>
        list
          .filter((p) => isArticle(p) || p === '/' || (viewer === 'visitor' && !isAuthor(p)))
          .map((path) => ({ viewer, path })),
      );
    const served = async (list: string[]) => {
      const page = await harness.newPage('visitor');
      await page.goto(`${base}/healthz`);
      const out: VisitResult[] = [];
      for (const viewer of VIEWERS)
        out.push(
          ...(await scanServed(
            app,
            page,
            viewer,
            cookies.get(viewer) ?? null,
            list.filter((p) => !isArticle(p) && p !== '/' && (viewer !== 'visitor' || isAuthor(p))),
          )),
        );
      await page.close();
      return out;
    };
    const listPaths = [...paths];
    visits = await visitAll(harness, base, [...ran(listPaths), { viewer: 'editor', path: '/editor' }]);
    visits.push(...(await served(listPaths)));
    // Older pages of every paged list (and later result pages), as far as they go.
    for (let round = 0; round < 20; round++) {
      const more = [...new Set(visits.filter((v) => v.viewer === 'visitor').flatMap((v) => v.next))].filter(
        (h) => h.startsWith('/') && !paths.has(h),
      );
      if (!more.length) break;
      for (const n of more) paths.add(n);
      visits.push(...(await visitAll(harness, base, ran(more))));
      visits.push(...(await served(more)));
    }

    const problems: Problem[] = [
      ...visitProblems(visits, base, keyOfId),
      ...eventProblems(harness.events.slice(eventsBefore), base, keyOfId),
    ];
    const ranCount = visits.filter((v) => v.finalUrl).length;
    console.log(
      `hostile content on ${dialect}: ${PAYLOADS.length} payloads in ${placements.size} placed ids, ${hostileIds().length} hostile articles, ${paths.size} pages: ${ranCount} page loads in Chromium and ${visits.length - ranCount} scans of pages as served, ${problems.length} problems`,
    );
    saveArtifact(`hostile-pages-${dialect}.json`, { pages: visits.length, problems });
    expect(visits.filter((v) => /^\/a\/\d+$/.test(v.path)).length).toBe(hostileIds().length * VIEWERS.length);
    expect(report(problems)).toEqual([]);
  }, 600_000);

  it('serves no dangerous markup in the article API, to any viewer, nor in /feed.xml and /sitemap.xml', async () => {
    const page = await harness.newPage('visitor');
    await page.goto(`${base}/healthz`);
    const problems: Problem[] = [];
    const coverage = Object.fromEntries(
      VIEWERS.map((v) => [v, { first: 0, firstSeen: 0, later: 0, laterSeen: 0 }]),
    ) as Record<Viewer, { first: number; firstSeen: number; later: number; laterSeen: number }>;
    for (const viewer of VIEWERS) {
      const cookie = cookies.get(viewer);
      const fragments: { key: string; html: string }[] = [];
      for (const [key, id] of articleIds) {
        const res = await app.inject({
          url: `/api/v1/articles/${id}`,
          headers: cookie ? { cookie: `mh_session=${cookie}` } : {},
        });
        if (res.statusCode !== 200) {
          problems.push({
            viewer,
            surface: `/api/v1/articles/${id}`,
            article: key,
            kind: 'http',
            region: '-',
            detail: `status ${res.statusCode}`,
            markup: res.body.slice(0, 200),
            ids: [],
          });
          continue;
        }
        fragments.push({ key, html: String((res.json() as { body_html: string }).body_html) });
      }
      // The payloads must really reach the body (and the preview): how many of each article's body ids show in what this viewer gets.
      for (const f of fragments) {
        const spec = layout.specs.find((x) => x.key === f.key);
        if (!spec) continue;
        const seen = new Set(idsIn(f.html));
        const first = spec.body[0]!.map((i) => i.id);
        const later = spec.body
          .slice(1)
          .flat()
          .map((i) => i.id)
          .filter((id) => !first.includes(id));
        const c = coverage[viewer];
        c.first += first.length;
        c.firstSeen += first.filter((id) => seen.has(id)).length;
        c.later += later.length;
        c.laterSeen += later.filter((id) => seen.has(id)).length;
      }
      const result = await runScan(page, {
        mode: 'fragments',
        videoHosts: VIDEO_HOSTS,
        sandboxTokens: SANDBOX_TOKENS,
        fragments,
      });
      for (const [key, findings] of Object.entries(result.byKey ?? {})) {
        const candidates = candidatesOf(key);
        for (const f of findings)
          problems.push({
            viewer,
            surface: `/api/v1/articles/${articleIds.get(key)}`,
            article: key,
            kind: f.kind,
            region: f.region,
            detail: f.detail,
            markup: f.markup,
            ids: idsIn(`${f.detail} ${f.markup}`, candidates),
          });
      }
    }
    for (const url of ['/feed.xml', '/sitemap.xml']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      const result = await runScan(page, {
        mode: 'feed',
        videoHosts: VIDEO_HOSTS,
        sandboxTokens: SANDBOX_TOKENS,
        xml: res.body,
      });
      if (url === '/feed.xml') expect(result.items).toBeGreaterThan(10);
      for (const f of result.findings)
        problems.push({
          viewer: '-',
          surface: url,
          kind: f.kind,
          region: f.region,
          detail: f.detail,
          markup: f.markup,
          ids: idsIn(`${f.detail} ${f.markup}`),
        });
    }
    await page.close();
    console.log(
      `hostile content on ${dialect}, body payload ids visible in the article API: ${JSON.stringify(coverage)}`,
    );
    // The payloads really reach the pages (so a pass is not a vacuous one): members get the bodies, visitors the previews.
    const m = coverage.member;
    expect(m.firstSeen + m.laterSeen, 'body payload ids members see').toBeGreaterThan((m.first + m.later) * 0.1);
    expect(coverage.visitor.firstSeen, 'first-batch payload ids in visitors’ previews').toBeGreaterThan(
      coverage.visitor.first * 0.05,
    );
    saveArtifact(`hostile-api-${dialect}.json`, problems);
    expect(report(problems)).toEqual([]);
  }, 300_000);
});
