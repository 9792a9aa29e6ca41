// GET /api/v1/articles/:id: an article as this caller may see it (the whole
// body for a reader who may read it, else the paywall's preview).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { articlePageData, articlePath, type ArticlePageData } from '../../catalog/article-pages.ts';
import type { Database } from '../../db/connect.ts';
import type { AccessPolicy } from '../../members/access.ts';
import { readableFor, type Readable } from '../../http/article-access.ts';

const params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The article's JSON shape (what the API promises; rows never leave as they are). */
export function presentArticle(data: ArticlePageData, readable: Readable, baseUrl: string) {
  const a = data.article;
  return {
    id: a.id,
    url: `${baseUrl}${articlePath(a)}`,
    original_url: a.url,
    title: a.title,
    standfirst: a.standfirst,
    publisher: { slug: data.publisher.slug, name: data.publisher.name },
    authors: data.authors.map((x) => x.name),
    published_at: new Date(a.published_at).toISOString(),
    updated_at: a.updated_at ? new Date(a.updated_at).toISOString() : null,
    reading_minutes: a.reading_minutes,
    image: a.image_url
      ? {
          url: a.image_url,
          caption: a.image_caption,
          credit: a.image_credit,
          width: a.image_width,
          height: a.image_height,
        }
      : null,
    access: { full: readable.decision.full, reason: readable.decision.reason },
    body_html: readable.bodyHtml,
    truncated: !readable.decision.full && readable.truncated,
  };
}

export function articleApiRoutes(
  app: FastifyInstance,
  deps: { database: Database; policy: AccessPolicy; baseUrl: string; now: () => number },
): void {
  const db = deps.database.db;

  async function getArticleJson(req: FastifyRequest, reply: FastifyReply) {
    const parsed = params.safeParse(req.params);
    const data = parsed.success ? await articlePageData(db, parsed.data.id) : null;
    if (!data || data.article.status !== 'published')
      return reply.code(404).send({ error: 'not_found', message: 'No such article.' });
    const readable = await readableFor(db, req, data.article, deps.policy, deps.now());
    reply.header('cache-control', 'private, no-store').header('vary', 'Cookie');
    return presentArticle(data, readable, deps.baseUrl);
  }

  app.get('/api/v1/articles/:id', getArticleJson);
}
