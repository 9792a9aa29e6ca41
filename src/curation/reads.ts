// Page views and qualified reads. Each is one event per reader, article, kind
// and UTC day (the table's key makes a repeat a no-op), and the daily roll-up
// is incremented in the same transaction only when the event is new, so the
// counts are exact and survive restarts. Members are counted by account;
// visitors by a keyed hash of address and browser whose key changes every
// day and is then deleted, so no stored identifier links a visitor's days.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { purge, type PurgeOptions } from '../db/purge.ts';
import type { DB } from '../db/schema.ts';

export type ReadKind = 'view' | 'read';

export interface ReadEvent {
  articleId: number;
  reader: string;
  kind: ReadKind;
  at: number;
}

export const utcDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Today's salt, created on first use; earlier days' salts are deleted, so yesterday's hashes cannot be recomputed. */
export async function daySalt(db: Kysely<DB>, day: string): Promise<string> {
  await db
    .insertInto('read_salts')
    .values({ day, salt: crypto.randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  await db.deleteFrom('read_salts').where('day', '<', day).execute();
  const row = await db.selectFrom('read_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return row.salt;
}

export function visitorReader(salt: string, ip: string, userAgent: string): string {
  return `v:${crypto.createHmac('sha256', salt).update(`${ip}\u0000${userAgent}`).digest('base64url').slice(0, 22)}`;
}

export const memberReader = (userId: number) => `m:${userId}`;

/** Stores events; returns how many were new (the rest were repeats the same day). */
export async function recordReads(db: Kysely<DB>, events: readonly ReadEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const e of events) {
      const day = utcDay(e.at);
      const inserted = await trx
        .insertInto('read_events')
        .values({ day, article_id: e.articleId, reader: e.reader, kind: e.kind, at: e.at })
        .onConflict((oc) => oc.columns(['day', 'article_id', 'reader', 'kind']).doNothing())
        .returning('article_id')
        .executeTakeFirst();
      if (!inserted) continue;
      added++;
      const views = e.kind === 'view' ? 1 : 0;
      const qualified = e.kind === 'read' ? 1 : 0;
      await trx
        .insertInto('read_counts')
        .values({ article_id: e.articleId, day, views, qualified })
        .onConflict((oc) =>
          oc.columns(['article_id', 'day']).doUpdateSet({
            views: sql`read_counts.views + ${views}`,
            qualified: sql`read_counts.qualified + ${qualified}`,
          }),
        )
        .execute();
    }
    return added;
  });
}

/** Did this reader view the article today (or yesterday, for a read that crosses midnight)? */
export async function hasViewed(db: Kysely<DB>, articleId: number, reader: string, at: number): Promise<boolean> {
  const days = [utcDay(at), utcDay(at - 86_400_000)];
  const row = await db
    .selectFrom('read_events')
    .select('at')
    .where('day', 'in', days)
    .where('article_id', '=', articleId)
    .where('reader', '=', reader)
    .where('kind', '=', 'view')
    .executeTakeFirst();
  return !!row;
}

const SEEN_MAX = 500_000;
const FLUSH_SLICE = 250;

/**
 * Page views arrive with every article request: they are buffered and written
 * in one transaction a second (and on close), so counting costs the page
 * almost nothing. Qualified reads are written at once.
 */
export class ReadRecorder {
  private buffer: ReadEvent[] = [];
  /** Views already sent to the database today ("day|article|reader"): repeats cost nothing. The table's key stays the judge. */
  private seen = new Set<string>();
  private seenDay = '';
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly opts: { flushMs?: number; onError?: (err: unknown) => void } = {},
  ) {}

  view(articleId: number, reader: string, at: number): void {
    const day = utcDay(at);
    if (day !== this.seenDay || this.seen.size >= SEEN_MAX) {
      this.seen.clear();
      this.seenDay = day;
    }
    const key = `${articleId}|${reader}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.buffer.push({ articleId, reader, kind: 'view', at });
    if (this.buffer.length >= 5000) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.opts.flushMs ?? 1000);
  }

  /** Writes what is buffered. Events are kept for the next try when the write fails. */
  flush(): Promise<unknown> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const events = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      if (events.length === 0) return;
      // In slices, each its own transaction with a turn of the event loop between, so a burst never stalls pages.
      for (let i = 0; i < events.length; i += FLUSH_SLICE) {
        const slice = events.slice(i, i + FLUSH_SLICE);
        try {
          await recordReads(this.db, slice);
        } catch (err) {
          this.buffer.unshift(...events.slice(i));
          this.opts.onError?.(err);
          return;
        }
        await new Promise((r) => setImmediate(r));
      }
    });
    return this.flushing;
  }

  /** A qualified read, counted only when the same reader's view of the article is on record. */
  async qualified(articleId: number, reader: string, at: number): Promise<'counted' | 'repeat' | 'no-view'> {
    await this.flush();
    if (!(await hasViewed(this.db, articleId, reader, at))) return 'no-view';
    return (await recordReads(this.db, [{ articleId, reader, kind: 'read', at }])) ? 'counted' : 'repeat';
  }

  close(): Promise<unknown> {
    return this.flush();
  }
}

/**
 * Read tokens: a page that shows an article in full asks for one when it loads (one per page view); the
 * beacon that reports the qualified read must bring it back. A token names the article and the reader it
 * was issued to (a keyed tag of the reader id, not the id), when it was issued, and a nonce, under an
 * HMAC; it is good for one beacon (its nonce is spent), from READ_MIN_DWELL_MS after it was issued (no
 * person has read anything sooner) until READ_TOKEN_TTL_MS.
 */
export const READ_TOKEN_TTL_MS = 6 * 3_600_000;
export const READ_MIN_DWELL_MS = 3_000;

const tagOf = (secret: Buffer, reader: string) =>
  crypto.createHmac('sha256', secret).update(`reader:${reader}`).digest('base64url').slice(0, 12);
const macOf = (secret: Buffer, body: string) =>
  crypto.createHmac('sha256', secret).update(`read:${body}`).digest('base64url').slice(0, 22);

export function issueReadToken(secret: Buffer, o: { articleId: number; reader: string; now: number }): string {
  const body = `${o.articleId}.${tagOf(secret, o.reader)}.${Math.floor(o.now / 1000)}.${crypto.randomBytes(9).toString('base64url')}`;
  return `${body}.${macOf(secret, body)}`;
}

export type ReadTokenCheck =
  | { ok: true; nonce: string; expiresAt: number }
  | { ok: false; reason: 'invalid' | 'other-reader' | 'too-soon' | 'expired' };

export function checkReadToken(
  secret: Buffer,
  token: unknown,
  o: { articleId: number; reader: string; now: number; minDwellMs?: number },
): ReadTokenCheck {
  const m =
    typeof token === 'string' ? /^(\d{1,15})\.([\w-]{12})\.(\d{1,12})\.([\w-]{12})\.([\w-]{22})$/.exec(token) : null;
  if (!m) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(macOf(secret, `${m[1]}.${m[2]}.${m[3]}.${m[4]}`));
  if (!crypto.timingSafeEqual(expected, Buffer.from(m[5]!)) || Number(m[1]) !== o.articleId)
    return { ok: false, reason: 'invalid' };
  if (m[2] !== tagOf(secret, o.reader)) return { ok: false, reason: 'other-reader' };
  const issued = Number(m[3]) * 1000;
  if (o.now - issued < (o.minDwellMs ?? READ_MIN_DWELL_MS)) return { ok: false, reason: 'too-soon' };
  if (o.now - issued > READ_TOKEN_TTL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce: m[4]!, expiresAt: issued + READ_TOKEN_TTL_MS };
}

/** Spends a token's nonce: true the first time, false ever after (until it would have expired anyway). */
export async function spendReadNonce(db: Kysely<DB>, nonce: string, expiresAt: number): Promise<boolean> {
  const res = await db
    .insertInto('read_nonces')
    .values({ nonce, expires_at: expiresAt })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Forgets spent nonces whose tokens have expired (no beacon can bring them back); for the clean-up job. */
export function deleteExpiredReadNonces(db: Kysely<DB>, now: number, opts?: PurgeOptions): Promise<number> {
  return purge(db, 'read_nonces', ['nonce'], (eb) => eb('expires_at', '<', now), opts);
}

/** Deletes read events of days before `beforeDay` (YYYY-MM-DD; see readEventsCutoff); the daily roll-up stays. */
export function deleteReadEventsBefore(db: Kysely<DB>, beforeDay: string, opts?: PurgeOptions): Promise<number> {
  return purge(db, 'read_events', ['day', 'article_id', 'reader', 'kind'], (eb) => eb('day', '<', beforeDay), opts);
}
