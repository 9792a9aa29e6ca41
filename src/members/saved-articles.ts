// Saved articles ("Save for later") and the two personal lists a member keeps:
// saved and read. Queries here, pages in web/.
import type { Kysely } from 'kysely';
import { CARD_COLUMNS, type CardRow } from '../catalog/article-pages.ts';
import type { DB } from '../db/schema.ts';

export async function isSaved(db: Kysely<DB>, userId: number, articleId: number): Promise<boolean> {
  return !!(await db
    .selectFrom('saved_articles')
    .select('article_id')
    .where('user_id', '=', userId)
    .where('article_id', '=', articleId)
    .executeTakeFirst());
}

/** Saves the article, or unsaves it when it was saved; returns whether it is saved now. */
export async function toggleSaved(db: Kysely<DB>, userId: number, articleId: number, now: number): Promise<boolean> {
  const removed = await db
    .deleteFrom('saved_articles')
    .where('user_id', '=', userId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) > 0) return false;
  await db
    .insertInto('saved_articles')
    .values({ user_id: userId, article_id: articleId, saved_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return true;
}

export type PersonalList = 'saved' | 'history';

/** A member's saved or read articles, newest first, published ones only. */
export function personalListRows(db: Kysely<DB>, userId: number, list: PersonalList, limit = 100): Promise<CardRow[]> {
  const columns = CARD_COLUMNS.map((c) => `a.${c}` as const);
  if (list === 'saved') {
    return db
      .selectFrom('saved_articles as s')
      .innerJoin('articles as a', 'a.id', 's.article_id')
      .select(columns)
      .where('s.user_id', '=', userId)
      .where('a.status', '=', 'published')
      .orderBy('s.saved_at', 'desc')
      .limit(limit)
      .execute();
  }
  return db
    .selectFrom('reading_history as s')
    .innerJoin('articles as a', 'a.id', 's.article_id')
    .select(columns)
    .where('s.user_id', '=', userId)
    .where('a.status', '=', 'published')
    .orderBy('s.read_at', 'desc')
    .limit(limit)
    .execute();
}

/** The publishers a member reads most, most read first. */
export async function favouritePublishers(db: Kysely<DB>, userId: number, limit = 3): Promise<number[]> {
  const rows = await db
    .selectFrom('reading_history')
    .innerJoin('articles', 'articles.id', 'reading_history.article_id')
    .select(['articles.publisher_id', db.fn.countAll<number>().as('n')])
    .where('reading_history.user_id', '=', userId)
    .groupBy('articles.publisher_id')
    .orderBy('n', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.publisher_id);
}
