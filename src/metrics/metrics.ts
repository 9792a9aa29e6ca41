// This process's metrics, in one place: the registry, every family Masthead
// exports, and the small recording functions the edges call. Domain modules
// never see prom-client: they report through plain callbacks (a feed's
// outcome, a job's run, a cache lookup) that the edges wire to these.
//
// Label values come only from bounded sets (route patterns, job names, fixed
// outcomes), never from a URL or a key, so a scan of random URLs cannot grow
// the number of series. The gauges about the whole install (feeds, curation
// queue) are read at scrape time from the cached summary (summary.ts), so a
// scrape costs no queries inside its window.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FeedOutcome } from '../ingest/refresh.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { OperationsSummary } from './summary.ts';

export type CacheResult = 'hit' | 'stale' | 'miss';
export type JobResult = 'ok' | 'failed' | 'skipped';
export type RefreshResult = 'ok' | 'not_modified' | 'failed' | 'parked' | 'abandoned';

export interface Metrics {
  registry: Registry;
  /** The install's state, cached for a few seconds: /healthz answers from it too. */
  summary: () => Promise<OperationsSummary>;
  request(method: string, route: string, status: number, seconds: number): void;
  feedRefreshed(outcome: FeedOutcome, ms: number): void;
  jobRan(job: string, result: JobResult, ms: number): void;
  cacheLookup(cache: string, kind: string, result: CacheResult): void;
  webhookFailed(reason: 'bad_signature' | 'error'): void;
  /** The mailer, counting each message sent and each attempt that failed. */
  countMail(mailer: Mailer): Mailer;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const seconds = (ms: number) => ms / 1000;

export function refreshResult(o: Pick<FeedOutcome, 'status' | 'parked'>): RefreshResult {
  if (o.status === 'failed') return o.parked ? 'parked' : 'failed';
  if (o.status === 'abandoned') return 'abandoned';
  return o.status === 'not-modified' ? 'not_modified' : 'ok';
}

/** A label function's children, made once per label combination: recording is then a map lookup. */
function memo<T>(make: (...labels: string[]) => T): (...labels: string[]) => T {
  const made = new Map<string, T>();
  return (...labels) => {
    const key = labels.join('\u0000');
    let child = made.get(key);
    if (!child) made.set(key, (child = make(...labels)));
    return child;
  };
}

export function createMetrics(opts: {
  summary: () => Promise<OperationsSummary>;
  /** Memory, CPU, event loop lag, GC: once per process (the servers tests build leave them out). */
  processMetrics?: boolean;
  now?: () => number;
}): Metrics {
  const registry = new Registry();
  const now = opts.now ?? Date.now;
  if (opts.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const httpDuration = new Histogram({
    name: 'masthead_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern, method and status class',
    labelNames: ['method', 'route', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const refreshes = new Counter({
    name: 'masthead_feed_refreshes_total',
    help: 'Feed refreshes by outcome: ok, not_modified, failed, parked (failed and parked the feed), abandoned (at shutdown)',
    labelNames: ['outcome'],
    registers,
  });
  const refreshDuration = new Histogram({
    name: 'masthead_feed_refresh_duration_seconds',
    help: 'A whole feed refresh (fetch, parse, process, store), by outcome',
    labelNames: ['outcome'],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120],
    registers,
  });
  const fetchDuration = new Histogram({
    name: 'masthead_feed_fetch_duration_seconds',
    help: "The fetch of a feed's document (to its last byte, or its failure)",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30],
    registers,
  });
  const jobRuns = new Counter({
    name: 'masthead_job_runs_total',
    help: "Background job turns by result: ok, failed, skipped (another process held the job's lease)",
    labelNames: ['job', 'result'],
    registers,
  });
  const jobDuration = new Histogram({
    name: 'masthead_job_duration_seconds',
    help: 'Background job runs, by job',
    labelNames: ['job'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers,
  });
  const cacheLookups = new Counter({
    name: 'masthead_cache_lookups_total',
    help: 'Lookups in the in-process caches (lists and pages, compressed bodies) by result: hit, stale, miss',
    labelNames: ['cache', 'kind', 'result'],
    registers,
  });
  const mailSent = new Counter({ name: 'masthead_mail_sent_total', help: 'Messages handed to SMTP', registers });
  const mailFailures = new Counter({
    name: 'masthead_mail_failures_total',
    help: 'Attempts to send a message that failed (the outbox tries again, up to its limit)',
    registers,
  });
  const webhookFailures = new Counter({
    name: 'masthead_billing_webhook_failures_total',
    help: 'Billing webhook deliveries refused (bad_signature) or failed while applied (error)',
    labelNames: ['reason'],
    registers,
  });

  // Gauges read at scrape time from the cached summary; a summary that cannot be read leaves them as they were.
  const gauge = (
    name: string,
    help: string,
    set: (g: Gauge<string>, s: OperationsSummary, t: number) => void,
    labelNames: string[] = [],
  ) => {
    const g: Gauge<string> = new Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const s = await opts.summary().catch(() => null);
        if (s) set(g, s, now());
      },
    });
  };
  const ageS = (at: number | null, t: number) => (at == null ? Number.NaN : Math.max(0, (t - at) / 1000));
  gauge(
    'masthead_feeds',
    'Feeds by state: active, due (active and due now), failing (last fetch failed), parked, disabled',
    (g, s) => {
      for (const state of ['active', 'due', 'failing', 'parked', 'disabled'] as const)
        g.set({ state }, s.ingest[state]);
    },
    ['state'],
  );
  gauge('masthead_feed_last_success_age_seconds', 'Since any feed was last fetched successfully', (g, s, t) =>
    g.set(ageS(s.ingest.lastSuccessAt, t)),
  );
  gauge('masthead_curation_queue_length', 'Articles waiting for the curation job', (g, s) => g.set(s.curation.waiting));
  gauge(
    'masthead_curation_queue_oldest_age_seconds',
    'How long the oldest waiting article has waited (0 when none waits)',
    (g, s, t) => g.set(s.curation.oldestQueuedAt == null ? 0 : ageS(s.curation.oldestQueuedAt, t)),
  );

  const httpChild = memo((method, route, statusClass) => httpDuration.labels(method!, route!, statusClass!));
  const cacheChild = memo((cache, kind, result) => cacheLookups.labels(cache!, kind!, result!));
  const refreshChild = memo((outcome) => ({
    count: refreshes.labels(outcome!),
    duration: refreshDuration.labels(outcome!),
  }));

  return {
    registry,
    summary: opts.summary,
    request(method, route, status, s) {
      httpChild(METHODS.has(method) ? method : 'other', route, `${Math.floor(status / 100)}xx`).observe(s);
    },
    feedRefreshed(outcome, ms) {
      const child = refreshChild(refreshResult(outcome));
      child.count.inc();
      child.duration.observe(seconds(ms));
      if (outcome.fetchMs !== undefined) fetchDuration.observe(seconds(outcome.fetchMs));
    },
    jobRan(job, result, ms) {
      jobRuns.inc({ job, result });
      if (result !== 'skipped') jobDuration.observe({ job }, seconds(ms));
    },
    cacheLookup(cache, kind, result) {
      cacheChild(cache, kind, result).inc();
    },
    webhookFailed(reason) {
      webhookFailures.inc({ reason });
    },
    countMail: (mailer) => ({
      async send(message) {
        try {
          await mailer.send(message);
        } catch (err) {
          mailFailures.inc();
          throw err;
        }
        mailSent.inc();
      },
      close: () => mailer.close(),
    }),
  };
}
