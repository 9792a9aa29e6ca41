// GET /a/:id/:slug: the article page. Text reaches the page only through the
// paywall rule (http/article-access.ts); the page is rendered by article-view.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { articlePageData, articlePath } from '../../catalog/article-pages.ts';
import type { ReadCounting } from '../../curation/read-counting.ts';
import type { ListCache } from '../../http/list-cache.ts';
import { readerFacts } from '../../http/session.ts';
import type { articleRenderer } from '../article-view.tsx';
import { notFoundPage } from '../views/not-found.tsx';

const params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export interface ArticleRouteDeps {
  db: Parameters<typeof articlePageData>[0];
  lists: ListCache;
  view: ReturnType<typeof articleRenderer>;
  reads?: ReadCounting;
}

export function articleNotFound(req: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(404)
    .type('text/html; charset=utf-8')
    .send(
      notFoundPage(
        'We could not find that article',
        !!req.account,
        'It may have been withdrawn by its publisher, or the link may be mistyped.',
      ),
    );
}

export function articleRoutes(app: FastifyInstance, deps: ArticleRouteDeps): void {
  const { db, lists } = deps;

  async function showArticle(req: FastifyRequest, reply: FastifyReply) {
    const parsed = params.safeParse(req.params);
    if (!parsed.success) return articleNotFound(req, reply);
    const id = parsed.data.id;
    const onPath = (path: string) => req.url.split('?')[0] === path;
    // Visitors all see the same page (preview and offer, no forms): render it once per interval.
    if (!req.account) {
      const cached = await lists.get(`visitor-page:${id}`, async () => {
        const data = await articlePageData(db, id);
        if (!data || data.article.status !== 'published') return null;
        return { path: articlePath(data.article), html: await deps.view.render(req, data) };
      });
      if (!cached) return articleNotFound(req, reply);
      if (!onPath(cached.path)) return reply.redirect(cached.path, 301);
      deps.reads?.view(readerFacts(req), id);
      reply
        .header('cache-control', 'private, no-store')
        .header('vary', 'Cookie')
        .header('x-masthead-saved', '0')
        .header('x-masthead-access', 'none');
      return reply.type('text/html; charset=utf-8').send(cached.html);
    }
    // Members: the article's data is shared for the interval too (cleared with the pages on any change).
    const data = await lists.get(`article:${id}`, () => articlePageData(db, id));
    if (!data || data.article.status !== 'published') return articleNotFound(req, reply);
    const path = articlePath(data.article);
    if (!onPath(path)) return reply.redirect(path, 301);
    deps.reads?.view(readerFacts(req), id);
    return reply.type('text/html; charset=utf-8').send(await deps.view.render(req, data, reply));
  }

  app.get('/a/:id', showArticle);
  app.get('/a/:id/:slug', showArticle);
}
