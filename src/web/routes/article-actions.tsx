// What a reader does to an article from its page: save it for later (members),
// make it free or premium (editors, admins, its publisher's own accounts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { articlePath } from '../../catalog/article-pages.ts';
import { getArticle } from '../../catalog/articles.ts';
import { setArticleAccess } from '../../catalog/commands.ts';
import type { DB } from '../../db/schema.ts';
import { canEditAccess } from '../../members/policies.ts';
import { toggleSaved } from '../../members/saved-articles.ts';
import type { ListCache } from '../../http/list-cache.ts';
import { auditActorOf } from '../../http/audit-actor.ts';
import { actorOf } from '../../http/session.ts';
import { page } from '../views/shell.tsx';
import { articleNotFound } from './article.tsx';

const params = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function articleActionRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; lists: ListCache; now: () => number },
): void {
  const { db } = deps;
  const html = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  /** The published article the path names, or null. */
  const target = async (req: FastifyRequest) => {
    const p = params.safeParse(req.params);
    const article = p.success ? await getArticle(db, p.data.id) : undefined;
    return article && article.status === 'published' ? article : null;
  };

  async function toggleSave(req: FastifyRequest, reply: FastifyReply) {
    if (!req.account) {
      const next = `/a/${params.safeParse(req.params).data?.id ?? ''}`;
      return html(
        reply,
        401,
        page({
          title: 'Sign in to save',
          signedIn: false,
          children: (
            <>
              <h1>Sign in to save articles</h1>
              <p>Members keep a list of stories to read later, on any device and offline in the app.</p>
              <p>
                <a href={`/signin?next=${encodeURIComponent(next)}`}>Sign in</a> or{' '}
                <a href="/signup">start your free trial</a>.
              </p>
            </>
          ),
        }),
      );
    }
    const article = await target(req);
    if (!article) return articleNotFound(req, reply);
    await toggleSaved(db, req.account.user.id, article.id, deps.now());
    return reply.redirect(articlePath(article), 303);
  }

  async function toggleFree(req: FastifyRequest, reply: FastifyReply) {
    const article = await target(req);
    if (!article) return articleNotFound(req, reply);
    if (!canEditAccess(actorOf(req), { publisherId: article.publisher_id })) {
      return html(
        reply,
        403,
        page({
          title: 'Not allowed',
          signedIn: !!req.account,
          children: <p>Only editors and the article's publisher can change who may read it.</p>,
        }),
      );
    }
    // The search index follows (what anyone may read changed), and the audit log records who did it.
    await setArticleAccess(db, article.id, !article.is_free, auditActorOf(req), deps.now());
    deps.lists.clear(); // visitors' cached pages must follow at once
    req.log.info({ article: article.id, by: req.account!.user.id, free: !article.is_free }, 'article access changed');
    return reply.redirect(articlePath(article), 303);
  }

  app.post('/a/:id/save', toggleSave);
  app.post('/a/:id/access', toggleFree);
}
