import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertArticle, queueForCuration, updateArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { inlineAnalyser, type Analyser } from './analyser.ts';
import { acquireLease } from '../db/leases.ts';
import { CURATION_LEASE_MS, runCuration } from './job.ts';

const T = Date.parse('2026-11-24T09:00:00Z');

describe.each(testDialects)('the curation pass on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => {
    vi.useRealTimers();
    await database?.dispose();
  });

  async function setup() {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const pubs = await Promise.all(
      ['north', 'south', 'east'].map((slug) => createPublisher(db, { slug, name: slug, sections: ['news'] }, T)),
    );
    const add = (publisher: number, n: number, title: string, text: string, at = T) =>
      insertArticle(
        db,
        {
          publisher_id: publisher,
          guid: `g${n}`,
          url: `https://x.example/${n}`,
          title,
          standfirst: '',
          body_html: '',
          body_text: text,
          body_source: 'feed',
          categories: '[]',
          word_count: 50,
          reading_minutes: 1,
          published_at: at,
          content_hash: `h${n}`,
          status: 'published',
          is_free: 0,
          created_at: T,
          modified_at: T,
        },
        [],
        [],
      );
    const flood =
      'Floodwater from the Ferrow river reached Kellbridge market square overnight. Kellbridge council opened the sports hall for families whose homes were flooded, and engineers from Ferrow Water inspected the damaged flood barrier.';
    const ids = [
      await add(pubs[0]!.id, 1, 'Ferrow river floods Kellbridge market square', flood),
      await add(
        pubs[1]!.id,
        2,
        'Kellbridge flooded as Ferrow river bursts its banks',
        `Families were moved to the sports hall. ${flood}`,
        T + 3_600_000,
      ),
      await add(
        pubs[2]!.id,
        3,
        'Saltmere Rovers sign a new goalkeeper',
        'Saltmere Rovers have signed the goalkeeper Ana Birch from Kellbridge Town on a two-year contract, the football club said.',
        T + 7_200_000,
      ),
    ];
    return { db, ids, pubs };
  }

  it('groups two publishers’ reports of one event, empties the queue, and is a no-op when run again', async () => {
    const { db, ids } = await setup();
    const totals = await runCuration(database, { now: () => T });
    expect(totals).toMatchObject({ articles: 3, clustersCreated: 2, joined: 1, skipped: false });
    const rows = await db.selectFrom('articles').select(['id', 'cluster_id', 'curated_at']).orderBy('id').execute();
    expect(rows[0]!.cluster_id).toBe(rows[1]!.cluster_id);
    expect(rows[2]!.cluster_id).not.toBe(rows[0]!.cluster_id);
    expect(rows.every((r) => r.curated_at === T)).toBe(true);
    expect(await db.selectFrom('curation_queue').selectAll().execute()).toEqual([]);
    const cluster = await db
      .selectFrom('clusters')
      .selectAll()
      .where('id', '=', rows[0]!.cluster_id!)
      .executeTakeFirstOrThrow();
    expect(cluster).toMatchObject({ article_count: 2, publisher_count: 2, first_article_id: ids[0] });
    expect((await runCuration(database, { now: () => T })).articles).toBe(0);
  });

  it('an updated article is analysed again and keeps its story', async () => {
    const { db, ids, pubs } = await setup();
    await runCuration(database, { now: () => T });
    const before = await db
      .selectFrom('articles')
      .select('cluster_id')
      .where('id', '=', ids[2]!)
      .executeTakeFirstOrThrow();
    await updateArticle(
      db,
      ids[2]!,
      pubs[2]!.id,
      {
        title: 'Rovers goalkeeper signs',
        body_text: 'The football club confirmed the goalkeeper signing.',
        published_at: T + 7_200_000,
      },
      [],
      [],
    );
    expect((await runCuration(database, { now: () => T + 1 })).articles).toBe(1);
    const after = await db
      .selectFrom('articles')
      .select(['cluster_id', 'curated_at'])
      .where('id', '=', ids[2]!)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ cluster_id: before.cluster_id, curated_at: T + 1 });
    expect((await db.selectFrom('clusters').select('id').execute()).length).toBe(2);
  });

  it('a change that arrives while the article is being analysed queues it again', async () => {
    const { db, ids } = await setup();
    const racing: Analyser = {
      async analyseAll(items) {
        await new Promise((r) => setTimeout(r, 5));
        await queueForCuration(db, [ids[1]!]); // the feed updates the article mid-analysis
        return inlineAnalyser.analyseAll(items);
      },
      close: async () => undefined,
    };
    await runCuration(database, { now: () => T, analyser: racing });
    expect((await db.selectFrom('curation_queue').select('article_id').execute()).map((r) => r.article_id)).toEqual([
      ids[1],
    ]);
  });

  it('does nothing while another process holds the lease', async () => {
    await setup();
    expect(await acquireLease(database.db, 'curation', 'someone-else', Date.now(), 60_000)).toBe(true);
    expect((await runCuration(database, { now: () => T })).skipped).toBe(true);
    expect((await database.db.selectFrom('curation_queue').select('article_id').execute()).length).toBe(3);
  });

  const queued = async () => (await database.db.selectFrom('curation_queue').select('article_id').execute()).length;
  const leaseOf = () =>
    database.db.selectFrom('job_leases').selectAll().where('name', '=', 'curation').executeTakeFirst();

  it('stops between articles when asked: the batch under way is left whole for the next pass', async () => {
    const { db } = await setup();
    const stop = new AbortController();
    const stopping: Analyser = {
      analyseAll: (items) => (stop.abort(), inlineAnalyser.analyseAll(items)), // the signal arrives mid-batch
      close: async () => undefined,
    };
    const done = await runCuration(database, { now: () => T, analyser: stopping, signal: stop.signal });
    expect(done).toMatchObject({ articles: 0, stopped: true, skipped: false });
    expect(await queued()).toBe(3);
    expect(await db.selectFrom('articles').select('id').where('curated_at', 'is not', null).execute()).toEqual([]);
    expect(await leaseOf()).toBeUndefined();
    // The next pass does it all.
    expect((await runCuration(database, { now: () => T })).articles).toBe(3);
  });

  it('keeps its short lease while it works, and stops if another process has taken it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    await setup();
    let t = T;
    let release!: () => void;
    const analysing = new Promise<void>((r) => (release = r));
    let started = false;
    const slow: Analyser = {
      async analyseAll(items) {
        started = true;
        await analysing;
        return inlineAnalyser.analyseAll(items);
      },
      close: async () => undefined,
    };
    const pass = runCuration(database, { now: () => t, analyser: slow, owner: 'a' });
    for (let i = 0; i < 200 && !started; i++) await new Promise((r) => setTimeout(r, 5));
    expect((await leaseOf())!.until).toBe(T + CURATION_LEASE_MS);
    t = T + CURATION_LEASE_MS - 1000;
    await vi.advanceTimersByTimeAsync(CURATION_LEASE_MS / 3);
    for (let i = 0; i < 200 && (await leaseOf())!.until === T + CURATION_LEASE_MS; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect((await leaseOf())!.until).toBe(t + CURATION_LEASE_MS);
    // Stalled past it, another process took it over: the next renewal notices and the pass stops.
    await database.db.updateTable('job_leases').set({ owner: 'b' }).where('name', '=', 'curation').execute();
    await vi.advanceTimersByTimeAsync(CURATION_LEASE_MS / 3);
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await pass).toMatchObject({ articles: 0, stopped: true });
    expect(await queued()).toBe(3);
    expect((await leaseOf())!.owner).toBe('b');
  });
});
