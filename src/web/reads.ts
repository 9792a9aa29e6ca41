// Counting reads from the web: who the reader is (an account, or today's
// keyed hash of a visitor's address and browser), page views (counted by the
// article route through `view`), and the two endpoints a full-text page uses:
//   POST /api/v1/reads/token  {a}     a read token for this page view (only for a reader who may read it)
//   POST /api/v1/reads        {a, t}  the qualified read, with that token
// A token is bound to its reader, spent once, and accepted only after a few
// seconds (curation/reads.ts). Reads are counted at most so many a day per
// reader and per client address; beyond that they are answered and not counted.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { checkReadToken, daySalt, issueReadToken, memberReader, READ_MIN_DWELL_MS, ReadRecorder, spendReadNonce, utcDay, visitorReader } from '../curation/reads.ts';
import type { DB } from '../db/schema.ts';
import type { AccessPolicy } from '../members/access.ts';
import { installSecret } from '../members/secrets.ts';
import { reserve } from '../members/throttle.ts';
import { accessFor } from './article-access.ts';

export interface ReadCounting {
  /** Counts a page view (buffered). */
  view(req: FastifyRequest, articleId: number): void;
  /** What a full-text page carries for its beacon: the thresholds (the token is fetched per view). */
  beacon(articleId: number): { seconds: number; percent: number };
  close(): Promise<unknown>;
}

/** Qualified reads counted in a day per member, and per client address for visitors; more are answered, not counted. */
export const DAILY_READS = { member: 300, address: 60 };
const DAY = 86_400_000;
const articleBody = z.object({ a: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export async function readCounting(app: FastifyInstance, deps: { db: Kysely<DB>; now: () => number; thresholds: { seconds: number; percent: number }; policy: AccessPolicy }): Promise<ReadCounting> {
  const { db, now } = deps;
  const secret = await installSecret(db, 'reads_token_secret');
  const recorder = new ReadRecorder(db, { onError: (err) => app.log.error({ err }, 'storing page views failed; kept for the next try') });
  let salt: { day: string; value: Promise<string> } | null = null;
  const todaysSalt = (t: number) => {
    const day = utcDay(t);
    if (salt?.day !== day) salt = { day, value: daySalt(db, day) };
    return salt.value;
  };
  const readerOf = async (req: FastifyRequest, t: number): Promise<string> =>
    req.account ? memberReader(req.account.user.id) : visitorReader(await todaysSalt(t), req.ip, String(req.headers['user-agent'] ?? ''));
  /** Browsers say where a request comes from: a read is reported by our own pages, never by another site's. */
  const crossSite = (req: FastifyRequest) => req.headers['sec-fetch-site'] === 'cross-site';
  const refuse = (reply: FastifyReply, code: number, error: string, message: string) => reply.code(code).send({ error, message });

  async function issueToken(req: FastifyRequest, reply: FastifyReply) {
    const body = articleBody.safeParse(req.body ?? {});
    if (!body.success) return refuse(reply, 400, 'bad_request', 'a must be an article id');
    if (crossSite(req)) return refuse(reply, 403, 'forbidden', 'reads are reported by Masthead pages only');
    const article = await db.selectFrom('articles').selectAll().where('id', '=', body.data.a).executeTakeFirst();
    if (!article || article.status !== 'published') return refuse(reply, 404, 'not_found', 'no such article');
    // Only a reader who may read the whole article can read it: a preview is never a read.
    if (!(await accessFor(db, req, article, deps.policy, now())).full) return refuse(reply, 403, 'forbidden', 'this reader sees a preview of that article');
    const t = now();
    return reply.header('cache-control', 'no-store').send({ token: issueReadToken(secret, { articleId: article.id, reader: await readerOf(req, t), now: t }), wait_ms: READ_MIN_DWELL_MS });
  }

  async function reportRead(req: FastifyRequest, reply: FastifyReply) {
    const raw = (req.body ?? {}) as Record<string, unknown>;
    const body = articleBody.safeParse(raw);
    if (!body.success) return refuse(reply, 400, 'bad_request', 'a must be an article id');
    if (crossSite(req)) return refuse(reply, 403, 'forbidden', 'reads are reported by Masthead pages only');
    const id = body.data.a;
    const t = now();
    const reader = await readerOf(req, t);
    const check = checkReadToken(secret, raw.t, { articleId: id, reader, now: t });
    if (!check.ok) return refuse(reply, 403, 'forbidden', check.reason === 'too-soon' ? 'too soon after the page loaded to be a read' : `this read token is not valid (${check.reason})`);
    if (!(await spendReadNonce(db, check.nonce, check.expiresAt, t))) return reply.code(202).send({ outcome: 'repeat' });
    const article = await db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
    if (!article || article.status !== 'published') return refuse(reply, 404, 'not_found', 'no such article');
    // Members by account; visitors by address (a visitor's id changes with its browser string, its address does not).
    const limit = req.account
      ? await reserve(db, `reads:${reader}`, { max: DAILY_READS.member, windowMs: DAY }, t)
      : await reserve(db, `reads:${visitorReader(await todaysSalt(t), req.ip, '')}`, { max: DAILY_READS.address, windowMs: DAY }, t);
    if (!limit.allowed) return reply.code(202).send({ outcome: 'over-limit' });
    const outcome = await recorder.qualified(id, reader, t);
    return reply.code(outcome === 'no-view' ? 409 : 202).send({ outcome });
  }

  app.post('/api/v1/reads/token', issueToken);
  app.post('/api/v1/reads', reportRead);
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
    beacon: () => ({ seconds: deps.thresholds.seconds, percent: deps.thresholds.percent }),
    close: () => recorder.close(),
  };
}
