// Push API for licensed full text: a publisher sends its articles directly.
//   PUT    /api/v1/publisher/articles/:id   create or replace (idempotent on the publisher's own id)
//   POST   /api/v1/publisher/articles       the same, with the id in the body
//   GET    /api/v1/publisher/articles/:id   what we hold
//   DELETE /api/v1/publisher/articles/:id   withdraw (takedown): gone from every surface
// Pushed content goes through the same processing as feed items (ingest/push.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pushedArticleByExternalId } from '../../catalog/articles.ts';
import { publisherForApiKey } from '../../catalog/publishers.ts';
import type { Database } from '../../db/connect.ts';
import type { ArticleRow, PublisherRow } from '../../db/schema.ts';
import { publishPushed, pushedArticleSchema, withdrawPushed } from '../../ingest/push.ts';
import { parseInput } from '../../http/validate.ts';

export { pushedArticleSchema, pushedToItem, type PushedArticle } from '../../ingest/push.ts';

declare module 'fastify' {
  interface FastifyRequest {
    publisher?: PublisherRow;
  }
}

const idParams = z.object({ id: z.string().trim().min(1).max(200) });
const BODY_LIMIT = 4 * 1024 * 1024;

/** The article as the push API shows it to its publisher (never its text). */
function present(row: ArticleRow, outcome?: string) {
  return {
    id: row.external_id,
    masthead_id: row.id,
    status: row.status,
    ...(outcome ? { outcome } : {}),
    url: row.url,
    title: row.status === 'withdrawn' ? undefined : row.title,
    published_at: new Date(row.published_at).toISOString(),
    modified_at: new Date(row.modified_at).toISOString(),
    duplicate_of: row.duplicate_of,
  };
}

export function publisherArticleRoutes(
  app: FastifyInstance,
  deps: { database: Database; now?: () => number; onChange?: () => void },
): void {
  const now = deps.now ?? Date.now;
  const db = deps.database.db;

  async function authenticate(req: FastifyRequest, reply: FastifyReply) {
    const key = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const publisher = key ? await publisherForApiKey(db, key) : undefined;
    if (!publisher) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="masthead-publisher"').send({
        error: 'unauthorized',
        message:
          'Send your publisher API key as "Authorization: Bearer mh_…" (masthead publishers key SLUG issues one).',
      });
    }
    req.publisher = publisher;
  }

  async function upsert(req: FastifyRequest, reply: FastifyReply, body: unknown) {
    const parsed = pushedArticleSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply
        .code(400)
        .send({ error: 'invalid_article', message: 'The article does not match the schema.', issues });
    }
    const result = await publishPushed(deps.database, req.publisher!, parsed.data, now());
    if (!result.ok) return reply.code(result.status).send({ error: result.error, message: result.message });
    if (result.outcome !== 'unchanged') deps.onChange?.(); // cached pages and lists follow at once
    return reply
      .code(result.outcome === 'inserted' || result.outcome === 'duplicate' ? 201 : 200)
      .send(present(result.row, result.outcome));
  }

  const createWithId = (req: FastifyRequest, reply: FastifyReply) => upsert(req, reply, req.body);

  function putById(req: FastifyRequest, reply: FastifyReply) {
    const id = (req.params as { id: string }).id;
    return upsert(req, reply, req.body && typeof req.body === 'object' ? { ...(req.body as object), id } : req.body);
  }

  async function getOne(req: FastifyRequest, reply: FastifyReply) {
    const { id } = parseInput(idParams, req.params);
    const row = await pushedArticleByExternalId(db, req.publisher!.id, id);
    return row ? present(row) : reply.code(404).send({ error: 'not_found', message: `No article with id "${id}".` });
  }

  async function withdraw(req: FastifyRequest, reply: FastifyReply) {
    const { id } = parseInput(idParams, req.params);
    const p = req.publisher!;
    const actor = {
      userId: null,
      label: `${p.slug} (push-API key mh_${p.api_key_prefix}_…)`,
      role: 'publisher',
      ip: req.ip,
    };
    const row = await withdrawPushed(deps.database, p.id, id, now(), actor);
    if (!row) return reply.code(404).send({ error: 'not_found', message: `No article with id "${id}".` });
    deps.onChange?.(); // gone from cached pages and lists at once
    return present(row, 'withdrawn');
  }

  app.register(async (scope) => {
    scope.addHook('preHandler', authenticate);
    scope.post('/api/v1/publisher/articles', { bodyLimit: BODY_LIMIT }, createWithId);
    scope.put('/api/v1/publisher/articles/:id', { bodyLimit: BODY_LIMIT }, putById);
    scope.get('/api/v1/publisher/articles/:id', getOne);
    scope.delete('/api/v1/publisher/articles/:id', withdraw);
  });
}
