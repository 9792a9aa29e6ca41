// The monthly allowance: articles a registered non-member may read in full
// each month (FREE_ARTICLES_PER_MONTH). What counts is a first full read of
// an article in a calendar month (UTC).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export const monthOf = (now: number): string => new Date(now).toISOString().slice(0, 7);

/** The articles this account has unlocked this month. */
export async function unlockedThisMonth(db: Kysely<DB>, userId: number, now: number): Promise<number[]> {
  const rows = await db
    .selectFrom('allowance_unlocks')
    .select('article_id')
    .where('user_id', '=', userId)
    .where('month', '=', monthOf(now))
    .execute();
  return rows.map((r) => r.article_id);
}

export async function recordUnlock(db: Kysely<DB>, userId: number, articleId: number, now: number): Promise<void> {
  await db
    .insertInto('allowance_unlocks')
    .values({ user_id: userId, article_id: articleId, month: monthOf(now) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
