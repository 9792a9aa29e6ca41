// Assembles the HTTP server: plugins, then every route group, listed here in
// one place so the whole surface can be read at a glance.
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import type { Logger } from '../log.ts';
import { publisherArticleRoutes } from '../api/publisher-articles.ts';
import { demoSourceRoutes } from '../demo/routes.ts';
import { healthRoutes, type IngestStatus } from './routes/health.ts';
import { homeRoutes } from './routes/home.tsx';

export interface ServerDeps {
  config: Config;
  database: Database;
  log: Logger;
  /** Live state of this process's ingest loop, when it runs one. */
  ingestStatus?: () => IngestStatus | null;
  now?: () => number;
  /** The demo content's fixed "now" (demo/install.ts). */
  demoEpoch?: () => number;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  });
  await app.register(formbody);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err, url: req.url }, 'request failed');
    const message = status >= 500 ? 'Something went wrong on our side. It has been logged.' : err.message;
    return reply.code(status).send({ error: status >= 500 ? 'internal_error' : 'bad_request', message });
  });

  healthRoutes(app, { database: deps.database, ingestStatus: deps.ingestStatus });
  publisherArticleRoutes(app, { database: deps.database, now: deps.now });
  if (deps.config.demo) demoSourceRoutes(app, { epoch: deps.demoEpoch ?? (() => Date.now()) });
  homeRoutes(app, { database: deps.database });
  return app;
}
