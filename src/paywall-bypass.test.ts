// The paywall holds on every surface: an anonymous visitor and a lapsed member
// request every route and format the app serves for a premium article, and no
// response carries a sentence from the article's second half. A member does
// see them (so the check can fail).
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle } from './catalog/articles.ts';
import { articlePath } from './catalog/article-pages.ts';
import { createPublisher, issueApiKey } from './catalog/publishers.ts';
import { loadConfig } from './config.ts';
import { createTestDatabase, testDialects, type TestDatabase } from './test-support/databases.ts';
import { silentLogger } from './log.ts';
import { createUser } from './members/accounts.ts';
import { DAY_MS } from './members/membership.ts';
import { createSession } from './members/sessions.ts';
import { buildServer } from './server.tsx';

const PARAS = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i + 1} tells how the keeper climbed the lighthouse stairs for the ${i + 1}th night, counting ${100 + i} steps in the dark while the storm pressed at the glass.`,
);
const SECOND_HALF = PARAS.slice(6).map((p) => p.slice(0, 40));

describe.each(testDialects)('paywall on every surface, %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  afterEach(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('shows visitors and lapsed members a preview only, and members everything', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const now = Date.parse('2026-11-24T09:00:00Z');
    const p = await createPublisher(db, { slug: 'lamp', name: 'The Lamp', sections: ['news'] });
    const body = PARAS.map((x) => `<p>${x}</p>`).join('');
    const id = await insertArticle(
      db,
      {
        publisher_id: p.id,
        feed_id: null,
        guid: 'g1',
        external_id: null,
        url: 'https://lamp.example/keeper',
        title: 'The keeper of the light',
        standfirst: 'A night on the tower.',
        body_html: body,
        body_text: PARAS.join('\n\n'),
        body_source: 'feed',
        section: 'news',
        categories: '[]',
        language: 'en',
        image_url: 'https://lamp.example/i.jpg',
        image_caption: 'The tower',
        image_credit: 'Lamp',
        image_width: 1200,
        image_height: 675,
        word_count: 400,
        reading_minutes: 2,
        published_at: now - 3600_000,
        updated_at: null,
        content_hash: 'h',
        source_hash: 'h',
        minhash: null,
        duplicate_of: null,
        status: 'published',
        is_free: 0,
        created_at: now,
        modified_at: now,
      },
      ['Ada Okonjo'],
      [],
    );
    const lapsed = await createUser(
      db,
      { email: 'lapsed@example.org', password: 'a long enough secret', trialDays: 14, verified: true },
      now - 30 * DAY_MS,
    );
    const member = await createUser(
      db,
      { email: 'member@example.org', password: 'a long enough secret', trialDays: 14, verified: true },
      now - DAY_MS,
    );
    const lapsedCookie = `mh_session=${await createSession(db, lapsed.id, now, {})}`;
    const memberCookie = `mh_session=${await createSession(db, member.id, now, {})}`;
    await db.insertInto('saved_articles').values({ user_id: lapsed.id, article_id: id, saved_at: now }).execute();
    await db
      .insertInto('reading_history')
      .values({ user_id: lapsed.id, article_id: id, read_at: now - 20 * DAY_MS })
      .execute();
    const key = await issueApiKey(db, p.id);

    app = await buildServer({
      config: { ...loadConfig({}), demo: false },
      database,
      log: silentLogger,
      now: () => now,
      baseUrl: 'http://masthead.test',
    });
    const path = articlePath({ id, title: 'The keeper of the light' });
    const routes = [
      '/',
      path,
      `/a/${id}`,
      `/api/v1/articles/${id}`,
      '/feed.xml',
      '/p/lamp',
      '/saved',
      '/history',
      '/account',
      '/account/export',
      '/healthz',
      '/plans',
      '/sitemap.xml',
      '/search?q=keeper+lighthouse+storm',
    ];

    const leaks = async (cookie: string | null) => {
      const found: string[] = [];
      for (const url of routes) {
        const res = await app.inject({ url, headers: cookie ? { cookie } : {} });
        for (const s of SECOND_HALF) if (res.body.includes(s)) found.push(`${url}: ${s}`);
      }
      // The publisher push API answers only the owner, and never with body text.
      const api = await app.inject({
        url: '/api/v1/publisher/articles/g1',
        headers: { authorization: `Bearer ${key}` },
      });
      for (const s of SECOND_HALF) if (api.body.includes(s)) found.push(`push api: ${s}`);
      return found;
    };

    expect(await leaks(null)).toEqual([]);
    expect(await leaks(lapsedCookie)).toEqual([]);
    const memberView = await leaks(memberCookie);
    expect(memberView.length).toBeGreaterThan(0); // members read everything: the check is live

    // The visitor's page has the preview, the offer, and paywalled structured data.
    const visitor = await app.inject({ url: path });
    expect(visitor.body).toContain(PARAS[0]);
    expect(visitor.body).toContain('Sign up to read this article');
    expect(visitor.body).toContain('Already a member?');
    expect(visitor.body).toContain('"isAccessibleForFree":false');
    const lapsedPage = await app.inject({ url: path, headers: { cookie: lapsedCookie } });
    expect(lapsedPage.body).toContain('Keep reading with a membership');
    const json = (await app.inject({ url: `/api/v1/articles/${id}` })).json();
    expect(json).toMatchObject({ access: { full: false, reason: 'sign-up' }, truncated: true });

    // A member cannot change who may read it; an editor can make it free, and then everyone reads it.
    const csrfOf = async (cookie: string) =>
      /name="_csrf" value="([^"]+)"/.exec((await app.inject({ url: '/account', headers: { cookie } })).body)![1]!;
    const toggle = (cookie: string, csrf: string) =>
      app.inject({
        method: 'POST',
        url: `/a/${id}/access`,
        payload: `_csrf=${encodeURIComponent(csrf)}`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await toggle(memberCookie, await csrfOf(memberCookie))).statusCode).toBe(403);
    const editor = await createUser(
      db,
      { email: 'editor@example.org', password: 'a long enough secret', role: 'editor', verified: true },
      now,
    );
    const editorCookie = `mh_session=${await createSession(db, editor.id, now, {})}`;
    // A phrase only in the second half: a visitor's search cannot find it while the article is premium.
    const hidden = '/search?q=%2212th+night%22';
    expect((await app.inject({ url: hidden })).body).not.toContain('The keeper of the light');
    expect((await toggle(editorCookie, await csrfOf(editorCookie))).statusCode).toBe(303);
    expect((await app.inject({ url: path })).body).toContain(PARAS[11]);
    expect((await app.inject({ url: hidden })).body).toContain('The keeper of the light'); // free: open to the end
    expect((await toggle(editorCookie, await csrfOf(editorCookie))).statusCode).toBe(303); // premium again
    expect((await app.inject({ url: hidden })).body).not.toContain('The keeper of the light');
    expect((await app.inject({ url: path })).body).not.toContain(PARAS[11]);
  });
});
