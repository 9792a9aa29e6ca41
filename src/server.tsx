// Assembles the HTTP server: the services a request may use, the plumbing
// every response goes through (src/http/), the reader's pages (src/web/) and
// the API (src/api/). The whole surface is listed in web/index.ts and api/index.ts.
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { apiRoutes } from './api/index.ts';
import type { Config } from './config.ts';
import { createReadCounting } from './curation/read-counting.ts';
import type { Database } from './db/connect.ts';
import type { Notifier } from './db/notify.ts';
import { demoSourceRoutes } from './demo/routes.ts';
import { compression } from './http/compress.ts';
import type { HttpContext } from './http/context.ts';
import { errorHandling } from './http/errors.ts';
import { ListCache } from './http/list-cache.ts';
import { shareCacheClears } from './http/shared-caches.ts';
import { rateLimits } from './http/rate-limits.ts';
import { securityHeaders } from './http/security-headers.ts';
import { sessionPlugin } from './http/session.ts';
import { leaseOwner } from './ingest/cycle.ts';
import type { JobState } from './jobs/scheduler.ts';
import type { Logger } from './log.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import type { Outbox } from './mail/outbox.ts';
import { accountsWithMail } from './members/account-mail.ts';
import { manualProvider } from './members/billing/manual.ts';
import { createStripeProvider } from './members/billing/stripe.ts';
import type { BillingProvider } from './members/billing/types.ts';
import type { ThrottleRule } from './members/throttle.ts';
import { ReadingHistory } from './members/reading-history.ts';
import { metricsRoutes } from './metrics/http.ts';
import { createMetrics, type Metrics } from './metrics/metrics.ts';
import { summaryCache } from './metrics/summary.ts';
import { webRoutes } from './web/index.ts';
import { errorPage, notFoundPage } from './web/views/not-found.tsx';
import { setSite } from './site.ts';

export interface ServerDeps {
  config: Config;
  database: Database;
  log: Logger;
  /** Live state of this process's background jobs, when it runs them. */
  jobs?: () => JobState[] | null;
  /** A clock for tests; with one, shared lists are never cached. */
  now?: () => number;
  /** The demo content's fixed "now" (demo/install.ts). */
  demoEpoch?: () => number;
  mailer?: Mailer;
  /** The mail outbox; without one the server queues into its own and runs a worker for it. */
  outbox?: Outbox;
  /** Absolute base URL for links in mail (PUBLIC_URL). */
  baseUrl?: string;
  billing?: BillingProvider;
  /** The rate limits per route (http/rate-limits.ts); false turns them off (suites that replay thousands of requests). */
  rateLimits?: Record<string, ThrottleRule> | false;
  /** The change bus: cache clears reach the other web processes (PostgreSQL), and theirs reach this one. */
  notifier?: Notifier;
  /** This process's metrics; without them the server keeps its own (without the process-wide ones). */
  metrics?: Metrics;
}

/** Trust this many proxies in front of us, whatever their addresses. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  setSite(config.site); // the operator's name, offer and currency, for pages, feeds and mail
  const db = database.db;
  const now = deps.now ?? Date.now;
  const baseUrl = deps.baseUrl ?? config.publicUrl ?? `http://localhost:${config.port}`;
  const secure = baseUrl.startsWith('https://');
  const app: FastifyInstance = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // The client's address is the connection's, unless the operator names the proxy in front (TRUST_PROXY).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  errorHandling(app, {
    error: errorPage,
    notFound: (signedIn) => notFoundPage('We could not find that page', signedIn),
  });
  if (deps.rateLimits !== false) await rateLimits(app, { db, dialect: database.dialect, now, limits: deps.rateLimits });

  // Mail is queued by requests and sent by a worker (mail/outbox.ts): this server's own, unless the process runs one.
  const metrics = deps.metrics ?? createMetrics({ summary: summaryCache(database, now), now });
  metricsRoutes(app, { metrics, token: config.metrics.token });
  const mailer = metrics.countMail(
    deps.mailer ??
      createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, dataDir: config.dataDir, log: deps.log }),
  );
  const { accounts, worker } = accountsWithMail({
    db,
    dialect: database.dialect,
    mailer,
    log: deps.log,
    now,
    baseUrl,
    trialDays: config.membership.trialDays,
    owner: `${leaseOwner()}:mail`,
    outbox: deps.outbox,
  });
  const thresholds = { seconds: config.curation.readSeconds, percent: config.curation.readSharePercent };
  const reads = await createReadCounting(db, {
    now,
    thresholds,
    onError: (err) => app.log.error({ err }, 'counting reads failed; kept for the next try'),
  });
  // Members' reads are written in batches (a convenience list): every second, before the history page, at close.
  const history = new ReadingHistory(db, {
    onError: (err, dropped) => app.log.warn({ err, dropped }, 'reading history rows dropped'),
  });
  app.addHook('onClose', async () => {
    await Promise.all([worker?.stop(), reads.close(), history.close()]);
  });
  const ctx: HttpContext = {
    config,
    database,
    db,
    now,
    baseUrl,
    secure,
    policy: { monthlyAllowance: config.membership.freeArticlesPerMonth },
    // Shared lists are recomputed at most every 10 seconds (and right away in tests, which pass their own clock).
    lists: new ListCache(deps.now ? 0 : 10_000, now, (kind, result) => metrics.cacheLookup('lists', kind, result)),
    reads,
    history,
    accounts,
    billing:
      deps.billing ??
      (config.billing.provider === 'stripe' ? createStripeProvider(db, config.billing, now) : manualProvider),
    jobs: deps.jobs,
    demoEpoch: deps.demoEpoch,
    metrics,
  };

  if (deps.notifier) shareCacheClears(app, ctx.lists, deps.notifier);
  await app.register(formbody);
  await securityHeaders(app, { secure, stripe: config.billing.provider === 'stripe' });
  await sessionPlugin(app, { db, now, graceDays: config.membership.graceDays, secure });
  apiRoutes(app, ctx);
  await webRoutes(app, ctx);
  if (config.demo) demoSourceRoutes(app, { epoch: deps.demoEpoch ?? (() => Date.now()) });
  // Last, so it sees each page as the other hooks leave it (the theme is written in by one).
  compression(app, { observe: (cache, hit) => metrics.cacheLookup('compressed', cache, hit ? 'hit' : 'miss') });
  return app;
}
