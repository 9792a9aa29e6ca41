// The first-run path for end-to-end tests: a server over a test database,
// listening on loopback, with the demo publishers installed and their feeds
// ingested once by the normal pipeline.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../src/config.ts';
import type { Database } from '../src/db/connect.ts';
import { installDemo } from '../src/demo/install.ts';
import { runCycle } from '../src/ingest/cycle.ts';
import { createFetcher } from '../src/ingest/fetch/fetcher.ts';
import { silentLogger } from '../src/log.ts';
import { buildServer } from '../src/server.tsx';

export async function demoSite(
  database: Database,
  opts: { epoch: number; config?: Partial<Config>; /** a clock turns the shared-list cache off */ now?: () => number },
): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildServer({
    config: { ...loadConfig({}), demo: true, ...opts.config },
    database,
    log: silentLogger,
    demoEpoch: () => opts.epoch,
    baseUrl: 'http://127.0.0.1',
    now: opts.now,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  await installDemo(database, { baseUrl: base, intervalS: 300 });
  const fetcher = createFetcher({
    userAgent: 'test',
    timeoutMs: 10_000,
    maxBytes: 5e6,
    perHost: 8,
    allowPrivate: false,
  });
  await runCycle(
    {
      database,
      fetcher,
      log: silentLogger,
      now: Date.now,
      allowPrivate: false,
      bounds: { minS: 300, maxS: 86400, parkAfter: 10 },
    },
    { concurrency: 8 },
  );
  fetcher.close();
  return { app, base };
}
