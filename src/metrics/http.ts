// The metrics of a web process: every answer timed by its route pattern, and
// GET /metrics for Prometheus. Metrics are not for the public: on the site's
// own port /metrics answers only a scraper holding METRICS_TOKEN (bearer), and
// without a token set it is not there at all (404). The other way in is the
// small listener on METRICS_PORT (listener.ts), which a reverse proxy never
// reaches. See docs/operations.md, "What to monitor".
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Metrics } from './metrics.ts';

/** Requests that matched no route share one label: a scan of random URLs adds no series. */
export const UNMATCHED = 'unmatched';

/** Constant-time comparison of a presented bearer token with the configured one. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!presented) return false;
  const digest = (v: string) => crypto.createHash('sha256').update(v).digest();
  return crypto.timingSafeEqual(digest(presented), digest(token));
}

export async function exposition(metrics: Metrics): Promise<{ contentType: string; body: string }> {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}

export function metricsRoutes(app: FastifyInstance, deps: { metrics: Metrics; token: string | undefined }): void {
  const { metrics } = deps;
  // After the answer has gone (it never waits on this), and without a promise per request.
  app.addHook('onResponse', (req, reply, done) => {
    metrics.request(req.method, req.routeOptions.url ?? UNMATCHED, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  const token = deps.token;
  // Without a token the site's port has no /metrics at all (the metrics port serves them).
  if (!token) return;

  async function scrape(req: FastifyRequest, reply: FastifyReply) {
    reply.header('cache-control', 'no-store');
    if (!tokenMatches(req.headers.authorization, token!))
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: 'unauthorised', message: 'Metrics need the bearer token set in METRICS_TOKEN.' });
    const out = await exposition(metrics);
    return reply.type(out.contentType).send(out.body);
  }

  app.get('/metrics', scrape);
}
