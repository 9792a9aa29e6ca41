// GET /healthz: is the database answering, and is ingestion keeping up?
// 200 when the database answers; 503 when it does not. Ingestion problems are
// reported (status "degraded") without failing the check, since a web process
// can serve perfectly well while feeds are failing.
import type { FastifyInstance } from 'fastify';
import { ingestSummary } from '../../catalog/feeds.ts';
import { ping, type Database } from '../../db/connect.ts';
import { VERSION } from '../../config.ts';

export interface IngestStatus {
  running: boolean;
  lastCycleAt: number | null;
  lastCycleMs: number | null;
  lastError: string | null;
}

export function healthRoutes(app: FastifyInstance, deps: { database: Database; ingestStatus?: () => IngestStatus | null }): void {
  app.get('/healthz', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    let latencyMs: number;
    try {
      latencyMs = await ping(deps.database);
    } catch (err) {
      return reply.code(503).send({ status: 'down', version: VERSION, database: { ok: false, error: (err as Error).message } });
    }
    const ingest = await ingestSummary(deps.database.db);
    const loop = deps.ingestStatus?.() ?? null;
    const degraded = ingest.parked > 0 || (loop?.lastError ?? null) !== null;
    return {
      status: degraded ? 'degraded' : 'ok',
      version: VERSION,
      database: { ok: true, dialect: deps.database.dialect, latency_ms: Math.round(latencyMs * 100) / 100 },
      ingest: {
        loop: loop ? { running: loop.running, last_cycle_at: iso(loop.lastCycleAt), last_cycle_ms: loop.lastCycleMs, last_error: loop.lastError } : null,
        feeds: ingest.feeds,
        active: ingest.active,
        failing: ingest.failing,
        parked: ingest.parked,
        disabled: ingest.disabled,
        due: ingest.due,
        last_success_at: iso(ingest.lastSuccessAt),
        articles: ingest.articles,
        newest_article_at: iso(ingest.newestArticleAt),
      },
    };
  });
}

function iso(ms: number | null): string | null {
  return ms == null ? null : new Date(ms).toISOString();
}
