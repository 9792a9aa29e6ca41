import { afterEach, describe, expect, it } from 'vitest';
import { getFeed } from '../../catalog/feeds.ts';
import { createUser } from '../../members/accounts.ts';
import { auditLog } from '../../members/audit.ts';
import { createSession } from '../../members/sessions.ts';
import { userById } from '../../members/users.ts';
import { testDialects } from '../../test-support/databases.ts';
import { NOW, readerFixture, type ReaderFixture } from '../../test-support/reader-fixture.ts';

const GETS = ['/admin', '/admin/publishers/new', '/admin/publishers/1', '/admin/users', '/admin/keys', '/admin/audit'];
const POSTS = [
  '/admin/publishers',
  '/admin/publishers/1',
  '/admin/feeds',
  '/admin/feeds/1/resume',
  '/admin/feeds/1/pause',
  '/admin/feeds/1/refresh',
  '/admin/users/1/role',
  '/admin/keys/1',
  '/admin/keys/1/revoke',
];
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(testDialects)('admin console, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  async function setup() {
    f = await readerFixture(dialect);
    const db = f.database.db;
    const account = async (email: string, role: 'member' | 'editor' | 'admin') => {
      const u = await createUser(db, { email, password: 'a long enough secret', role, verified: true }, NOW);
      return { id: u.id, cookie: `mh_session=${await createSession(db, u.id, NOW, {})}` };
    };
    const admin = await account('root@example.org', 'admin');
    const member = await account('reader@example.org', 'member');
    const editor = await account('ed@example.org', 'editor');
    const publisher = await f.publisher({ slug: 'harbour', name: 'Harbour Gazette' });
    await db
      .insertInto('feeds')
      .values({
        publisher_id: publisher,
        url: 'https://harbour.example/rss',
        title: 'Harbour news',
        section: null,
        full_text: 'auto',
        status: 'parked',
        allow_private: 0,
        is_demo: 0,
        interval_s: 900,
        next_fetch_at: NOW + 86_400_000,
        consecutive_failures: 8,
        last_error: 'HTTP 503 from harbour.example',
        last_error_at: NOW - 3_600_000,
        items_total: 12,
        created_at: NOW,
      })
      .execute();
    const csrfOf = async (cookie: string) =>
      /name="_csrf" value="([^"]+)"/.exec((await f.app.inject({ url: '/account', headers: { cookie } })).body)![1]!;
    const post = async (who: { cookie: string }, url: string, fields: Record<string, string | string[]> = {}) => {
      const body = new URLSearchParams({ _csrf: await csrfOf(who.cookie) });
      for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
      return f.app.inject({ method: 'POST', url, payload: body.toString(), headers: { cookie: who.cookie, ...FORM } });
    };
    const get = (who: { cookie: string } | null, url: string) =>
      f.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
    const lines = async () => (await auditLog(db, { limit: 100 })).lines;
    return { db, admin, member, editor, publisher, post, get, lines };
  }

  it('is for admins alone: visitors sign in first, members and editors get 403 on every route, GET and POST', async () => {
    const { db, admin, member, editor, post, get, lines } = await setup();
    for (const url of GETS) {
      const visitor = await get(null, url);
      expect(visitor.statusCode, url).toBe(303);
      expect(visitor.headers.location).toBe(`/signin?next=${encodeURIComponent(url)}`);
      for (const who of [member, editor]) {
        const res = await get(who, url);
        expect(res.statusCode, url).toBe(403);
        expect(res.body).toContain('Admins only');
      }
      expect((await get(admin, url)).statusCode, url).toBe(200);
    }
    const fields = {
      slug: 'sneaky',
      name: 'Sneaky',
      url: 'https://sneaky.example/feed',
      publisher: '1',
      role: 'admin',
    };
    for (const url of POSTS)
      for (const who of [member, editor]) expect((await post(who, url, fields)).statusCode, url).toBe(403);
    expect((await userById(db, member.id))!.role).toBe('member');
    expect((await getFeed(db, 1))!.status).toBe('parked');
    // A post without the form token is refused before anything happens, even from an admin.
    const forged = await f.app.inject({
      method: 'POST',
      url: '/admin/users/2/role',
      payload: 'role=admin',
      headers: { cookie: admin.cookie, ...FORM },
    });
    expect(forged.statusCode).toBe(403);
    expect((await userById(db, member.id))!.role).toBe('member');
    expect(await db.selectFrom('publishers').select('slug').execute()).toEqual([{ slug: 'harbour' }]);
    expect(await lines()).toEqual([]);
    // Admins find the console from their account page; nobody else is shown it.
    expect((await get(admin, '/account')).body).toContain('href="/admin"');
    expect((await get(member, '/account')).body).not.toContain('href="/admin"');
  });

  it('shows feed health and resumes, refreshes and pauses a feed, each in the audit log', async () => {
    const { db, admin, post, get, lines } = await setup();
    const page = (await get(admin, '/admin')).body;
    expect(page).toContain('Harbour Gazette');
    expect(page).toContain('Parked');
    expect(page).toContain('HTTP 503 from harbour.example');
    expect(page).toContain('8 failures in a row');
    expect(page).toContain('action="/admin/feeds/1/resume"');
    expect((await get(admin, '/admin?show=problems')).body).toContain('Harbour news');
    const resumed = await post(admin, '/admin/feeds/1/resume', { back: '/admin?show=problems' });
    expect(resumed.statusCode).toBe(303);
    expect(resumed.headers.location).toBe('/admin?show=problems&notice=resumed');
    expect(await getFeed(db, 1)).toMatchObject({ status: 'active', consecutive_failures: 0, next_fetch_at: NOW });
    await db
      .updateTable('feeds')
      .set({ next_fetch_at: NOW + 600_000 })
      .execute();
    expect((await post(admin, '/admin/feeds/1/refresh', { back: 'https://evil.example/' })).headers.location).toBe(
      '/admin?notice=refresh',
    );
    expect((await getFeed(db, 1))!.next_fetch_at).toBe(NOW);
    expect((await post(admin, '/admin/feeds/1/pause')).statusCode).toBe(303);
    expect((await getFeed(db, 1))!.status).toBe('disabled');
    const refused = await post(admin, '/admin/feeds/1/refresh');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('resume it first');
    expect((await post(admin, '/admin/feeds/999/pause')).statusCode).toBe(400);
    expect((await lines()).map((l) => [l.action, l.actor, l.role, l.ip])).toEqual([
      ['feed.pause', 'root@example.org', 'admin', '127.0.0.1'],
      ['feed.refresh', 'root@example.org', 'admin', '127.0.0.1'],
      ['feed.resume', 'root@example.org', 'admin', '127.0.0.1'],
    ]);
  });

  it('adds and edits a publisher and adds its feed, refusing a private address as the CLI does', async () => {
    const { db, admin, post, get, lines } = await setup();
    const bad = await post(admin, '/admin/publishers', { slug: 'Not A Slug', name: 'Lamp' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('must be lower-case letters');
    expect(bad.body).toContain('value="Lamp"'); // what was typed stays in the form
    const made = await post(admin, '/admin/publishers', {
      slug: 'the-lamp',
      name: 'The Lamp',
      homepage: 'https://lamp.example',
      sections: ['news', 'science'],
    });
    expect(made.statusCode).toBe(303);
    const id = Number(/^\/admin\/publishers\/(\d+)\?notice=created$/.exec(made.headers.location!)![1]);
    expect((await get(admin, made.headers.location!)).body).toContain('Publisher added');
    const saved = await post(admin, `/admin/publishers/${id}`, { name: 'The Lamp Weekly', sections: 'culture' });
    expect(saved.headers.location).toBe(`/admin/publishers/${id}?notice=saved`);
    const row = await db.selectFrom('publishers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ slug: 'the-lamp', name: 'The Lamp Weekly', sections: '["culture"]' });
    expect((await get(admin, '/admin/publishers/4242')).statusCode).toBe(404);

    const feed = { publisher: String(id), back: `/admin/publishers/${id}` };
    for (const url of ['http://127.0.0.1:3000/feed', 'http://169.254.169.254/latest/meta-data']) {
      const refused = await post(admin, '/admin/feeds', { ...feed, url });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.body).toContain('set ALLOW_PRIVATE_FEEDS=true to allow');
    }
    const added = await post(admin, '/admin/feeds', { ...feed, url: 'feed://lamp.example/rss', fullText: 'always' });
    expect(added.headers.location).toBe(`/admin/publishers/${id}?notice=feed`);
    const feeds = await db.selectFrom('feeds').selectAll().where('publisher_id', '=', id).execute();
    expect(feeds).toMatchObject([{ url: 'https://lamp.example/rss', full_text: 'always', status: 'active' }]);
    expect((await post(admin, '/admin/feeds', { ...feed, url: 'https://lamp.example/rss' })).body).toContain(
      'already registered',
    );
    expect((await lines()).map((l) => l.action)).toEqual(['feed.add', 'publisher.edit', 'publisher.add']);
  });

  it('changes roles but never leaves no admin; issues a key shown once that the push API takes, and revokes it', async () => {
    const { db, admin, member, publisher, post, get, lines } = await setup();
    const found = (await get(admin, '/admin/users?q=READER')).body;
    expect(found).toContain('reader@example.org');
    expect(found).not.toContain('ed@example.org');
    expect((await get(admin, '/admin/users?q=nobody-here')).body).toContain('No account matches');
    const role = await post(admin, `/admin/users/${member.id}/role`, {
      role: 'publisher',
      publisher: String(publisher),
      back: '/admin/users?q=READER',
    });
    expect(role.headers.location).toBe('/admin/users?q=READER&notice=role');
    expect(await userById(db, member.id)).toMatchObject({ role: 'publisher', publisher_id: publisher });
    const last = await post(admin, `/admin/users/${admin.id}/role`, { role: 'member' });
    expect(last.statusCode).toBe(400);
    expect(last.body).toContain('last admin');
    expect((await userById(db, admin.id))!.role).toBe('admin');

    const issued = await post(admin, `/admin/keys/${publisher}`);
    expect(issued.statusCode).toBe(200);
    expect(issued.headers['cache-control']).toBe('private, no-store');
    const key = /(mh_[0-9a-f]{8}_[A-Za-z0-9_-]{20,})/.exec(issued.body)![1]!;
    const push = () =>
      f.app.inject({ url: '/api/v1/publisher/articles/nope', headers: { authorization: `Bearer ${key}` } });
    expect((await push()).statusCode).toBe(404); // authenticated: the article is what is missing
    const listed = (await get(admin, '/admin/keys')).body;
    expect(listed).toContain(key.slice(0, 12)); // the prefix, to tell keys apart
    expect(listed).not.toContain(key.slice(12)); // never the secret again
    expect((await post(admin, `/admin/keys/${publisher}/revoke`)).headers.location).toBe('/admin/keys?notice=revoked');
    expect((await push()).statusCode).toBe(401);
    expect((await post(admin, `/admin/keys/${publisher}/revoke`)).statusCode).toBe(400);
    expect((await lines()).map((l) => l.action)).toEqual(['key.revoke', 'key.issue', 'user.role']);
    expect(JSON.stringify(await lines())).not.toContain(key.slice(12));
  });

  it('records editors’ picks, good-news rulings and access changes, and lists the log with filters and pages', async () => {
    const { admin, editor, post, get, lines } = await setup();
    const p = await f.publisher({ slug: 'quay' });
    const ids = [await f.article(p, { title: 'Tide tables' }), await f.article(p, { title: 'Ferry returns' })];
    expect((await post(editor, '/editor/picks', { article: String(ids[0]) })).statusCode).toBe(303);
    expect((await post(editor, '/editor/good-news', { article: String(ids[1]), include: '1' })).statusCode).toBe(303);
    expect((await post(editor, `/a/${ids[1]}/access`)).statusCode).toBe(303);
    expect((await lines()).map((l) => [l.action, l.actor, l.role, l.target?.label])).toEqual([
      ['article.free', 'ed@example.org', 'editor', 'Ferry returns'],
      ['good-news.add', 'ed@example.org', 'editor', 'Ferry returns'],
      ['pick.add', 'ed@example.org', 'editor', 'Tide tables'],
    ]);
    for (let i = 0; i < 50; i++) await post(admin, '/admin/feeds/1/resume');
    const first = (await get(admin, '/admin/audit')).body;
    expect(first.match(/<tr>/g)!.length).toBe(51); // the header and a page of 50
    expect(first).not.toContain('pick.add</code>');
    const older = /href="(\/admin\/audit\?before=\d+)"/.exec(first)![1]!;
    const second = (await get(admin, older.replace(/&amp;/g, '&'))).body;
    expect(second).toContain('pick.add</code>');
    expect(second).toContain('Tide tables');
    const mine = (await get(admin, `/admin/audit?actor=${editor.id}&action=`)).body;
    expect(mine.match(/<tr>/g)!.length).toBe(4);
    const picks = (await get(admin, '/admin/audit?actor=&action=pick.add')).body;
    expect(picks.match(/<tr>/g)!.length).toBe(2);
    expect((await get(admin, '/admin/audit?action=nothing.like.this')).body).toContain('Nothing matches');
  });
});
