import { afterEach, describe, expect, it } from 'vitest';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { installSecret } from '../members/secrets.ts';
import {
  checkReadToken,
  daySalt,
  issueReadToken,
  READ_MIN_DWELL_MS,
  READ_TOKEN_TTL_MS,
  ReadRecorder,
  recordReads,
  spendReadNonce,
  visitorReader,
} from './reads.ts';

const T = Date.parse('2026-11-24T09:00:00Z');

describe.each(testDialects)('reads on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  async function setup(): Promise<number> {
    database = await createTestDatabase(dialect);
    const p = await createPublisher(database.db, { slug: 'daily', name: 'Daily', sections: ['news'] }, T);
    const row = await database.db
      .insertInto('articles')
      .values({
        publisher_id: p.id,
        guid: 'g',
        url: 'https://daily.example/1',
        title: 'One',
        standfirst: '',
        body_html: '',
        body_text: '',
        body_source: 'feed',
        categories: '[]',
        word_count: 1,
        reading_minutes: 1,
        published_at: T,
        content_hash: 'h',
        status: 'published',
        is_free: 0,
        created_at: T,
        modified_at: T,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const counts = (id: number) =>
    database.db.selectFrom('read_counts').selectAll().where('article_id', '=', id).orderBy('day').execute();

  it('counts a reader once per article, kind and day, exactly', async () => {
    const id = await setup();
    const added = await recordReads(database.db, [
      { articleId: id, reader: 'm:1', kind: 'view', at: T },
      { articleId: id, reader: 'm:1', kind: 'view', at: T + 60_000 },
      { articleId: id, reader: 'm:2', kind: 'view', at: T },
      { articleId: id, reader: 'm:1', kind: 'read', at: T },
      { articleId: id, reader: 'm:1', kind: 'view', at: T + 86_400_000 },
    ]);
    expect(added).toBe(4);
    expect(await counts(id)).toEqual([
      { article_id: id, day: '2026-11-24', views: 2, qualified: 1 },
      { article_id: id, day: '2026-11-25', views: 1, qualified: 0 },
    ]);
    // Sent again (a retried flush, say): nothing changes.
    expect(await recordReads(database.db, [{ articleId: id, reader: 'm:2', kind: 'view', at: T }])).toBe(0);
    expect((await counts(id))[0]!.views).toBe(2);
  });

  it('buffers views, writes them on flush, and keeps them when the write fails', async () => {
    const id = await setup();
    const errors: unknown[] = [];
    const recorder = new ReadRecorder(database.db, { flushMs: 60_000, onError: (e) => errors.push(e) });
    recorder.view(id, 'v:a', T);
    recorder.view(id, 'v:b', T);
    expect(await counts(id)).toEqual([]);
    await recorder.flush();
    expect((await counts(id))[0]!.views).toBe(2);
    recorder.view(99_999_999, 'v:c', T); // an article that does not exist still counts: events are facts, not references
    recorder.view(id, 'v:c', T);
    await recorder.close();
    expect((await counts(id))[0]!.views).toBe(3);
    expect(errors).toEqual([]);
  });

  it('a qualified read needs the same reader to have viewed the article', async () => {
    const id = await setup();
    const recorder = new ReadRecorder(database.db);
    expect(await recorder.qualified(id, 'v:x', T)).toBe('no-view');
    recorder.view(id, 'v:x', T);
    expect(await recorder.qualified(id, 'v:x', T + 20_000)).toBe('counted');
    expect(await recorder.qualified(id, 'v:x', T + 40_000)).toBe('repeat');
    expect((await counts(id))[0]).toMatchObject({ views: 1, qualified: 1 });
    await recorder.close();
  });

  it('visitors are hashed with a salt that changes daily and is then deleted', async () => {
    await setup();
    const s1 = await daySalt(database.db, '2026-11-24');
    expect(await daySalt(database.db, '2026-11-24')).toBe(s1);
    const s2 = await daySalt(database.db, '2026-11-25');
    expect(s2).not.toBe(s1);
    expect(await database.db.selectFrom('read_salts').select('day').execute()).toEqual([{ day: '2026-11-25' }]);
    const a = visitorReader(s1, '203.0.113.5', 'Firefox');
    expect(a).toMatch(/^v:[\w-]{22}$/);
    expect(visitorReader(s1, '203.0.113.5', 'Firefox')).toBe(a);
    expect(visitorReader(s2, '203.0.113.5', 'Firefox')).not.toBe(a);
    expect(a).not.toContain('203.0.113.5');
  });

  it('read tokens are per page view: for one article and reader, after a few seconds, before they expire, once', async () => {
    await setup();
    const secret = await installSecret(database.db, 'reads_token_secret');
    expect(await installSecret(database.db, 'reads_token_secret')).toEqual(secret);
    const token = issueReadToken(secret, { articleId: 5, reader: 'm:7', now: T });
    const at = (ms: number, over: Partial<{ articleId: number; reader: string }> = {}) =>
      checkReadToken(secret, token, { articleId: 5, reader: 'm:7', now: T + ms, ...over });
    const ok = at(READ_MIN_DWELL_MS);
    expect(ok.ok).toBe(true);
    expect(at(READ_MIN_DWELL_MS - 1000)).toEqual({ ok: false, reason: 'too-soon' });
    expect(at(READ_TOKEN_TTL_MS + 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(at(5000, { articleId: 6 })).toEqual({ ok: false, reason: 'invalid' });
    expect(at(5000, { reader: 'm:8' })).toEqual({ ok: false, reason: 'other-reader' });
    expect(
      checkReadToken(Buffer.from('another install'), token, { articleId: 5, reader: 'm:7', now: T + 5000 }),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(checkReadToken(secret, undefined, { articleId: 5, reader: 'm:7', now: T + 5000 })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const tampered = token.replace(/^5\./, '6.');
    expect(checkReadToken(secret, tampered, { articleId: 6, reader: 'm:7', now: T + 5000 }).ok).toBe(false);
    if (!ok.ok) throw new Error('unreachable');
    expect(await spendReadNonce(database.db, ok.nonce, ok.expiresAt)).toBe(true);
    expect(await spendReadNonce(database.db, ok.nonce, ok.expiresAt)).toBe(false);
    expect(issueReadToken(secret, { articleId: 5, reader: 'm:7', now: T })).not.toBe(token); // a fresh nonce each view
  });
});
