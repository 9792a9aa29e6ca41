// Articles: reads and writes. Queries take arrays of ids where they can, so one
// query serves one article or a page of them.
import type { Kysely } from 'kysely';
import type { ArticleRow, ArticleUpdate, DB, NewArticle } from '../db/schema.ts';
import { previewOf } from '../members/preview.ts';
import { reindexArticles } from '../search/index-article.ts';
import { slugify } from '../analysis/slug.ts';

/** The paywall's preview, stored beside the body it is cut from (kept in step by every writer here). */
function previewColumns(bodyHtml: string): { preview_html: string; preview_text: string } {
  const p = previewOf(bodyHtml);
  return { preview_html: p.html, preview_text: p.text };
}

export interface ExistingArticle {
  id: number;
  content_hash: string;
  source_hash: string | null;
  status: string;
  guid: string;
}

/** The article this item already is, matched by guid first, then canonical URL. */
export async function findExisting(
  db: Kysely<DB>,
  publisherId: number,
  guid: string,
  url: string,
): Promise<ExistingArticle | undefined> {
  const byGuid = await db
    .selectFrom('articles')
    .select(['id', 'content_hash', 'source_hash', 'status', 'guid'])
    .where('publisher_id', '=', publisherId)
    .where('guid', '=', guid)
    .executeTakeFirst();
  if (byGuid) return byGuid;
  return db
    .selectFrom('articles')
    .select(['id', 'content_hash', 'source_hash', 'status', 'guid'])
    .where('publisher_id', '=', publisherId)
    .where('url', '=', url)
    .orderBy('id')
    .executeTakeFirst();
}

/** Which of these guids a publisher already has: lets refresh skip work for items it has seen. */
export async function knownGuids(
  db: Kysely<DB>,
  publisherId: number,
  guids: string[],
): Promise<Map<string, ExistingArticle>> {
  const out = new Map<string, ExistingArticle>();
  for (let i = 0; i < guids.length; i += 500) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'content_hash', 'source_hash', 'status', 'guid'])
      .where('publisher_id', '=', publisherId)
      .where('guid', 'in', guids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.guid, r);
  }
  return out;
}

async function authorIds(db: Kysely<DB>, publisherId: number, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    await db
      .insertInto('authors')
      .values({ publisher_id: publisherId, name, slug })
      .onConflict((oc) => oc.columns(['publisher_id', 'slug']).doNothing())
      .execute();
    const row = await db
      .selectFrom('authors')
      .select('id')
      .where('publisher_id', '=', publisherId)
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    if (!ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

async function writeAuthors(
  db: Kysely<DB>,
  articleId: number,
  publisherId: number,
  names: string[],
  fresh = false,
): Promise<void> {
  if (!fresh) await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  const ids = await authorIds(db, publisherId, names);
  if (ids.length) {
    await db
      .insertInto('article_authors')
      .values(ids.map((author_id, position) => ({ article_id: articleId, author_id, position })))
      .execute();
  }
}

async function writeLsh(
  db: Kysely<DB>,
  articleId: number,
  publishedAt: number,
  keys: string[],
  fresh = false,
): Promise<void> {
  if (!fresh) await db.deleteFrom('article_lsh').where('article_id', '=', articleId).execute();
  if (keys.length) {
    await db
      .insertInto('article_lsh')
      .values(keys.map((band_key) => ({ band_key, article_id: articleId, published_at: publishedAt })))
      .execute();
  }
}

export async function insertArticle(
  db: Kysely<DB>,
  input: NewArticle,
  authors: string[],
  lshKeys: string[],
): Promise<number> {
  const row = { ...input, ...previewColumns(input.body_html) };
  const { id } = await db.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow();
  await queueForCuration(db, [id]);
  // A new row has nothing to replace: skip the deletes.
  await writeAuthors(db, id, row.publisher_id, authors, true);
  await writeLsh(db, id, row.published_at, lshKeys, true);
  await reindexArticles(
    db,
    [id],
    {
      [id]: {
        title: row.title,
        standfirst: row.standfirst ?? '',
        body_text: row.body_text ?? '',
        preview_text: row.preview_text,
        is_free: row.is_free ?? 0,
        status: row.status ?? 'published',
        duplicate_of: row.duplicate_of ?? null,
        authors,
        publisher_id: row.publisher_id,
        section: row.section ?? null,
      },
    },
    true,
  );
  return id;
}

/** Puts articles in the curation job's queue (again, if they were analysed before). */
export async function queueForCuration(db: Kysely<DB>, ids: number[]): Promise<void> {
  const queued_at = Date.now();
  if (ids.length)
    await db
      .insertInto('curation_queue')
      .values(ids.map((article_id) => ({ article_id, queued_at })))
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ queued_at }))
      .execute();
}

export async function updateArticle(
  db: Kysely<DB>,
  id: number,
  publisherId: number,
  update: ArticleUpdate & { published_at: number },
  authors: string[],
  lshKeys: string[],
): Promise<void> {
  // A changed article is analysed again by the curation job (it keeps its story cluster).
  const set = update.body_html === undefined ? update : { ...update, ...previewColumns(update.body_html as string) };
  await db.updateTable('articles').set(set).where('id', '=', id).execute();
  await queueForCuration(db, [id]);
  await writeAuthors(db, id, publisherId, authors);
  await writeLsh(db, id, update.published_at, lshKeys);
  await reindexArticles(db, [id]);
}

export interface DuplicateCandidate {
  id: number;
  publisher_id: number;
  published_at: number;
  minhash: string | null;
  body_text: string;
}

/** Articles sharing at least one LSH band key, published inside the window. */
export async function duplicateCandidates(
  db: Kysely<DB>,
  keys: string[],
  since: number,
  excludeId?: number,
): Promise<DuplicateCandidate[]> {
  if (keys.length === 0) return [];
  let q = db
    .selectFrom('articles')
    .select(['id', 'publisher_id', 'published_at', 'minhash', 'body_text'])
    .where('status', '=', 'published')
    .where('id', 'in', (sub) =>
      sub
        .selectFrom('article_lsh')
        .select('article_id')
        .where('band_key', 'in', keys)
        .where('published_at', '>=', since),
    );
  if (excludeId !== undefined) q = q.where('id', '<>', excludeId);
  return q.orderBy('published_at').limit(50).execute();
}

/**
 * Takedown: the text, image and index entries go; the row stays (so a repeated
 * request is idempotent and the feed cannot bring it back). Copies that pointed
 * at it now point at the earliest remaining copy.
 */
export async function withdrawArticle(db: Kysely<DB>, id: number, now = Date.now()): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      status: 'withdrawn',
      standfirst: '',
      body_html: '',
      body_text: '',
      preview_html: '',
      preview_text: '',
      image_url: null,
      image_caption: null,
      image_credit: null,
      minhash: null,
      duplicate_of: null,
      modified_at: now,
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('article_lsh').where('article_id', '=', id).execute();
  const copies = await db
    .selectFrom('articles')
    .select('id')
    .where('duplicate_of', '=', id)
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  if (copies.length) {
    const [first, ...rest] = copies.map((c) => c.id);
    await db.updateTable('articles').set({ duplicate_of: null }).where('id', '=', first!).execute();
    if (rest.length) await db.updateTable('articles').set({ duplicate_of: first! }).where('id', 'in', rest).execute();
  }
  await reindexArticles(db, [id, ...copies.map((c) => c.id)]);
}

/** Free to read for everyone, or members only again: the search index follows (what anyone may read of it changes). */
export async function setArticleFree(db: Kysely<DB>, id: number, free: boolean, now: number): Promise<void> {
  await db
    .updateTable('articles')
    .set({ is_free: free ? 1 : 0, modified_at: now })
    .where('id', '=', id)
    .execute();
  await reindexArticles(db, [id]);
}

export function getArticle(db: Kysely<DB>, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function authorsOf(
  db: Kysely<DB>,
  articleIds: number[],
): Promise<Map<number, { id: number; name: string; slug: string }[]>> {
  const out = new Map<number, { id: number; name: string; slug: string }[]>();
  if (!articleIds.length) return out;
  const rows = await db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['article_authors.article_id', 'authors.id', 'authors.name', 'authors.slug'])
    .where('article_authors.article_id', 'in', articleIds)
    .orderBy('article_authors.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ id: r.id, name: r.name, slug: r.slug });
    out.set(r.article_id, list);
  }
  return out;
}

/** An author of this publisher by the slug in their page's address. */
export function authorBySlug(
  db: Kysely<DB>,
  publisherId: number,
  slug: string,
): Promise<{ id: number; name: string; slug: string } | undefined> {
  return db
    .selectFrom('authors')
    .select(['id', 'name', 'slug'])
    .where('publisher_id', '=', publisherId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** A publisher's pushed article by the publisher's own id. */
export function pushedArticleByExternalId(
  db: Kysely<DB>,
  publisherId: number,
  externalId: string,
): Promise<ArticleRow | undefined> {
  return db
    .selectFrom('articles')
    .selectAll()
    .where('publisher_id', '=', publisherId)
    .where('guid', '=', `push:${externalId}`)
    .executeTakeFirst();
}

/** Another of this publisher's articles at this URL (not the one with this guid), if any. */
export function urlTakenBy(
  db: Kysely<DB>,
  publisherId: number,
  url: string,
  guid: string,
): Promise<{ external_id: string | null } | undefined> {
  return db
    .selectFrom('articles')
    .select(['external_id'])
    .where('publisher_id', '=', publisherId)
    .where('url', '=', url)
    .where('guid', '<>', guid)
    .executeTakeFirst();
}
