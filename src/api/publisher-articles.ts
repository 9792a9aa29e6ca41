// Push API for licensed full text: a publisher sends its articles directly.
//   PUT    /api/v1/publisher/articles/:id   create or replace (idempotent on the publisher's own id)
//   POST   /api/v1/publisher/articles       the same, with the id in the body
//   GET    /api/v1/publisher/articles/:id   what we hold
//   DELETE /api/v1/publisher/articles/:id   withdraw (takedown): gone from every surface
// Pushed content goes through the same processing as feed items (sanitise last).
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getArticle, withdrawArticle } from '../catalog/articles.ts';
import { publisherForApiKey } from '../catalog/publishers.ts';
import type { Database } from '../db/connect.ts';
import type { PublisherRow } from '../db/schema.ts';
import { processItem } from '../ingest/process/process-item.ts';
import type { ParsedItem } from '../ingest/parse/types.ts';
import { storeArticle } from '../ingest/store-article.ts';

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

export const pushedArticleSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    url: httpUrl,
    title: z.string().trim().min(1).max(500),
    standfirst: z.string().max(5000).optional(),
    body_html: z.string().min(1).max(2_000_000),
    authors: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    published_at: z.string().datetime({ offset: true }),
    updated_at: z.string().datetime({ offset: true }).optional(),
    section: z.string().max(50).optional(),
    categories: z.array(z.string().max(100)).max(50).default([]),
    language: z.string().max(20).optional(),
    is_free: z.boolean().default(false),
    image: z
      .object({
        url: httpUrl,
        caption: z.string().max(2000).optional(),
        credit: z.string().max(500).optional(),
        width: z.number().int().positive().max(20000).optional(),
        height: z.number().int().positive().max(20000).optional(),
      })
      .optional(),
  })
  .strict();

export type PushedArticle = z.infer<typeof pushedArticleSchema>;

export function pushedToItem(p: PushedArticle): ParsedItem {
  return {
    id: p.id,
    title: p.title,
    link: p.url,
    links: [{ href: p.url, rel: 'alternate' }],
    summary: p.standfirst,
    content: p.body_html,
    published: new Date(p.published_at),
    publishedRaw: p.published_at,
    updated: p.updated_at ? new Date(p.updated_at) : undefined,
    updatedRaw: p.updated_at,
    authors: p.authors.map((name) => ({ name })),
    categories: [...(p.section ? [{ term: p.section }] : []), ...p.categories.map((term) => ({ term }))],
    media: p.image ? [{ ...p.image, medium: 'image', source: 'media:content' as const }] : [],
    language: p.language,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    publisher?: PublisherRow;
  }
}

export function publisherArticleRoutes(app: FastifyInstance, deps: { database: Database; now?: () => number; onChange?: () => void }): void {
  const now = deps.now ?? Date.now;
  const db = deps.database.db;

  const authenticate = async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers.authorization ?? '';
    const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const publisher = key ? await publisherForApiKey(db, key) : undefined;
    if (!publisher) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="masthead-publisher"')
        .send({ error: 'unauthorized', message: 'Send your publisher API key as "Authorization: Bearer mh_…" (masthead publishers key SLUG issues one).' });
    }
    req.publisher = publisher;
  };

  const findByExternalId = (publisherId: number, externalId: string) =>
    db.selectFrom('articles').selectAll().where('publisher_id', '=', publisherId).where('guid', '=', `push:${externalId}`).executeTakeFirst();

  const upsert = async (req: FastifyRequest, reply: FastifyReply, body: unknown) => {
    const parsed = pushedArticleSchema.safeParse(body);
    if (!parsed.success) {
      return reply.code(400).send({
        error: 'invalid_article',
        message: 'The article does not match the schema.',
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const p = parsed.data;
    const publisher = req.publisher!;
    const item = pushedToItem(p);
    const processed = await processItem(item, { feedUrl: p.url, fullText: 'never', now: now(), feedLanguage: publisher.language ?? undefined });
    if ('skipped' in processed) return reply.code(400).send({ error: 'invalid_article', message: processed.skipped });
    // One URL, one article: a second id for a URL this publisher already sent is a mistake to report, not a rename.
    const clash = await db.selectFrom('articles').select(['external_id', 'guid']).where('publisher_id', '=', publisher.id).where('url', '=', processed.url).where('guid', '<>', `push:${p.id}`).executeTakeFirst();
    if (clash) {
      const other = clash.external_id ? `your article "${clash.external_id}"` : 'an article from your feed';
      return reply.code(409).send({ error: 'url_taken', message: `The URL ${processed.url} already belongs to ${other}; update that one instead.` });
    }
    const sourceHash = crypto.createHash('sha1').update(JSON.stringify(p)).digest('base64url');
    const outcome = await storeArticle(deps.database, {
      feed: null,
      publisher,
      article: { ...processed, guid: `push:${p.id}` },
      sourceHash,
      now: now(),
      bodySource: 'push',
      externalId: p.id,
      isFree: p.is_free,
    });
    if (outcome === 'withdrawn') {
      return reply.code(409).send({ error: 'withdrawn', message: `Article "${p.id}" was withdrawn and cannot be published again under the same id.` });
    }
    const row = await findByExternalId(publisher.id, p.id);
    if (!row) throw new Error(`pushed article "${p.id}" was not stored`);
    if (outcome !== 'unchanged') deps.onChange?.();
    return reply.code(outcome === 'inserted' || outcome === 'duplicate' ? 201 : 200).send(present(row, outcome));
  };

  app.register(async (scope) => {
    scope.addHook('preHandler', authenticate);
    scope.post('/api/v1/publisher/articles', { bodyLimit: 4 * 1024 * 1024 }, (req, reply) => upsert(req, reply, req.body));
    scope.put<{ Params: { id: string } }>('/api/v1/publisher/articles/:id', { bodyLimit: 4 * 1024 * 1024 }, (req, reply) => {
      const body = req.body && typeof req.body === 'object' ? { ...(req.body as object), id: req.params.id } : req.body;
      return upsert(req, reply, body);
    });
    scope.get<{ Params: { id: string } }>('/api/v1/publisher/articles/:id', async (req, reply) => {
      const row = await findByExternalId(req.publisher!.id, req.params.id);
      if (!row) return reply.code(404).send({ error: 'not_found', message: `No article with id "${req.params.id}".` });
      return present(row);
    });
    scope.delete<{ Params: { id: string } }>('/api/v1/publisher/articles/:id', async (req, reply) => {
      const row = await findByExternalId(req.publisher!.id, req.params.id);
      if (!row) return reply.code(404).send({ error: 'not_found', message: `No article with id "${req.params.id}".` });
      if (row.status !== 'withdrawn') await deps.database.db.transaction().execute((trx) => withdrawArticle(trx, row.id, now()));
      deps.onChange?.(); // gone from cached pages and lists at once
      return present((await getArticle(db, row.id))!, 'withdrawn');
    });
  });
}

function present(row: { id: number; external_id: string | null; status: string; url: string; title: string; published_at: number; modified_at: number; duplicate_of: number | null }, outcome?: string) {
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
