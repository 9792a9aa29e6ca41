// The JSON API and the webhooks, in one place: every /api/v1/* route and every
// /webhooks/* route is registered here, each with its schema beside it.
//   GET    /api/v1/articles/:id                 an article as the caller may see it
//   POST   /api/v1/reads/token, /api/v1/reads   qualified reads from full-text pages
//   PUT    /api/v1/publisher/articles/:id       the push API for publishers (and POST, GET, DELETE)
//   POST   /webhooks/billing                    the payment provider's events
//   GET    /healthz                             the database and background jobs, for monitors
import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../http/context.ts';
import { healthRoutes } from './health.ts';
import { articleApiRoutes } from './v1/articles.ts';
import { publisherArticleRoutes } from './v1/publisher-articles.ts';
import { readRoutes } from './v1/reads.ts';
import { billingWebhookRoutes } from './webhooks/billing.ts';

export function apiRoutes(app: FastifyInstance, ctx: HttpContext): void {
  articleApiRoutes(app, { database: ctx.database, policy: ctx.policy, baseUrl: ctx.baseUrl, now: ctx.now });
  readRoutes(app, { database: ctx.database, reads: ctx.reads, policy: ctx.policy, now: ctx.now });
  // A pushed change or takedown must leave every cached page at once.
  publisherArticleRoutes(app, { database: ctx.database, now: ctx.now, onChange: () => ctx.lists.clear() });
  billingWebhookRoutes(app, { billing: ctx.billing, onFailure: ctx.metrics.webhookFailed });
  healthRoutes(app, { database: ctx.database, summary: ctx.metrics.summary, jobs: ctx.jobs });
}
