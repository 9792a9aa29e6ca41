import { afterEach, describe, expect, it } from 'vitest';
import { addFeed } from '../catalog/feeds.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { loadConfig } from '../config.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { silentLogger } from '../log.ts';
import type { JobState } from '../jobs/scheduler.ts';
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
    const app = await buildServer({
      config: { ...loadConfig({}), demo: false },
      database,
      log: silentLogger,
      jobs: () => jobs,
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
    expect((await app.inject({ url: '/healthz' })).json()).toMatchObject({ status: 'degraded', ingest: { parked: 1 } });
    await database.close();
    const down = await app.inject({ url: '/healthz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'down', database: { ok: false } });
    await app.close();
  });
});
