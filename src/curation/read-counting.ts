// Read counting as a service over plain facts (who is reading: an account, or
// a visitor's address and browser). Page views are buffered; qualified reads
// come with a read token issued for one page view (reads.ts), are accepted
// once, and are counted at most so many a day per member and per visitor
// address. The HTTP edges (web pages, api/v1/reads.ts) pass the facts in.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { installSecret } from '../members/secrets.ts';
import { reserve } from '../members/throttle.ts';
import {
  checkReadToken,
  daySalt,
  issueReadToken,
  memberReader,
  READ_MIN_DWELL_MS,
  ReadRecorder,
  spendReadNonce,
  utcDay,
  visitorReader,
} from './reads.ts';

/** Who is reading: a member's account, else a visitor's address and browser string. */
export interface ReaderFacts {
  userId: number | null;
  ip: string;
  userAgent: string;
}

/** Qualified reads counted in a day per member, and per client address for visitors; more are answered, not counted. */
export const DAILY_READS = { member: 300, address: 60 };
const DAY = 86_400_000;

export type ReadOutcome = 'counted' | 'repeat' | 'no-view' | 'over-limit' | 'not-found' | { refused: string };

export interface ReadCounting {
  /** Counts a page view (buffered). */
  view(who: ReaderFacts, articleId: number): void;
  /** A read token for this page view, and from when it may be used. */
  issueToken(who: ReaderFacts, articleId: number): Promise<{ token: string; waitMs: number }>;
  /** The beacon: a qualified read with its token. */
  report(
    who: ReaderFacts,
    articleId: number,
    token: unknown,
    articleExists: (id: number) => Promise<boolean>,
  ): Promise<ReadOutcome>;
  /** What a full-text page needs to know for its beacon. */
  thresholds: { seconds: number; percent: number };
  close(): Promise<unknown>;
}

export async function createReadCounting(
  db: Kysely<DB>,
  opts: { now: () => number; thresholds: { seconds: number; percent: number }; onError?: (err: unknown) => void },
): Promise<ReadCounting> {
  const { now } = opts;
  const secret = await installSecret(db, 'reads_token_secret');
  const recorder = new ReadRecorder(db, { onError: opts.onError });
  let salt: { day: string; value: Promise<string> } | null = null;
  const todaysSalt = (t: number) => {
    const day = utcDay(t);
    if (salt?.day !== day) salt = { day, value: daySalt(db, day) };
    return salt.value;
  };
  const readerOf = async (who: ReaderFacts, t: number) =>
    who.userId !== null ? memberReader(who.userId) : visitorReader(await todaysSalt(t), who.ip, who.userAgent);

  return {
    thresholds: opts.thresholds,
    view(who, articleId) {
      const t = now();
      readerOf(who, t).then((reader) => recorder.view(articleId, reader, t), opts.onError);
    },
    async issueToken(who, articleId) {
      const t = now();
      return {
        token: issueReadToken(secret, { articleId, reader: await readerOf(who, t), now: t }),
        waitMs: READ_MIN_DWELL_MS,
      };
    },
    async report(who, articleId, token, articleExists) {
      const t = now();
      const reader = await readerOf(who, t);
      const check = checkReadToken(secret, token, { articleId, reader, now: t });
      if (!check.ok)
        return {
          refused:
            check.reason === 'too-soon'
              ? 'too soon after the page loaded to be a read'
              : `this read token is not valid (${check.reason})`,
        };
      if (!(await spendReadNonce(db, check.nonce, check.expiresAt))) return 'repeat';
      if (!(await articleExists(articleId))) return 'not-found';
      // Members by account; visitors by address (a visitor's id changes with its browser string, its address does not).
      const limit =
        who.userId !== null
          ? await reserve(db, `reads:${reader}`, { max: DAILY_READS.member, windowMs: DAY }, t)
          : await reserve(
              db,
              `reads:${visitorReader(await todaysSalt(t), who.ip, '')}`,
              { max: DAILY_READS.address, windowMs: DAY },
              t,
            );
      if (!limit.allowed) return 'over-limit';
      return recorder.qualified(articleId, reader, t);
    },
    close: () => recorder.close(),
  };
}
