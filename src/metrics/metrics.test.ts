// /metrics, end to end on both databases: each family appears once its path
// has been exercised (a request, a feed refreshed from a local server by the
// real feeds job under the scheduler, a mail that fails to send, a refused
// billing webhook); random URLs share one label; the site's port refuses a
// scrape without the token, and hides /metrics when no token is set.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../app.ts';
import { addFeed } from '../catalog/feeds.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { loadConfig } from '../config.ts';
import { createFetcher } from '../ingest/fetch/fetcher.ts';
import { backgroundJobs } from '../jobs/background.ts';
import { startScheduler, type Scheduler } from '../jobs/scheduler.ts';
import { silentLogger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { createOutbox } from '../mail/outbox.ts';
import { manualProvider } from '../members/billing/manual.ts';
import { WebhookError } from '../members/billing/types.ts';
import { buildServer } from '../server.tsx';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { startServer, type TestServer } from '../test-support/http-server.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { summaryCache } from './summary.ts';

const TOKEN = 'a-metrics-token-long-enough';
const auth = { authorization: `Bearer ${TOKEN}` };
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title><link>https://quay.example/</link>
<item><title>The harbour wall is mended</title><link>https://quay.example/1</link><guid>q-1</guid>
<pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate><description>Masons finished the harbour wall on Monday after a month of work on the old stones.</description></item>
</channel></rss>`;

const until = async (cond: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 500; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** The value of one series in an exposition, or undefined when it is absent. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(testDialects)('/metrics on %s', (dialect) => {
  let database: TestDatabase;
  let feeds: TestServer | undefined;
  let scheduler: Scheduler | undefined;
  let close: (() => Promise<unknown>) | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    await close?.();
    await feeds?.close();
    await database?.dispose().catch(() => undefined);
    scheduler = close = feeds = undefined;
  });

  async function server(opts: { token?: string; metrics?: Metrics; mailer?: Mailer } = {}) {
    const config = { ...loadConfig(opts.token ? { METRICS_TOKEN: opts.token } : {}), demo: false };
    const app = await buildServer({
      config,
      database,
      log: silentLogger,
      metrics: opts.metrics,
      mailer: opts.mailer,
      billing: {
        ...manualProvider,
        handleWebhook: async () => Promise.reject(new WebhookError('no valid signature')),
      },
    });
    close = () => app.close();
    return { app, config };
  }

  it('exposes every family once its path has run', async () => {
    database = await createTestDatabase(dialect);
    feeds = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED));
    const p = await createPublisher(database.db, { slug: 'quay', name: 'Quay', sections: ['news'] });
    await addFeed(database.db, { publisherId: p.id, url: `${feeds.base}/feed.xml`, intervalS: 300 });
    let clock = Date.now();
    const metrics = createMetrics({ summary: summaryCache(database, () => clock), processMetrics: true });
    const failing: Mailer = { send: async () => Promise.reject(new Error('SMTP said no')), close: () => undefined };
    const { app, config } = await server({ token: TOKEN, metrics, mailer: failing });

    // A probe, a page as a browser asks for it, a refused webhook, a mail the server's worker fails to send.
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } })).headers['content-encoding']).toBe(
      'br',
    );
    expect((await app.inject({ method: 'POST', url: '/webhooks/billing', payload: {} })).statusCode).toBe(400);
    await createOutbox(database.db).send({ to: 'reader@example.org', subject: 'Hello', text: 'Hello.' });
    // The feeds job as an ingest process runs it: a refresh of the local feed, counted by the scheduler too.
    const ctx = {
      config: { ...config, allowPrivateFeeds: true },
      database,
      log: silentLogger,
      fetcher: createFetcher({ userAgent: 'test', timeoutMs: 5000, maxBytes: 1e6, perHost: 2, allowPrivate: true }),
      mailer: failing,
      baseUrl: 'http://masthead.test',
      close: async () => undefined,
    } as unknown as AppContext;
    const owner = 'test-owner';
    scheduler = startScheduler(
      { db: database.db, log: silentLogger, owner, onRun: metrics.jobRan },
      backgroundJobs(ctx, { owner, onFeed: metrics.feedRefreshed }).filter((j) => j.name === 'feeds'),
    );
    await scheduler.runNow('feeds');
    clock += 10_000; // past the summary's interval: the gauges see the refresh

    const scrape = async () => (await app.inject({ url: '/metrics', headers: auth })).body;
    await until(async () => (value(await scrape(), 'masthead_mail_failures_total') ?? 0) >= 1, 'the mail failure');
    const res = await app.inject({ url: '/metrics', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(
      value(text, 'masthead_http_request_duration_seconds_count{method="GET",route="/healthz",status_class="2xx"}'),
    ).toBe(1);
    expect(value(text, 'masthead_feed_refreshes_total{outcome="ok"}')).toBe(1);
    expect(value(text, 'masthead_feed_refresh_duration_seconds_count{outcome="ok"}')).toBe(1);
    expect(value(text, 'masthead_feed_fetch_duration_seconds_count')).toBe(1);
    expect(value(text, 'masthead_job_runs_total{job="feeds",result="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'masthead_job_duration_seconds_count{job="feeds"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'masthead_billing_webhook_failures_total{reason="bad_signature"}')).toBe(1);
    expect(value(text, 'masthead_mail_failures_total')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'masthead_mail_sent_total')).toBe(0);
    // The install's state, from the summary: the feed was refreshed, so it is neither due nor failing.
    expect(value(text, 'masthead_feeds{state="active"}')).toBe(1);
    expect(value(text, 'masthead_feeds{state="due"}')).toBe(0);
    expect(value(text, 'masthead_feeds{state="failing"}')).toBe(0);
    expect(value(text, 'masthead_curation_queue_length')).toBe(1);
    expect(value(text, 'masthead_curation_queue_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'masthead_feed_last_success_age_seconds')).toBeGreaterThanOrEqual(0);
    // Caches: the lists behind the front page, the compressed page.
    expect(text).toMatch(/^masthead_cache_lookups_total\{cache="lists",kind="visitor-front",result="miss"\} 1$/m);
    expect(value(text, 'masthead_cache_lookups_total{cache="compressed",kind="pages",result="miss"}')).toBe(1);
    // The process: memory, event loop lag, garbage collection.
    for (const family of [
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_gc_duration_seconds',
    ])
      expect(text).toContain(`# TYPE ${family} `);
  });

  it('counts list and page cache lookups by the kind of key', async () => {
    database = await createTestDatabase(dialect);
    const metrics = createMetrics({ summary: summaryCache(database) });
    const { app } = await server({ token: TOKEN, metrics });
    for (let i = 0; i < 3; i++) expect((await app.inject({ url: '/' })).statusCode).toBe(200);
    const text = (await app.inject({ url: '/metrics', headers: auth })).body;
    // The visitors' front page: loaded once, then served from the cache.
    expect(value(text, 'masthead_cache_lookups_total{cache="lists",kind="visitor-front",result="miss"}')).toBe(1);
    expect(value(text, 'masthead_cache_lookups_total{cache="lists",kind="visitor-front",result="hit"}')).toBe(2);
  });

  it('times requests by route pattern: any number of unknown URLs share one label', async () => {
    database = await createTestDatabase(dialect);
    const { app } = await server({ token: TOKEN });
    for (let i = 0; i < 50; i++)
      expect((await app.inject({ url: `/no-such-${Math.random().toString(36).slice(2)}/${i}` })).statusCode).toBe(404);
    const text = (await app.inject({ url: '/metrics', headers: auth })).body;
    const series = text.split('\n').filter((l) => l.startsWith('masthead_http_request_duration_seconds_count{'));
    expect(series).toEqual([
      'masthead_http_request_duration_seconds_count{method="GET",route="unmatched",status_class="4xx"} 50',
    ]);
    expect(text).not.toContain('no-such-');
  });

  it('refuses a scrape without the token, and has no /metrics at all when none is set', async () => {
    database = await createTestDatabase(dialect);
    const withToken = (await server({ token: TOKEN })).app;
    const none = await withToken.inject({ url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.body).not.toContain('masthead_');
    const wrong = await withToken.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.statusCode).toBe(401);
    // Even from the machine itself: the site's port may be behind a proxy on loopback.
    const local = await withToken.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(local.statusCode).toBe(401);
    await close!();

    const hidden = (await server()).app;
    for (const headers of [{}, auth]) {
      const res = await hidden.inject({ url: '/metrics', headers });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('masthead_');
    }
  });
});
