// Stores one processed article: the same item seen again updates the stored
// article and keeps its identity; a syndicated copy of an earlier story from
// any publisher is stored but linked to the original (duplicate-of), so lists
// show the story once.
//
// Across publishers, what is stored first is the original: a stated date can
// be anything, so an article that arrives later never takes the place of
// another publisher's stored one, however early it says it was published (else
// a copy dated back would hide the original and carry its text under another
// name). Within one publisher the stated dates decide, as before.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { DB, FeedRow, NewArticle, PublisherRow } from '../db/schema.ts';
import { duplicateCandidates, findExisting, insertArticle, updateArticle } from '../catalog/articles.ts';
import { lshBandKeys, minhashSignature, serializeSignature, deserializeSignature } from '../analysis/minhash.ts';
import { findDuplicateOf } from '../analysis/near-duplicate.ts';
import { reindexArticles } from '../search/index-article.ts';
import type { ProcessedArticle } from './process/types.ts';

export type StoreOutcome = 'inserted' | 'updated' | 'unchanged' | 'duplicate' | 'withdrawn';

export interface StoreInput {
  feed: FeedRow | null;
  publisher: PublisherRow;
  article: ProcessedArticle;
  /** Hash of the raw source (feed item or pushed JSON). */
  sourceHash: string;
  now: number;
  bodySource?: string;
  externalId?: string | null;
  isFree?: boolean;
}

/** Wire copy is matched against stories published within this window before it. */
const DUPLICATE_WINDOW_MS = 7 * 24 * 3600 * 1000;

export function contentHash(a: ProcessedArticle): string {
  return crypto
    .createHash('sha1')
    .update(
      [a.title, a.standfirst, a.bodyText, a.image?.url ?? '', a.image?.caption ?? '', a.authors.join(',')].join(
        '\u0001',
      ),
    )
    .digest('base64url');
}

export function storeArticle(database: Database, input: StoreInput): Promise<StoreOutcome> {
  return storeArticles(database, [input]).then((out) => out[0]!);
}

/**
 * Stores several articles in one transaction (one feed's new items): far fewer commits. On PostgreSQL,
 * two copies of one story stored at the same moment by two workers would each miss the other: they share
 * an LSH band, so a lock per band serialises exactly those. Every lock a batch needs is taken at once, in
 * one sorted order, before anything is written (locks taken article by article, in each feed's own order,
 * deadlocked two feeds carrying the same wire stories); a deadlock or serialisation failure is retried.
 */
export async function storeArticles(database: Database, inputs: StoreInput[]): Promise<StoreOutcome[]> {
  if (inputs.length === 0) return [];
  const prepared = inputs.map((input) => ({ input, signature: minhashSignature(input.article.bodyText) }));
  const keys = [...new Set(prepared.flatMap((p) => (p.signature ? lshBandKeys(p.signature) : [])))];
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction().execute(async (trx) => {
        if (database.dialect === 'postgres' && keys.length) {
          await sql`select pg_advisory_xact_lock(h) from (select distinct hashtext(k) as h from unnest(${keys}::text[]) as k order by h) as locks`.execute(
            trx,
          );
        }
        const out: StoreOutcome[] = [];
        for (const p of prepared) out.push(await storeArticleIn(trx, p.input, p.signature));
        return out;
      });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw err;
    }
  }
}

async function storeArticleIn(
  trx: Kysely<DB>,
  input: StoreInput,
  signature: ReturnType<typeof minhashSignature>,
): Promise<StoreOutcome> {
  const { article: a, publisher, now } = input;
  const hash = contentHash(a);
  const keys = signature ? lshBandKeys(signature) : [];
  {
    const existing = await findExisting(trx, publisher.id, a.guid, a.url);
    if (existing?.status === 'withdrawn') return 'withdrawn';
    if (existing && existing.content_hash === hash) {
      await trx.updateTable('articles').set({ source_hash: input.sourceHash }).where('id', '=', existing.id).execute();
      return 'unchanged';
    }

    const candidates = signature
      ? await duplicateCandidates(trx, keys, a.publishedAt - DUPLICATE_WINDOW_MS, existing?.id)
      : [];
    const asCandidates = (list: typeof candidates) =>
      list.map((c) => ({
        id: c.id,
        text: c.body_text,
        signature: c.minhash ? deserializeSignature(c.minhash) : undefined,
        publishedAt: c.published_at,
        publisherId: c.publisher_id,
      }));
    const probe = { text: a.bodyText, publishedAt: a.publishedAt, publisherId: publisher.id };
    const own = (c: (typeof candidates)[number]) => c.publisher_id === publisher.id;
    // Another publisher's stored article counts as earlier than this one, whatever the dates say.
    const earlier = candidates
      .map((c) => (own(c) ? c : { ...c, published_at: Math.min(c.published_at, a.publishedAt) }))
      .filter((c) => c.published_at <= a.publishedAt);
    const original = signature ? findDuplicateOf(probe, asCandidates(earlier)) : null;
    // A publisher's own copies can arrive before their original (its feeds are fetched in any order):
    // its later copies stored already are re-pointed at this article once it is in.
    const laterCopies =
      signature && !original
        ? candidates.filter(
            (c) =>
              own(c) &&
              c.published_at > a.publishedAt &&
              findDuplicateOf(
                { ...probe, publishedAt: c.published_at },
                asCandidates([{ ...c, published_at: a.publishedAt }]),
              ) !== null,
          )
        : [];

    const row: NewArticle = {
      publisher_id: publisher.id,
      feed_id: input.feed?.id ?? null,
      guid: a.guid,
      external_id: input.externalId ?? null,
      url: a.url,
      title: a.title,
      standfirst: a.standfirst,
      body_html: a.bodyHtml,
      body_text: a.bodyText,
      body_source: input.bodySource ?? a.bodySource,
      section: chooseSection(a.categories, input.feed?.section ?? null, publisher),
      categories: JSON.stringify(a.categories),
      language: a.language ?? publisher.language ?? null,
      image_url: a.image?.url ?? null,
      image_caption: a.image?.caption ?? null,
      image_credit: a.image?.credit ?? null,
      image_width: a.image?.width ?? null,
      image_height: a.image?.height ?? null,
      word_count: a.wordCount,
      reading_minutes: a.readingMinutes,
      published_at: a.publishedAt,
      updated_at: a.updatedAt,
      content_hash: hash,
      source_hash: input.sourceHash,
      minhash: signature ? serializeSignature(signature) : null,
      duplicate_of: original ? Number(original.id) : null,
      status: 'published',
      is_free: input.isFree ? 1 : 0,
      created_at: now,
      modified_at: now,
    };

    if (existing) {
      const { created_at: _created, publisher_id: _p, ...update } = row;
      await updateArticle(trx, existing.id, publisher.id, update, a.authors, keys);
      return 'updated';
    }
    const id = await insertArticle(trx, row, a.authors, keys);
    if (laterCopies.length) {
      const ids = laterCopies.map((c) => c.id);
      await trx
        .updateTable('articles')
        .set({ duplicate_of: id })
        .where((eb) => eb.or([eb('id', 'in', ids), eb('duplicate_of', 'in', ids)]))
        .execute();
      await reindexArticles(trx, ids);
    }
    return original ? 'duplicate' : 'inserted';
  }
}

/** The feed's section if it has one; else a category naming one of the publisher's sections; else its first. */
export function chooseSection(
  categories: string[],
  feedSection: string | null,
  publisher: Pick<PublisherRow, 'sections'>,
): string | null {
  if (feedSection) return feedSection;
  let sections: string[] = [];
  try {
    sections = JSON.parse(publisher.sections) as string[];
  } catch {
    /* treated as none */
  }
  const named = categories.map((c) => c.trim().toLowerCase().replace(/\s+/g, '-')).find((c) => sections.includes(c));
  return named ?? sections[0] ?? null;
}
