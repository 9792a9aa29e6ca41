// Assembles the HTTP server: plugins, then every route group, listed here in
// one place so the whole surface can be read at a glance.
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { leaseOwner } from '../ingest/cycle.ts';
import type { Outbox } from '../mail/outbox.ts';
import { accountsWithMail } from '../members/account-mail.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import type { Logger } from '../log.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { manualProvider } from '../members/billing/manual.ts';
import { createStripeProvider } from '../members/billing/stripe.ts';
import type { BillingProvider } from '../members/billing/types.ts';
import { publisherArticleRoutes } from '../api/publisher-articles.ts';
import { demoSourceRoutes } from '../demo/routes.ts';
import { accountRoutes } from './routes/account.tsx';
import { appRoutes } from './routes/app.tsx';
import { articleRoutes } from './routes/article.tsx';
import { authRoutes } from './routes/auth.tsx';
import { emailLinkRoutes } from './routes/email-links.tsx';
import { methodNotAllowed } from './methods.ts';
import { securityHeaders } from './security-headers.ts';
import type { JobState } from '../jobs/scheduler.ts';
import { healthRoutes } from './routes/health.ts';
import { homeRoutes } from './routes/home.tsx';
import { listRoutes } from './routes/lists.tsx';
import { planRoutes } from './routes/plans.tsx';
import { searchRoutes } from './routes/search.tsx';
import { seoRoutes } from './routes/seo.ts';
import { errorPage, notFoundPage } from './views/not-found.tsx';
import { compression } from './compress.ts';
import { ListCache } from './list-cache.ts';
import { sessionPlugin } from './session.ts';
import { readCounting } from './reads.ts';
import { editorRoutes } from './routes/editor.tsx';
import { storyRoutes } from './routes/story.tsx';

export interface ServerDeps {
  config: Config;
  database: Database;
  log: Logger;
  /** Live state of this process's background jobs, when it runs them. */
  jobs?: () => JobState[] | null;
  now?: () => number;
  /** The demo content's fixed "now" (demo/install.ts). */
  demoEpoch?: () => number;
  mailer?: Mailer;
  /** The mail outbox; without one the server queues into its own and runs a worker for it. */
  outbox?: Outbox;
  /** Absolute base URL for links in mail (PUBLIC_URL). */
  baseUrl?: string;
  billing?: BillingProvider;
}

/** Trust this many proxies in front of us, whatever their addresses. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const now = deps.now ?? Date.now;
  const baseUrl = deps.baseUrl ?? config.publicUrl ?? `http://localhost:${config.port}`;
  const secure = baseUrl.startsWith('https://');
  const mailer = deps.mailer ?? createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, dataDir: config.dataDir, log: deps.log });
  const billing =
    deps.billing ?? (config.billing.provider === 'stripe' ? createStripeProvider(database.db, config.billing, now) : manualProvider);
  // Mail is queued by requests and sent by a worker (mail/outbox.ts): this server's own, unless the process runs one.
  const { accounts, worker } = accountsWithMail({ db: database.db, dialect: database.dialect, mailer, log: deps.log, now, baseUrl, trialDays: config.membership.trialDays, owner: `${leaseOwner()}:mail`, outbox: deps.outbox });

  const app: FastifyInstance = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    // The client's address is the connection's, unless the operator names the proxy in front (TRUST_PROXY).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  if (worker) app.addHook('onClose', () => worker.stop());
  const methods = methodNotAllowed(app);
  await app.register(formbody);
  await securityHeaders(app, { secure, stripe: config.billing.provider === 'stripe' });

  const wantsHtml = (accept: string | undefined, url: string) => !url.startsWith('/api/') && !url.startsWith('/webhooks/') && /text\/html/.test(accept ?? '');
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err, url: req.url }, 'request failed');
    const message = status >= 500 ? 'Something went wrong on our side. It has been logged.' : err.message;
    if (wantsHtml(req.headers.accept, req.url)) {
      return reply.code(status).type('text/html; charset=utf-8').send(errorPage(status, message, !!req.account));
    }
    return reply.code(status).send({ error: status >= 500 ? 'internal_error' : 'bad_request', message });
  });
  app.setNotFoundHandler((req, reply) => {
    const allowed = methods.allowed(req.method, req.url);
    if (allowed.length) {
      return reply.code(405).header('allow', allowed.join(', ')).send({ error: 'method_not_allowed', message: `${req.method} is not allowed here; use ${allowed.join(' or ')}.` });
    }
    if (wantsHtml(req.headers.accept, req.url)) {
      return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage('We could not find that page', !!req.account));
    }
    return reply.code(404).send({ error: 'not_found', message: `No route for ${req.method} ${req.url.split('?')[0]}` });
  });

  await sessionPlugin(app, { db: database.db, now, graceDays: config.membership.graceDays, secure });

  await appRoutes(app);
  healthRoutes(app, { database, jobs: deps.jobs });
  // Shared lists are recomputed at most every 10 seconds (and right away in tests, which pass their own clock).
  const lists = new ListCache(deps.now ? 0 : 10_000, now);
  publisherArticleRoutes(app, { database, now: deps.now, onChange: () => lists.clear() });
  if (config.demo) demoSourceRoutes(app, { epoch: deps.demoEpoch ?? (() => Date.now()) });
  authRoutes(app, { accounts, secure, trialDays: config.membership.trialDays });
  emailLinkRoutes(app, { accounts, secure });
  accountRoutes(app, { accounts, now });
  planRoutes(app, { db: database.db, billing, baseUrl, trialDays: config.membership.trialDays });
  const reads = await readCounting(app, { db: database.db, now, thresholds: { seconds: config.curation.readSeconds, percent: config.curation.readSharePercent }, policy: { monthlyAllowance: config.membership.freeArticlesPerMonth } });
  articleRoutes(app, { database, policy: { monthlyAllowance: config.membership.freeArticlesPerMonth }, trialDays: config.membership.trialDays, baseUrl, now, lists, reads });
  editorRoutes(app, { db: database.db, now, lists });
  storyRoutes(app, { db: database.db, now, lists });
  searchRoutes(app, { database, policy: { monthlyAllowance: config.membership.freeArticlesPerMonth }, now, lists });
  seoRoutes(app, { database, baseUrl });
  listRoutes(app, { database, now, baseUrl, lists });
  homeRoutes(app, { database, now, lists });
  // Last, so it sees each page as the other hooks leave it (the theme is written in by one).
  compression(app);
  return app;
}
