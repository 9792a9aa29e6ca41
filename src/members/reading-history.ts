// Reading history is a convenience list ("Articles you read"), not billing
// data: page views are kept in memory and written in batches, every second
// and when the server closes, rather than one write per page view. A reader
// who reads the same story twice in a second costs one row; the history page
// flushes before it reads, so nobody misses what they just read.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

interface Read {
  userId: number;
  articleId: number;
  at: number;
}

/** Rows per INSERT (3 parameters each: well under SQLite's and PostgreSQL's limits). */
const CHUNK = 500;
/** Flush early when this many reads are waiting, whatever the clock says. */
const MAX_PENDING = 20_000;

export class ReadingHistory {
  private pending = new Map<string, Read>();
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout | null;
  private closed = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly opts: { everyMs?: number; onError?: (err: unknown, dropped: number) => void } = {},
  ) {
    const every = opts.everyMs ?? 1000;
    this.timer = every > 0 ? setInterval(() => void this.flush(), every) : null;
    this.timer?.unref();
  }

  /** Notes that a member read an article at `at` (the latest read of a pair wins). */
  record(userId: number, articleId: number, at: number): void {
    const key = `${userId}:${articleId}`;
    const seen = this.pending.get(key);
    if (!seen || seen.at < at) this.pending.set(key, { userId, articleId, at });
    if (this.pending.size >= MAX_PENDING) void this.flush();
    if (this.closed) void this.flush(); // a late request after close: written at once
  }

  /** Reads waiting to be written (for tests and health). */
  get size(): number {
    return this.pending.size;
  }

  /** Writes everything recorded so far; resolves when it is stored (flushes run one after another). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private async write(): Promise<void> {
    if (!this.pending.size) return;
    const reads = [...this.pending.values()];
    this.pending = new Map();
    for (let i = 0; i < reads.length; i += CHUNK) {
      const chunk = reads.slice(i, i + CHUNK);
      try {
        await this.insert(chunk);
      } catch (err) {
        // One bad row (an account deleted meanwhile) must not lose the others: write them one by one.
        let dropped = 0;
        for (const r of chunk) {
          try {
            await this.insert([r]);
          } catch {
            dropped++;
          }
        }
        if (dropped) this.opts.onError?.(err, dropped);
      }
    }
  }

  private insert(rows: Read[]): Promise<unknown> {
    return this.db
      .insertInto('reading_history')
      .values(rows.map((r) => ({ user_id: r.userId, article_id: r.articleId, read_at: r.at })))
      .onConflict((oc) =>
        oc.columns(['user_id', 'article_id']).doUpdateSet((eb) => ({ read_at: eb.ref('excluded.read_at') })),
      )
      .execute();
  }
}
