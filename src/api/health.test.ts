import { afterEach, describe, expect, it } from 'vitest';
import { addFeed } from '../catalog/feeds.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { loadConfig } from '../config.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { silentLogger } from '../log.ts';
import type { JobState } from '../jobs/scheduler.ts';
import { SUMMARY_TTL_MS } from '../metrics/summary.ts';
import { buildServer } from '../server.tsx';

describe.each(testDialects)('GET /healthz on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose().catch(() => undefined));

  it('reports the database and ingestion, degraded when feeds are parked, 503 when the database is gone', async () => {
    database = await createTestDatabase(dialect);
    const p = await createPublisher(database.db, { slug: 'h', name: 'H', sections: ['news'] });
    const f = await addFeed(database.db, { publisherId: p.id, url: 'https://h.example/feed', intervalS: 300 });
    const jobs: JobState[] = [
      {
        name: 'feeds',
        running: true,
        runs: 3,
        failures: 0,
        skipped: 0,
        lastStartedAt: 1,
        lastFinishedAt: 2,
        lastDurationMs: 5,
        lastError: null,
        lastResult: null,
      },
    ];
    let clock = Date.now();
    const app = await buildServer({
      config: { ...loadConfig({}), demo: false },
      database,
      log: silentLogger,
      jobs: () => jobs,
      now: () => clock,
    });
    const ok = await app.inject({ url: '/healthz' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'ok',
      database: { ok: true, dialect },
      ingest: { feeds: 1, active: 1, parked: 0, due: 1, articles: 0 },
      jobs: [{ name: 'feeds', running: true, runs: 3 }],
    });
    jobs[0]!.lastError = 'database went away';
    expect((await app.inject({ url: '/healthz' })).json()).toMatchObject({
      status: 'degraded',
      jobs: [{ last_error: 'database went away' }],
    });
    jobs[0]!.lastError = null;
    await database.db.updateTable('feeds').set({ status: 'parked' }).where('id', '=', f.id).execute();
    clock += SUMMARY_TTL_MS; // the counts are a summary kept for a few seconds
    expect((await app.inject({ url: '/healthz' })).json()).toMatchObject({ status: 'degraded', ingest: { parked: 1 } });
    await database.close();
    const down = await app.inject({ url: '/healthz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'down', database: { ok: false } });
    await app.close();
  });

  it('answers from a summary kept for a few seconds; the database ping stays live', async () => {
    database = await createTestDatabase(dialect);
    const p = await createPublisher(database.db, { slug: 'h', name: 'H', sections: ['news'] });
    await addFeed(database.db, { publisherId: p.id, url: 'https://h.example/feed', intervalS: 300 });
    // Every statement the server runs, by the tables it reads.
    const statements: string[] = [];
    const counting = {
      ...database,
      db: database.db.withPlugin({
        transformQuery: (a) => {
          const text = JSON.stringify(a.node);
          statements.push(
            /"feeds"|"articles"|"curation_queue"/.test(text) ? 'summary' : /"select 1"/.test(text) ? 'ping' : 'other',
          );
          return a.node;
        },
        transformResult: async (a) => a.result,
      }),
    };
    let clock = Date.now();
    const app = await buildServer({
      config: { ...loadConfig({}), demo: false },
      database: counting,
      log: silentLogger,
      now: () => clock,
    });
    const probe = async () => {
      statements.length = 0;
      const res = await app.inject({ url: '/healthz' });
      expect(res.statusCode).toBe(200);
      const count = (kind: string) => statements.filter((s) => s === kind).length;
      return { summary: count('summary'), ping: count('ping'), body: res.json() };
    };
    const first = await probe();
    expect(first).toMatchObject({ ping: 1 });
    expect(first.summary).toBeGreaterThan(0);
    expect(first.body).toMatchObject({ ingest: { feeds: 1 } });
    // Within the interval: the ping alone; the counts are the same answer.
    clock += SUMMARY_TTL_MS - 1;
    await addFeed(database.db, { publisherId: p.id, url: 'https://h.example/other', intervalS: 300 });
    const second = await probe();
    expect(second).toMatchObject({ summary: 0, ping: 1, body: { status: 'ok', ingest: { feeds: 1 } } });
    // Past it: read again.
    clock += 1;
    const third = await probe();
    expect(third.summary).toBe(first.summary);
    expect(third.body).toMatchObject({ ingest: { feeds: 2 } });
    await app.close();
  });
});
