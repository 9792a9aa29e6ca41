// GET /healthz: is the database answering, and is ingestion keeping up?
// 200 when the database answers; 503 when it does not. Ingestion problems are
// reported (status "degraded") without failing the check, since a web process
// can serve perfectly well while feeds are failing. A process that runs the
// background jobs reports each one's state. The counts come from a summary
// kept for a few seconds (metrics/summary.ts): monitors may probe as often as
// they like; the database ping is live on every probe.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ping, type Database } from '../db/connect.ts';
import { VERSION } from '../config.ts';
import type { JobState } from '../jobs/scheduler.ts';
import type { OperationsSummary } from '../metrics/summary.ts';

export function healthRoutes(
  app: FastifyInstance,
  deps: { database: Database; summary: () => Promise<OperationsSummary>; jobs?: () => JobState[] | null },
): void {
  async function health(_req: FastifyRequest, reply: FastifyReply) {
    reply.header('cache-control', 'no-store');
    let latencyMs: number;
    try {
      latencyMs = await ping(deps.database);
    } catch (err) {
      return reply
        .code(503)
        .send({ status: 'down', version: VERSION, database: { ok: false, error: (err as Error).message } });
    }
    const { ingest, curation } = await deps.summary();
    const jobs = deps.jobs?.() ?? null;
    const degraded = ingest.parked > 0 || !!jobs?.some((j) => j.lastError !== null);
    return {
      status: degraded ? 'degraded' : 'ok',
      version: VERSION,
      database: { ok: true, dialect: deps.database.dialect, latency_ms: Math.round(latencyMs * 100) / 100 },
      jobs:
        jobs?.map((j) => ({
          name: j.name,
          running: j.running,
          runs: j.runs,
          failures: j.failures,
          skipped: j.skipped,
          last_run_at: iso(j.lastStartedAt),
          last_run_ms: j.lastDurationMs,
          last_error: j.lastError,
          last_result: j.lastResult,
        })) ?? null,
      ingest: {
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
      curation: { waiting: curation.waiting, oldest_queued_at: iso(curation.oldestQueuedAt) },
    };
  }

  app.get('/healthz', health);
}

function iso(ms: number | null): string | null {
  return ms == null ? null : new Date(ms).toISOString();
}
