// Lighthouse scores for an article page, as a phone sees it: the app on a demo
// database (the first-run path: demo feeds ingested by the normal pipeline),
// Lighthouse's default mobile settings (form factor, simulated throttling) in
// Debian's Chromium. The page is a visitor's (the one search engines and
// first-time readers get). Three runs; the median performance score is kept
// (it moves by a point or two from run to run on a busy machine).
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { articlePath } from '../../src/catalog/article-pages.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { installDemo } from '../../src/demo/install.ts';
import { runCycle } from '../../src/ingest/cycle.ts';
import { createFetcher } from '../../src/ingest/fetch/fetcher.ts';
import { silentLogger } from '../../src/log.ts';
import { buildServer } from '../../src/server.tsx';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-lighthouse-'));
  const database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'demo.sqlite') });
  await migrate(database);
  const epoch = Date.now();
  const app = await buildServer({
    config: { ...loadConfig({}), demo: true },
    database,
    log: silentLogger,
    demoEpoch: () => epoch,
    baseUrl: 'http://127.0.0.1',
  });
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await installDemo(database, { baseUrl: base, intervalS: 300 });
    const fetcher = createFetcher({
      userAgent: 'masthead-bench',
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
    // A premium story with a lead picture, the common case.
    const story = await database.db
      .selectFrom('articles')
      .select(['id', 'title'])
      .where('status', '=', 'published')
      .where('duplicate_of', 'is', null)
      .where('image_url', 'is not', null)
      .orderBy('published_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const url = base + articlePath(story);
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    const scores: { performance: number; accessibility: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = result!.lhr;
      const score = (k: string) => Math.round((lhr.categories[k]?.score ?? 0) * 100);
      scores.push({ performance: score('performance'), accessibility: score('accessibility') });
      if (i === 0) {
        // What Lighthouse flags, so a low score says why.
        const failing = Object.values(lhr.audits).filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'notApplicable',
        );
        for (const a of failing) log(`  flagged: ${a.id} (${a.displayValue ?? a.score})`);
        const m = (id: string) => lhr.audits[id]?.displayValue ?? '?';
        log(
          `  ${url.replace(base, '')}: FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}`,
        );
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    log(
      `  runs: ${scores.map((s) => `${s.performance}/${s.accessibility}`).join(', ')} (performance/accessibility, mobile)`,
    );
    return {
      'lighthouse.article.performance': median(scores.map((s) => s.performance)),
      'lighthouse.article.accessibility': median(scores.map((s) => s.accessibility)),
    };
  } finally {
    chrome?.kill();
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
