// Counting reads from the web: who the reader is (an account, or today's
// hash of a visitor's address and browser) and the beacon endpoint. Views are
// counted by the article route through `view`; qualified reads arrive here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { checkReadToken, daySalt, memberReader, ReadRecorder, readSecret, readToken, utcDay, visitorReader } from '../curation/reads.ts';

export interface ReadCounting {
  /** Counts a page view (buffered). */
  view(req: FastifyRequest, articleId: number): void;
  /** What a full-text page carries for its beacon: the token that makes it accepted, and the thresholds. */
  beacon(articleId: number): { token: string; seconds: number; percent: number };
  close(): Promise<unknown>;
}

export async function readCounting(app: FastifyInstance, deps: { db: Kysely<DB>; now: () => number; thresholds: { seconds: number; percent: number } }): Promise<ReadCounting> {
  const { db, now } = deps;
  const secret = await readSecret(db);
  const recorder = new ReadRecorder(db, { onError: (err) => app.log.error({ err }, 'storing page views failed; kept for the next try') });
  let salt: { day: string; value: Promise<string> } | null = null;
  const readerOf = async (req: FastifyRequest, t: number): Promise<string> => {
    if (req.account) return memberReader(req.account.user.id);
    const day = utcDay(t);
    if (salt?.day !== day) salt = { day, value: daySalt(db, day) };
    return visitorReader(await salt.value, req.ip, String(req.headers['user-agent'] ?? ''));
  };

  app.post('/api/v1/reads', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const id = Number(body.a);
    if (!Number.isSafeInteger(id) || id <= 0) return reply.code(400).send({ error: 'bad_request', message: 'a must be an article id' });
    if (!checkReadToken(secret, id, body.t)) return reply.code(403).send({ error: 'forbidden', message: 'this read token is not valid for that article' });
    const article = await db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
    if (!article || article.status !== 'published') return reply.code(404).send({ error: 'not_found', message: 'no such article' });
    const t = now();
    const outcome = await recorder.qualified(id, await readerOf(req, t), t);
    return reply.code(outcome === 'no-view' ? 409 : 202).send({ outcome });
  });
  app.addHook('onClose', async () => {
    await recorder.close();
  });

  return {
    view(req, articleId) {
      const t = now();
      readerOf(req, t).then(
        (reader) => recorder.view(articleId, reader, t),
        (err: unknown) => app.log.error({ err }, 'could not count a page view'),
      );
    },
    beacon: (articleId) => ({ token: readToken(secret, articleId), seconds: deps.thresholds.seconds, percent: deps.thresholds.percent }),
    close: () => recorder.close(),
  };
}
