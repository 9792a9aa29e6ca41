import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createPublisher, issueApiKey } from '../../catalog/publishers.ts';
import { auditLog } from '../../members/audit.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test-support/databases.ts';
import { publisherArticleRoutes } from './publisher-articles.ts';

const article = (over: Record<string, unknown> = {}) => ({
  url: 'https://harbour.example/story-1?utm_campaign=x',
  title: 'Ferry timetable returns to winter hours',
  standfirst: 'Crossings drop to four a day from December.',
  body_html: `<p>${'The ferry company said the change follows the usual pattern of the season. '.repeat(12)}</p><script>steal()</script><p onmouseover="x()">Second paragraph.</p>`,
  authors: ['Mara Quint'],
  published_at: '2026-11-23T08:00:00Z',
  image: { url: 'https://harbour.example/ferry.jpg', caption: 'The morning ferry', credit: 'Harbour Wire' },
  ...over,
});

describe.each(testDialects)('push API on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  afterEach(async () => {
    await app?.close();
    await database?.dispose();
  });

  async function setup() {
    database = await createTestDatabase(dialect);
    const p = await createPublisher(database.db, { slug: 'harbour', name: 'Harbour Gazette', sections: ['news'] });
    const q = await createPublisher(database.db, { slug: 'other', name: 'Other Post', sections: ['news'] });
    const key = await issueApiKey(database.db, p.id);
    const otherKey = await issueApiKey(database.db, q.id);
    app = Fastify();
    publisherArticleRoutes(app, { database, now: () => Date.parse('2026-11-24T09:00:00Z') });
    await app.ready();
    const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, body?: unknown, k: string | null = key) =>
      app.inject({ method, url, payload: body as object, headers: k ? { authorization: `Bearer ${k}` } : {} });
    return { call, key, otherKey, publisherId: p.id };
  }

  it('refuses missing, malformed and wrong keys', async () => {
    const { call } = await setup();
    expect((await call('PUT', '/api/v1/publisher/articles/s1', article(), null)).statusCode).toBe(401);
    expect((await call('PUT', '/api/v1/publisher/articles/s1', article(), 'nonsense')).statusCode).toBe(401);
    const res = await call(
      'PUT',
      '/api/v1/publisher/articles/s1',
      article(),
      'mh_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/Bearer/);
  });

  it('says which fields are wrong', async () => {
    const { call } = await setup();
    const res = await call(
      'PUT',
      '/api/v1/publisher/articles/s1',
      article({ url: 'javascript:alert(1)', published_at: 'yesterday', extra: 1 }),
    );
    expect(res.statusCode).toBe(400);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['url', 'published_at', '']));
  });

  it('creates, is idempotent, updates in place, and withdraws for good', async () => {
    const { call, key, otherKey } = await setup();
    const created = await call('PUT', '/api/v1/publisher/articles/s1', article());
    expect(created.statusCode).toBe(201);
    const id = created.json().masthead_id;

    const again = await call('PUT', '/api/v1/publisher/articles/s1', article());
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ masthead_id: id, outcome: 'unchanged' });

    const edited = await call('POST', '/api/v1/publisher/articles', {
      ...article({ title: 'Ferry timetable returns to winter hours, with a late boat' }),
      id: 's1',
    });
    expect(edited.json()).toMatchObject({ masthead_id: id, outcome: 'updated' });

    const row = await database.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      title: 'Ferry timetable returns to winter hours, with a late boat',
      url: 'https://harbour.example/story-1',
      body_source: 'push',
      image_credit: 'Harbour Wire',
      external_id: 's1',
    });
    expect(row.body_html).not.toMatch(/script|onmouseover/);
    expect(await database.db.selectFrom('articles').select('id').execute()).toHaveLength(1);

    // Another publisher's key cannot see or withdraw it.
    expect((await call('GET', '/api/v1/publisher/articles/s1', undefined, otherKey)).statusCode).toBe(404);
    expect((await call('DELETE', '/api/v1/publisher/articles/s1', undefined, otherKey)).statusCode).toBe(404);

    const gone = await call('DELETE', '/api/v1/publisher/articles/s1');
    expect(gone.json()).toMatchObject({ status: 'withdrawn', masthead_id: id });
    const after = await database.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'withdrawn', body_html: '', body_text: '', standfirst: '', image_url: null });
    expect((await call('DELETE', '/api/v1/publisher/articles/s1')).statusCode).toBe(200);
    expect((await call('PUT', '/api/v1/publisher/articles/s1', article())).statusCode).toBe(409);
    // The takedown is in the audit log once (the repeat changed nothing), naming the key, never the whole of it.
    const { lines } = await auditLog(database.db, { limit: 10 });
    expect(lines).toMatchObject([
      {
        action: 'article.takedown',
        actor: `harbour (push-API key mh_${key.split('_')[1]}_…)`,
        role: 'publisher',
        ip: '127.0.0.1',
        target: { kind: 'article', id: String(id) },
        details: { externalId: 's1' },
      },
    ]);
  });

  it('answers a second id for the same URL with a conflict, not an error, and changes nothing', async () => {
    const { call } = await setup();
    const first = await call('PUT', '/api/v1/publisher/articles/s1', article());
    expect(first.statusCode).toBe(201);
    const second = await call('PUT', '/api/v1/publisher/articles/s2', article());
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/already belongs to your article "s1"/);
    const rows = await database.db.selectFrom('articles').select(['external_id']).execute();
    expect(rows).toEqual([{ external_id: 's1' }]);
  });

  it('never lets another publisher take an article over with a copy dated earlier', async () => {
    const { call, otherKey, publisherId } = await setup();
    const original = await call(
      'PUT',
      '/api/v1/publisher/articles/s1',
      article({ published_at: '2026-11-23T10:00:00Z' }),
    );
    const originalId = original.json().masthead_id;
    // The other publisher pushes the same text, dated two hours earlier, free, at the original's URL.
    const copy = await call(
      'PUT',
      '/api/v1/publisher/articles/c1',
      article({ published_at: '2026-11-23T08:00:00Z', is_free: true }),
      otherKey,
    );
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ outcome: 'duplicate', duplicate_of: originalId });
    const rows = await database.db
      .selectFrom('articles')
      .select(['id', 'publisher_id', 'duplicate_of', 'is_free'])
      .orderBy('id')
      .execute();
    expect(rows.find((r) => r.id === originalId)).toMatchObject({
      publisher_id: publisherId,
      duplicate_of: null,
      is_free: 0,
    });
  });
});
