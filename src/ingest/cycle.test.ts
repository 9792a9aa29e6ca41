// A refresh cycle under leases, on both databases, against a real feed server that answers only when told:
// stopping cancels the fetches in flight (the server sees them go) and hands every claimed feed back
// untouched (no failure counted, due again at once); a slow feed keeps its lease while it works, so a
// second process cannot take it; a process that dies lets go of its feeds when their short lease runs out.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addFeed, claimDueFeeds, getFeed } from '../catalog/feeds.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { silentLogger } from '../log.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { startServer, type TestServer } from '../test-support/http-server.ts';
import { FEED_LEASE_MS, runCycle } from './cycle.ts';
import { createFetcher } from './fetch/fetcher.ts';

const until = async (cond: () => boolean | Promise<boolean>, what: string) => {
  for (let i = 0; i < 500 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 10));
  if (!(await cond())) throw new Error(`timed out waiting for ${what}`);
};

describe.each(testDialects)('a refresh cycle on %s', (dialect) => {
  let database: TestDatabase;
  let server: TestServer;
  const waiting: ServerResponse[] = [];
  const cancelled: string[] = [];
  const fetcher = createFetcher({
    userAgent: 'test',
    timeoutMs: 60_000,
    maxBytes: 1e6,
    perHost: 8,
    allowPrivate: true,
  });
  afterEach(async () => {
    vi.useRealTimers();
    for (const res of waiting.splice(0)) res.end();
    cancelled.length = 0;
    await server?.close();
    await database?.dispose();
  });

  const setup = async (feeds: number, t0: number) => {
    database = await createTestDatabase(dialect);
    // Every request waits for the test; one the client gives up on is noted.
    server = await startServer((req, res) => {
      waiting.push(res);
      res.on('close', () => {
        if (!res.writableEnded) cancelled.push(req.url!);
      });
    });
    const publisher = await createPublisher(database.db, { slug: 'slow', name: 'Slow', sections: ['news'] });
    const ids: number[] = [];
    for (let n = 0; n < feeds; n++)
      ids.push(
        (await addFeed(database.db, { publisherId: publisher.id, url: `${server.base}/f${n}`, intervalS: 300 }, t0)).id,
      );
    return ids;
  };
  const deps = (now: () => number, owner: string) => ({
    database,
    fetcher,
    log: silentLogger,
    now,
    owner,
    allowPrivate: true,
    bounds: { minS: 300, maxS: 86400, parkAfter: 3 },
  });

  it('stops at once when asked: fetches cancelled, every claimed feed handed back untouched', async () => {
    const t0 = Date.parse('2026-11-24T09:00:00Z');
    const ids = await setup(3, t0);
    const stop = new AbortController();
    const cycle = runCycle(
      deps(() => t0, 'a'),
      { concurrency: 2, signal: stop.signal },
    );
    await until(() => waiting.length === 2, 'two fetches in flight');
    stop.abort();
    const totals = await cycle;
    expect(totals).toMatchObject({ feeds: 0, failed: 0, abandoned: 2 });
    await until(() => cancelled.length === 2, 'the server to see both fetches cancelled');
    for (const id of ids)
      expect(await getFeed(database.db, id)).toMatchObject({
        lease_owner: null,
        lease_until: null,
        consecutive_failures: 0,
        last_error: null,
        next_fetch_at: t0,
      });
  });

  it('keeps a slow feed leased while it works, and lets a dead process go after the lease', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const t0 = Date.parse('2026-11-24T09:00:00Z');
    let t = t0;
    const [id] = await setup(1, t0);
    const stop = new AbortController();
    const cycle = runCycle(
      deps(() => t, 'a'),
      { concurrency: 1, signal: stop.signal },
    );
    await until(() => waiting.length === 1, 'the fetch');
    // Past most of its lease, the cycle renews it: a second process finds nothing to take.
    t = t0 + FEED_LEASE_MS - 1000;
    await vi.advanceTimersByTimeAsync(FEED_LEASE_MS / 3);
    await until(async () => (await getFeed(database.db, id!))!.lease_until! > t0 + FEED_LEASE_MS, 'the renewal');
    const claim = (at: number, owner: string) =>
      claimDueFeeds(database.db, database.dialect, { owner, now: at, leaseMs: FEED_LEASE_MS, limit: 10 });
    expect(await claim(t0 + FEED_LEASE_MS + 1000, 'b')).toEqual([]);
    // Then the first process dies (its renewals stop): once the lease runs out the feed is taken.
    const lastRenewed = (await getFeed(database.db, id!))!.lease_until!;
    stop.abort();
    await cycle;
    await database.db.updateTable('feeds').set({ lease_owner: 'dead', lease_until: lastRenewed }).execute();
    expect(await claim(lastRenewed - 1, 'b')).toEqual([]);
    expect((await claim(lastRenewed + 1, 'b')).map((f) => f.id)).toEqual([id]);
  });
});
