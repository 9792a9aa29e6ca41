import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import {
  addFeed,
  claimDueFeeds,
  finishFeed,
  getFeed,
  ingestSummary,
  normaliseFeedUrl,
  setFeedStatus,
} from './feeds.ts';
import { CatalogError, createPublisher } from './publishers.ts';

describe('feed URLs', () => {
  it('accepts http(s) and feed: URLs and refuses the rest with a clear message', () => {
    expect(normaliseFeedUrl(' https://example.org/feed.xml#top ')).toBe('https://example.org/feed.xml');
    expect(normaliseFeedUrl('feed://example.org/rss')).toBe('https://example.org/rss');
    expect(() => normaliseFeedUrl('ftp://example.org/x')).toThrow(/http or https/);
    expect(() => normaliseFeedUrl('not a url')).toThrow(CatalogError);
    expect(() => normaliseFeedUrl('https://user:pw@example.org/')).toThrow(/password/);
  });
});

describe.each(testDialects)('feeds on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  async function seed(n: number, now: number) {
    const p = await createPublisher(database.db, { slug: 'harbour', name: 'Harbour Gazette', sections: ['news'] }, now);
    const feeds = [];
    for (let i = 0; i < n; i++)
      feeds.push(
        await addFeed(database.db, { publisherId: p.id, url: `https://h${i}.example/feed`, intervalS: 300 }, now - i),
      );
    return { p, feeds };
  }

  it('refuses a second registration of the same feed', async () => {
    database = await createTestDatabase(dialect);
    const { p } = await seed(1, 1000);
    await expect(
      addFeed(database.db, { publisherId: p.id, url: 'https://h0.example/feed#x', intervalS: 300 }),
    ).rejects.toThrow(/already registered/);
  });

  it('claims only due, unleased, active feeds, and releases them on finish', async () => {
    database = await createTestDatabase(dialect);
    const now = 1_700_000_000_000;
    const { feeds } = await seed(5, now);
    await database.db
      .updateTable('feeds')
      .set({ next_fetch_at: now + 60_000 })
      .where('id', '=', feeds[0]!.id)
      .execute();
    await setFeedStatus(database.db, feeds[1]!.id, 'disabled');
    const a = await claimDueFeeds(database.db, dialect, { owner: 'a', now, leaseMs: 60_000, limit: 10 });
    expect(a.map((f) => f.id).sort()).toEqual([feeds[2]!.id, feeds[3]!.id, feeds[4]!.id].sort());
    // Leased feeds are invisible to another claimer until the lease runs out.
    expect(await claimDueFeeds(database.db, dialect, { owner: 'b', now: now + 1, leaseMs: 60_000, limit: 10 })).toEqual(
      [],
    );
    const expired = await claimDueFeeds(database.db, dialect, {
      owner: 'b',
      now: now + 61_000,
      leaseMs: 60_000,
      limit: 10,
    });
    expect(expired.length).toBe(4); // the three abandoned by "a", plus feed 0 now due
    // Only the lease holder may write the outcome.
    await finishFeed(database.db, feeds[2]!.id, 'a', { last_error: 'stale writer' });
    expect((await getFeed(database.db, feeds[2]!.id))!.last_error).toBeNull();
    await finishFeed(database.db, feeds[2]!.id, 'b', { last_success_at: now });
    const f2 = (await getFeed(database.db, feeds[2]!.id))!;
    expect(f2.lease_owner).toBeNull();
    expect(f2.last_success_at).toBe(now);
  });

  it('never hands one feed to two concurrent claimers', async () => {
    database = await createTestDatabase(dialect);
    const now = 1_700_000_000_000;
    await seed(40, now);
    // Separate connections (pools), as separate ingest processes would have.
    const others = [openDatabase(database.target), openDatabase(database.target), openDatabase(database.target)];
    try {
      const claims = await Promise.all(
        [database, ...others].flatMap((d, i) =>
          [0, 1, 2].map((j) => claimDueFeeds(d.db, dialect, { owner: `w${i}-${j}`, now, leaseMs: 60_000, limit: 4 })),
        ),
      );
      const ids = claims.flat().map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(40);
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it('summarises ingestion health', async () => {
    database = await createTestDatabase(dialect);
    const now = 1_700_000_000_000;
    const { feeds } = await seed(3, now);
    await database.db
      .updateTable('feeds')
      .set({ status: 'parked', consecutive_failures: 10 })
      .where('id', '=', feeds[0]!.id)
      .execute();
    const s = await ingestSummary(database.db, now);
    expect(s).toMatchObject({ feeds: 3, active: 2, parked: 1, failing: 1, due: 2, articles: 0, lastSuccessAt: null });
    const revived = await setFeedStatus(database.db, feeds[0]!.id, 'active', now);
    expect(revived).toMatchObject({ status: 'active', consecutive_failures: 0, next_fetch_at: now });
  });
});
