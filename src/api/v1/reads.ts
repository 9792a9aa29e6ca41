// The two endpoints a full-text page uses to report a qualified read:
//   POST /api/v1/reads/token  {a}     a read token for this page view (only for a reader who may read it in full)
//   POST /api/v1/reads        {a, t}  the qualified read, with that token
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getArticle } from '../../catalog/articles.ts';
import type { ReadCounting } from '../../curation/read-counting.ts';
import type { Database } from '../../db/connect.ts';
import type { AccessPolicy } from '../../members/access.ts';
import { accessFor } from '../../http/article-access.ts';
import { readerFacts } from '../../http/session.ts';
import { parseInput } from '../../http/validate.ts';

const tokenRequest = z.object({ a: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const readReport = tokenRequest.extend({ t: z.string().max(200) });

/** Browsers say where a request comes from: a read is reported by our own pages, never by another site's. */
const crossSite = (req: FastifyRequest) => req.headers['sec-fetch-site'] === 'cross-site';
const refuse = (reply: FastifyReply, code: number, error: string, message: string) =>
  reply.code(code).send({ error, message });

export function readRoutes(
  app: FastifyInstance,
  deps: { database: Database; reads: ReadCounting; policy: AccessPolicy; now: () => number },
): void {
  const db = deps.database.db;

  async function issueReadToken(req: FastifyRequest, reply: FastifyReply) {
    const { a } = parseInput(tokenRequest, req.body);
    if (crossSite(req)) return refuse(reply, 403, 'forbidden', 'reads are reported by Masthead pages only');
    const article = await getArticle(db, a);
    if (!article || article.status !== 'published') return refuse(reply, 404, 'not_found', 'no such article');
    // Only a reader who may read the whole article can read it: a preview is never a read.
    if (!(await accessFor(db, req, article, deps.policy, deps.now())).full)
      return refuse(reply, 403, 'forbidden', 'this reader sees a preview of that article');
    const { token, waitMs } = await deps.reads.issueToken(readerFacts(req), a);
    return reply.header('cache-control', 'no-store').send({ token, wait_ms: waitMs });
  }

  async function reportRead(req: FastifyRequest, reply: FastifyReply) {
    const { a, t } = parseInput(readReport, req.body);
    if (crossSite(req)) return refuse(reply, 403, 'forbidden', 'reads are reported by Masthead pages only');
    const published = async (id: number) => (await getArticle(db, id))?.status === 'published';
    const outcome = await deps.reads.report(readerFacts(req), a, t, published);
    if (typeof outcome === 'object') return refuse(reply, 403, 'forbidden', outcome.refused);
    if (outcome === 'not-found') return refuse(reply, 404, 'not_found', 'no such article');
    return reply.code(outcome === 'no-view' ? 409 : 202).send({ outcome });
  }

  app.post('/api/v1/reads/token', issueReadToken);
  app.post('/api/v1/reads', reportRead);
}
