// A refresh cycle of 2,000 feeds served by local HTTP servers on loopback
// addresses (127.0.0.1–127.0.0.20, so per-host limits behave as with real
// publishers): 60% answer 304, 30% carry new items, 10% fail (HTTP 500 or a
// timeout). A cold pass stores every feed's items first; the measured pass is
// the steady state an ingest process lives in.
import fs from 'node:fs';
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { addFeed } from '../../src/catalog/feeds.ts';
import { createPublisher } from '../../src/catalog/publishers.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { runCycle } from '../../src/ingest/cycle.ts';
import { createFetcher } from '../../src/ingest/fetch/fetcher.ts';
import { silentLogger } from '../../src/log.ts';

const FEEDS = 2000;
const HOSTS = 20;
const TIMEOUT_MS = 1500;

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  // The publishers' servers run in a child process: only the fetcher's work is measured here.
  const child = fork(path.join(import.meta.dirname, 'feed-servers.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`feed servers exited with ${code}`)));
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
  const database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  await migrate(database);
  const now = Date.now();
  const publisher = await createPublisher(database.db, { slug: 'bench', name: 'Bench', sections: ['news'] });
  for (let i = 0; i < FEEDS; i++) {
    // The feeds carry full text, as most publishers' do: no article page is fetched.
    await addFeed(
      database.db,
      {
        publisherId: publisher.id,
        url: `http://127.0.0.${(i % HOSTS) + 1}:${port}/feed/${i}`,
        intervalS: 300,
        allowPrivate: true,
        fullText: 'never',
      },
      now,
    );
  }
  const fetcher = createFetcher({
    userAgent: 'masthead-bench',
    timeoutMs: TIMEOUT_MS,
    maxBytes: 5_000_000,
    perHost: 4,
    allowPrivate: true,
  });
  const deps = {
    database,
    fetcher,
    log: silentLogger,
    now: Date.now,
    allowPrivate: true,
    bounds: { minS: 300, maxS: 86400, parkAfter: 100 },
  };

  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  try {
    const cold = await runCycle(deps, { concurrency: 64, all: true });
    log(
      `  cold pass: ${cold.feeds} feeds, ${cold.newArticles} articles in ${(cold.elapsedMs / 1000).toFixed(1)} s (${Math.round(cold.newArticles / (cold.elapsedMs / 1000))} articles/s)`,
    );
    const coldPeak = peak;
    peak = 0;
    const warm = await runCycle(deps, { concurrency: 64, all: true });
    const s = warm.elapsedMs / 1000;
    log(
      `  steady pass: ${warm.feeds} feeds (${warm.notModified} 304, ${warm.updated} with items, ${warm.failed} failed) in ${s.toFixed(2)} s, ${warm.newArticles} new articles`,
    );
    log(
      `  target: >= 150 feeds/s and <= 300 MB RSS on 2 cores (the ${Math.round((FEEDS / 10 / 2) * 1)} timeouts hold a worker ${TIMEOUT_MS} ms each)`,
    );
    return {
      'refresh.feeds_per_s': warm.feeds / s,
      'refresh.articles_per_s': warm.newArticles / s,
      'refresh.peak_rss_mb': Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
      'refresh.cold_articles_per_s': cold.newArticles / (cold.elapsedMs / 1000),
      'refresh.cold_peak_rss_mb': coldPeak / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
    fetcher.close();
    await database.close();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
