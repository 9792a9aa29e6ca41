import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, OPERATOR } from '../members/audit.ts';
import { createUser } from '../members/accounts.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import {
  addPublisher,
  changeFeedStatus,
  checkFeedAddress,
  editPublisher,
  issuePublisherKey,
  refreshFeedNow,
  registerFeed,
  revokePublisherKey,
  setArticleAccess,
} from './commands.ts';
import { feedHealth, getFeed } from './feeds.ts';
import { CatalogError, getPublisher, publisherForApiKey } from './publishers.ts';

const T = Date.parse('2026-11-24T09:00:00Z');
const RULES = { allowPrivate: false, allowHosts: [] as string[] };

describe('feed addresses', () => {
  it('refuses private, loopback and metadata literals as the fetcher would, unless the operator allows them', () => {
    for (const url of [
      'http://127.0.0.1/feed',
      'http://169.254.169.254/latest',
      'http://[::1]/rss',
      'http://10.1.2.3/x',
    ])
      expect(() => checkFeedAddress(url, RULES), url).toThrow(/refused: .* address \(set ALLOW_PRIVATE_FEEDS=true/);
    expect(() => checkFeedAddress('http://2130706433/feed', RULES)).toThrow(/loopback/); // 127.0.0.1 in another notation
    expect(checkFeedAddress('http://127.0.0.1/feed', { allowPrivate: true, allowHosts: [] })).toBe(
      'http://127.0.0.1/feed',
    );
    expect(checkFeedAddress('http://10.0.0.5/feed', { allowPrivate: false, allowHosts: ['10.0.0.5'] })).toBe(
      'http://10.0.0.5/feed',
    );
    expect(checkFeedAddress('feed://news.example/rss#x', RULES)).toBe('https://news.example/rss');
    expect(() => checkFeedAddress('ftp://news.example/rss', RULES)).toThrow(CatalogError);
  });

  it('tells a feed’s health the way the console and the CLI show it', () => {
    expect(feedHealth({ status: 'active', consecutive_failures: 0 })).toBe('ok');
    expect(feedHealth({ status: 'active', consecutive_failures: 2 })).toBe('failing');
    expect(feedHealth({ status: 'parked', consecutive_failures: 8 })).toBe('parked');
    expect(feedHealth({ status: 'disabled', consecutive_failures: 0 })).toBe('disabled');
  });
});

describe.each(testDialects)('catalogue commands on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  async function setup() {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const admin = await createUser(
      db,
      { email: 'root@example.org', password: 'a long enough secret', role: 'admin', verified: true },
      T,
    );
    const who = { userId: admin.id, ip: '203.0.113.9' };
    return { db, who };
  }
  const lines = async (db: TestDatabase['db']) => (await auditLog(db, { limit: 100 })).lines;

  it('adds and edits a publisher, each with its audit line (who, role, address, what changed)', async () => {
    const { db, who } = await setup();
    const p = await addPublisher(db, { slug: 'harbour', name: 'Harbour', sections: ['news'] }, who, T);
    await editPublisher(
      db,
      p.id,
      { name: 'Harbour Gazette', sections: ['news', 'sport'], brandColor: '#7a1f2b' },
      who,
      T + 1,
    );
    expect((await getPublisher(db, p.id))!.name).toBe('Harbour Gazette');
    await expect(editPublisher(db, p.id, { name: 'X', brandColor: 'red' }, who, T + 2)).rejects.toThrow(/brand colour/);
    await expect(addPublisher(db, { slug: 'harbour', name: 'Again' }, who, T + 3)).rejects.toThrow(/already exists/);
    const [edit, add, ...rest] = await lines(db);
    expect(rest).toEqual([]); // refused changes leave no line
    expect(add).toMatchObject({
      action: 'publisher.add',
      actor: 'root@example.org',
      role: 'admin',
      ip: '203.0.113.9',
      target: { kind: 'publisher', id: String(p.id), label: 'Harbour' },
    });
    expect(edit!.action).toBe('publisher.edit');
    expect(edit!.details).toMatchObject({
      name: { from: 'Harbour', to: 'Harbour Gazette' },
      brand_color: { to: '#7a1f2b' },
    });
  });

  it('registers a feed through the address check, and pauses, resumes and queues it', async () => {
    const { db, who } = await setup();
    const p = await addPublisher(db, { slug: 'harbour', name: 'Harbour' }, who, T);
    const input = { publisherId: p.id, intervalS: 900 };
    await expect(registerFeed(db, { ...input, url: 'http://127.0.0.1:8080/feed' }, RULES, who, T)).rejects.toThrow(
      /loopback/,
    );
    await expect(
      registerFeed(db, { ...input, publisherId: 999, url: 'https://x.example/f' }, RULES, who, T),
    ).rejects.toThrow(/no publisher/);
    const feed = await registerFeed(db, { ...input, url: 'https://harbour.example/feed.xml' }, RULES, who, T);
    await expect(
      registerFeed(db, { ...input, url: 'https://harbour.example/feed.xml' }, RULES, who, T),
    ).rejects.toThrow(/already registered/);
    await db
      .updateTable('feeds')
      .set({ status: 'parked', consecutive_failures: 8, next_fetch_at: T + 9e6 })
      .execute();
    await expect(refreshFeedNow(db, feed.id, who, T)).rejects.toThrow(/resume it first/);
    const resumed = await changeFeedStatus(db, feed.id, 'active', who, T + 10);
    expect(resumed).toMatchObject({ status: 'active', consecutive_failures: 0, next_fetch_at: T + 10 });
    await db
      .updateTable('feeds')
      .set({ next_fetch_at: T + 9e6 })
      .execute();
    await refreshFeedNow(db, feed.id, who, T + 20);
    expect((await getFeed(db, feed.id))!.next_fetch_at).toBe(T + 20);
    await changeFeedStatus(db, feed.id, 'disabled', OPERATOR, T + 30);
    expect((await getFeed(db, feed.id))!.status).toBe('disabled');
    const actions = (await lines(db)).map((l) => [l.action, l.target?.id, l.details]);
    expect(actions).toEqual([
      ['feed.pause', String(feed.id), { from: 'active' }],
      ['feed.refresh', String(feed.id), null],
      ['feed.resume', String(feed.id), { from: 'parked' }],
      ['feed.add', String(feed.id), { publisher: 'harbour' }],
      ['publisher.add', String(p.id), { slug: 'harbour' }],
    ]);
    const [operator] = await lines(db);
    expect(operator).toMatchObject({ actorId: null, actor: null, role: 'operator', ip: null });
  });

  it('issues a key shown once, replaces and revokes it, recording prefixes and never the key', async () => {
    const { db, who } = await setup();
    const p = await addPublisher(db, { slug: 'harbour', name: 'Harbour' }, who, T);
    const first = await issuePublisherKey(db, p.id, who, T);
    expect((await publisherForApiKey(db, first))?.id).toBe(p.id);
    const second = await issuePublisherKey(db, p.id, who, T + 1);
    expect(await publisherForApiKey(db, first)).toBeUndefined(); // replaced
    await revokePublisherKey(db, p.id, who, T + 2);
    expect(await publisherForApiKey(db, second)).toBeUndefined();
    await expect(revokePublisherKey(db, p.id, who, T + 3)).rejects.toThrow(/no push-API key/);
    const [revoke, replace, issue] = await lines(db);
    expect(issue).toMatchObject({ action: 'key.issue', details: { prefix: first.split('_')[1], replaced: null } });
    expect(replace!.details).toEqual({ prefix: second.split('_')[1], replaced: first.split('_')[1] });
    expect(revoke).toMatchObject({ action: 'key.revoke', details: { prefix: second.split('_')[1] } });
    const all = JSON.stringify(await lines(db));
    expect(all).not.toContain(first.split('_')[2]);
    expect(all).not.toContain(second.split('_')[2]);
  });

  it('makes an article free or premium with its audit line, in one transaction', async () => {
    const { db, who } = await setup();
    const p = await addPublisher(db, { slug: 'harbour', name: 'Harbour' }, who, T);
    const { id } = await db
      .insertInto('articles')
      .values({
        publisher_id: p.id,
        guid: 'g1',
        url: 'https://harbour.example/1',
        title: 'Storm warning',
        standfirst: '',
        body_html: '<p>Body</p>',
        body_text: 'Body',
        body_source: 'feed',
        categories: '[]',
        word_count: 1,
        reading_minutes: 1,
        published_at: T,
        content_hash: 'h1',
        status: 'published',
        is_free: 0,
        created_at: T,
        modified_at: T,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setArticleAccess(db, id, true, who, T + 1);
    const row = await db.selectFrom('articles').select('is_free').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.is_free).toBe(1);
    await expect(setArticleAccess(db, 424242, true, who, T)).rejects.toThrow(/no article/);
    expect((await lines(db))[0]).toMatchObject({
      action: 'article.free',
      target: { kind: 'article', id: String(id), label: 'Storm warning' },
    });
  });
});
