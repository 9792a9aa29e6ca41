// Curation end to end, on the real first-run path: the demo's publishers'
// feeds are ingested by the normal pipeline (several titles cover each of its
// fictional events, in their own words), then the curation pass runs. We check
// the stories cluster, the article page shows related stories, more coverage,
// topics and names with working pages; a member's qualified read (sent by the
// page's own script, in Chromium) counts and lifts the story to the top; an
// editor's pick shows on the front page.
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreClustering } from '../src/analysis/cluster-metrics.ts';
import { runCuration } from '../src/curation/job.ts';
import { computeTopStories } from '../src/curation/trending.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../src/test-support/databases.ts';
import { generateDemoStories } from '../src/demo/stories.ts';
import { createUser } from '../src/members/accounts.ts';
import { createSession } from '../src/members/sessions.ts';
import { getHtml } from '../src/test-support/reader-fixture.ts';
import { launchBrowser } from './browser.ts';
import { demoSite } from './demo-site.ts';

describe.each(testDialects)('curation on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  const epoch = Date.now();
  let eventOf: Map<number, string>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const curation = { readSeconds: 1, readSharePercent: 60, trendingHalfLifeMs: 6 * 3_600_000 };
    ({ app, base } = await demoSite(database, { epoch, config: { curation }, now: () => Date.now() }));
    const totals = await runCuration(database);
    expect(totals.articles).toBeGreaterThan(300);
    await computeTopStories(database.db, Date.now());
    // The demo's own truth: which event each stored article reports (its feed guid or link ends in the story id).
    const stories = new Map(generateDemoStories({ now: epoch }).map((s) => [s.id, s.eventId]));
    const rows = await database.db.selectFrom('articles').select(['id', 'guid']).execute();
    eventOf = new Map(rows.map((r) => [r.id, stories.get(r.guid.split('?')[0]!.split(/[:/]/).pop()!)!]));
    expect([...eventOf.values()].every((e) => e !== undefined)).toBe(true);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const clusterRows = () =>
    database.db
      .selectFrom('articles')
      .select(['id', 'cluster_id', 'publisher_id', 'duplicate_of'])
      .where('status', '=', 'published')
      .execute();

  it('every article is analysed, and each event’s reports form one story', async () => {
    const rows = await clusterRows();
    expect(rows.every((r) => r.cluster_id !== null)).toBe(true);
    const s = scoreClustering(
      rows.map((r) => r.cluster_id!),
      rows.map((r) => eventOf.get(r.id)!),
    );
    expect(s.precision).toBeGreaterThan(0.9);
    expect(s.f1).toBeGreaterThan(0.8);
    // Copies always sit in their original's story.
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows.filter((x) => x.duplicate_of !== null))
      expect(r.cluster_id).toBe(byId.get(r.duplicate_of!)!.cluster_id);
  });

  it('the story page shows how many publishers cover it and each one’s angle', async () => {
    const biggest = await database.db
      .selectFrom('clusters')
      .select(['id', 'publisher_count'])
      .orderBy('publisher_count', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(biggest.publisher_count).toBeGreaterThanOrEqual(3);
    const res = await getHtml(app, `/c/${biggest.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`${biggest.publisher_count} publishers cover this story`);
    expect(res.body).toContain('First reported');
    expect((res.body.match(/class="report"/g) ?? []).length).toBe(biggest.publisher_count);
    expect((await getHtml(app, '/c/99999999')).statusCode).toBe(404);
  });

  it('a developing story links its stories on each story page', async () => {
    const clusters = await database.db.selectFrom('clusters').select(['id', 'thread_id', 'first_article_id']).execute();
    const sizes = new Map<number, number>();
    for (const c of clusters) sizes.set(c.thread_id!, (sizes.get(c.thread_id!) ?? 0) + 1);
    const threaded = clusters.find((c) => sizes.get(c.thread_id!)! >= 2);
    expect(threaded).toBeTruthy();
    const sibling = clusters.find((c) => c.thread_id === threaded!.thread_id && c.id !== threaded!.id)!;
    const res = await getHtml(app, `/c/${threaded!.id}`);
    expect(res.body).toContain('Also in this developing story');
    expect(res.body).toContain(`/a/${sibling.first_article_id}/`);
  });

  it('an article page shows related stories (never the same story), more coverage, topics and names that lead to their pages', async () => {
    const rows = await clusterRows();
    // Most stories have related stories.
    const withRelated = (await database.db.selectFrom('article_related').select('article_id').distinct().execute())
      .length;
    expect(withRelated / rows.length).toBeGreaterThan(0.7);
    const cluster = await database.db
      .selectFrom('clusters')
      .select(['id', 'first_article_id'])
      .where('publisher_count', '>=', 3)
      .where('first_article_id', 'in', database.db.selectFrom('article_related').select('article_id'))
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const id = cluster.first_article_id;
    const related = await database.db
      .selectFrom('article_related')
      .select('related_id')
      .where('article_id', '=', id)
      .execute();
    expect(related.length).toBeGreaterThan(0);
    const clusterOf = new Map(rows.map((r) => [r.id, r.cluster_id]));
    for (const r of related) expect(clusterOf.get(r.related_id)).not.toBe(cluster.id);

    const moved = await getHtml(app, `/a/${id}`);
    const page = await getHtml(app, String(moved.headers.location));
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('More coverage');
    expect(html).toContain(`href="/c/${cluster.id}"`);
    const relatedSection = html.slice(html.indexOf('Related stories'), html.indexOf('Top stories right now'));
    const relatedIds = [...relatedSection.matchAll(/href="\/a\/(\d+)\//g)].map((m) => Number(m[1]));
    expect(relatedIds.length).toBeGreaterThan(0);
    for (const r of relatedIds) expect(clusterOf.get(r)).not.toBe(cluster.id);

    const topic = /href="(\/t\/[a-z/-]+)"/.exec(html)?.[1];
    expect(topic).toBeTruthy();
    const topicPage = await getHtml(app, topic!);
    expect(topicPage.statusCode).toBe(200);
    const listed = (body: string) => [
      ...new Set([...body.matchAll(/<h3><a href="\/a\/(\d+)\//g)].map((m) => Number(m[1]))),
    ];
    const onTopic = listed(topicPage.body);
    expect(onTopic.length).toBeGreaterThan(0);
    const tagged = await database.db
      .selectFrom('article_topics')
      .select('article_id')
      .where('topic', '=', topic!.slice(3))
      .where('article_id', 'in', onTopic)
      .execute();
    expect(tagged.length).toBe(onTopic.length);

    const entity = /href="(\/e\/[a-z0-9-]+)"/.exec(html)?.[1];
    expect(entity).toBeTruthy();
    const entityPage = await getHtml(app, entity!);
    expect(entityPage.statusCode).toBe(200);
    expect(entityPage.body).toMatch(/(Person|Organisation|Place) · named in \d+ report/);
    const named = listed(entityPage.body);
    expect(named.length).toBeGreaterThan(0);
    const e = await database.db
      .selectFrom('entities')
      .select('id')
      .where('slug', '=', entity!.slice(3))
      .executeTakeFirstOrThrow();
    expect(
      (
        await database.db
          .selectFrom('article_entities')
          .select('article_id')
          .where('entity_id', '=', e.id)
          .where('article_id', 'in', named)
          .execute()
      ).length,
    ).toBe(named.length);
  });

  it('the demo’s named people are found and their forms merged', async () => {
    const people = await database.db
      .selectFrom('entities')
      .select(['name', 'kind', 'article_count'])
      .where('kind', '=', 'person')
      .orderBy('article_count', 'desc')
      .limit(40)
      .execute();
    const demoPeople = new Set(generateDemoStories({ now: epoch }).flatMap((s) => s.people ?? []));
    const found = people.filter((p) => demoPeople.has(p.name));
    expect(found.length).toBeGreaterThanOrEqual(Math.min(10, demoPeople.size / 2));
  });

  it('good news holds positive stories and never crime, war or disaster', async () => {
    const good = await database.db
      .selectFrom('articles')
      .select('id')
      .where('good_news', '=', 1)
      .where('status', '=', 'published')
      .where('duplicate_of', 'is', null)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(good.length).toBeGreaterThan(0);
    const bad = await database.db
      .selectFrom('article_topics')
      .select('article_id')
      .where(
        'article_id',
        'in',
        good.map((g) => g.id),
      )
      .where((eb) =>
        eb.or(
          ['crime-law-justice', 'conflict-war-peace', 'disaster-accident-emergency'].map((t) =>
            eb('topic', 'like', `${t}%`),
          ),
        ),
      )
      .execute();
    expect(bad).toEqual([]);
    const section = await getHtml(app, '/s/good-news');
    expect(section.statusCode).toBe(200);
    expect(section.body).toContain(`/a/${good[0]!.id}/`);
  });

  it('a member’s qualified read is sent by the page in Chromium, counted once, and lifts the story', async () => {
    const member = await createUser(
      database.db,
      { email: `reader-${dialect}@example.org`, password: 'a long enough password', verified: true, trialDays: 14 },
      Date.now(),
    );
    const token = await createSession(database.db, member.id, Date.now(), {});
    const top = await database.db
      .selectFrom('top_stories')
      .select(['article_id', 'cluster_id'])
      .orderBy('rank')
      .execute();
    const target = top.at(-1)!; // the lowest-ranked story
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const context = await browser.newContext();
      await context.addCookies([{ name: 'mh_session', value: token, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/a/${target.article_id}`);
      expect(await page.locator('article[data-read]').count()).toBe(1);
      await expect
        .poll(
          async () =>
            (
              await database.db
                .selectFrom('read_counts')
                .select('qualified')
                .where('article_id', '=', target.article_id)
                .executeTakeFirst()
            )?.qualified ?? 0,
          { timeout: 10_000 },
        )
        .toBe(1);
      // Reloading does not count the same reader twice the same day.
      await page.reload();
      await page.waitForTimeout(2500);
      const counts = await database.db
        .selectFrom('read_counts')
        .select(['views', 'qualified'])
        .where('article_id', '=', target.article_id)
        .executeTakeFirstOrThrow();
      expect(counts).toEqual({ views: 1, qualified: 1 });
    } finally {
      await browser?.close();
    }
    await computeTopStories(database.db, Date.now());
    const first = await database.db
      .selectFrom('top_stories')
      .select('cluster_id')
      .orderBy('rank')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(first.cluster_id).toBe(target.cluster_id);
  }, 60_000);

  it('a forged or unviewed beacon is refused and counts nothing', async () => {
    const article = await database.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .limit(1)
      .executeTakeFirstOrThrow();
    const forged = await app.inject({
      method: 'POST',
      url: '/api/v1/reads',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `a=${article.id}&t=AAAAAAAAAAAAAAAAAAAAAA`,
    });
    expect(forged.statusCode).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/reads',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'a=abc',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('an editor picks a story in the console and it appears in “Our picks” on the front page', async () => {
    const editor = await createUser(
      database.db,
      { email: `editor-${dialect}@example.org`, password: 'a long enough password', role: 'editor', verified: true },
      Date.now(),
    );
    const cookie = `mh_session=${await createSession(database.db, editor.id, Date.now(), {})}`;
    const consolePage = await getHtml(app, '/editor', { cookie });
    expect(consolePage.statusCode).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(consolePage.body)![1]!;
    const story = await database.db
      .selectFrom('articles')
      .select(['id', 'title'])
      .where('status', '=', 'published')
      .where('duplicate_of', 'is', null)
      .orderBy('published_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    const res = await app.inject({
      method: 'POST',
      url: '/editor/picks',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: csrf,
        article: `${base}/a/${story.id}/some-slug`,
        note: 'An editor’s note for readers',
      }).toString(),
    });
    expect(res.statusCode).toBe(303);
    const front = await getHtml(app, '/');
    const picks = front.body.slice(front.body.indexOf('Our picks'));
    expect(picks).toContain(`/a/${story.id}/`);
    expect(picks).toContain('An editor’s note for readers');
    // The article page offers editors the good-news ruling; it takes effect at once and is logged.
    const articlePage = await getHtml(
      app,
      String((await getHtml(app, `/a/${story.id}`, { cookie })).headers.location),
      { cookie },
    );
    const good = /<form method="post" action="\/editor\/good-news"[\s\S]*?name="include" value="(\d)"/.exec(
      articlePage.body,
    );
    expect(good).toBeTruthy();
    const ruling = await app.inject({
      method: 'POST',
      url: '/editor/good-news',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: csrf,
        article: String(story.id),
        include: good![1]!,
        back: `/a/${story.id}/x`,
      }).toString(),
    });
    expect(ruling.statusCode).toBe(303);
    expect(ruling.headers.location).toMatch(new RegExp(`^/a/${story.id}/x\\?notice=`));
    expect(
      (
        await database.db
          .selectFrom('articles')
          .select('good_news')
          .where('id', '=', story.id)
          .executeTakeFirstOrThrow()
      ).good_news,
    ).toBe(Number(good![1]));
    const log = await getHtml(app, '/editor', { cookie });
    expect(log.body).toContain(`editor-${dialect}@example.org`);
    expect(log.body).toMatch(/<td>pick<\/td>/);
    // Members may not use the console.
    const member = await createUser(
      database.db,
      { email: `m2-${dialect}@example.org`, password: 'a long enough password', verified: true },
      Date.now(),
    );
    const memberCookie = `mh_session=${await createSession(database.db, member.id, Date.now(), {})}`;
    expect((await getHtml(app, '/editor', { cookie: memberCookie })).statusCode).toBe(403);
    const memberCsrf = /name="_csrf" value="([^"]+)"/.exec(
      (await getHtml(app, '/account', { cookie: memberCookie })).body,
    )![1]!;
    const refused = await app.inject({
      method: 'POST',
      url: '/editor/picks',
      headers: { cookie: memberCookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: memberCsrf, article: String(story.id) }).toString(),
    });
    expect(refused.statusCode).toBe(403);
    expect(await database.db.selectFrom('picks').select('id').execute()).toHaveLength(1);
  });
});
