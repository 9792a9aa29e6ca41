// Feeds and their health. The scheduler's database half lives here: claiming
// due feeds under a lease so several ingest processes never fetch one feed at
// once, and recording each outcome.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { DB, FeedRow, FeedUpdate } from '../db/schema.ts';
import { CatalogError } from './publishers.ts';

export interface FeedInput {
  publisherId: number;
  url: string;
  title?: string | null;
  section?: string | null;
  fullText?: 'auto' | 'always' | 'never';
  allowPrivate?: boolean;
  isDemo?: boolean;
  intervalS: number;
}

export function normaliseFeedUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new CatalogError(`"${raw}" is not a URL; give the feed's full address, e.g. https://example.org/feed.xml`);
  }
  if (u.protocol === 'feed:') u = new URL(u.href.replace(/^feed:(\/\/)?/, 'https://'));
  if (!/^https?:$/.test(u.protocol)) throw new CatalogError(`feed URLs must be http or https, not ${u.protocol}`);
  if (u.username || u.password) throw new CatalogError('feed URLs must not carry a user name or password');
  u.hash = '';
  return u.href;
}

export async function addFeed(db: Kysely<DB>, input: FeedInput, now = Date.now()): Promise<FeedRow> {
  const url = normaliseFeedUrl(input.url);
  const existing = await db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
  if (existing) throw new CatalogError(`feed ${url} is already registered (id ${existing.id})`);
  return db
    .insertInto('feeds')
    .values({
      publisher_id: input.publisherId,
      url,
      title: input.title ?? null,
      section: input.section ?? null,
      full_text: input.fullText ?? 'auto',
      status: 'active',
      allow_private: input.allowPrivate ? 1 : 0,
      is_demo: input.isDemo ? 1 : 0,
      interval_s: input.intervalS,
      next_fetch_at: now,
      consecutive_failures: 0,
      items_total: 0,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function getFeed(db: Kysely<DB>, id: number): Promise<FeedRow | undefined> {
  return db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface FeedHealthRow extends FeedRow {
  publisher_slug: string;
  publisher_name: string;
}

export type FeedHealth = 'ok' | 'failing' | 'parked' | 'disabled';

/** How a feed is doing, as the console and `masthead feeds list` show it. */
export function feedHealth(f: { status: string; consecutive_failures: number }): FeedHealth {
  if (f.status === 'parked' || f.status === 'disabled') return f.status;
  return f.consecutive_failures > 0 ? 'failing' : 'ok';
}

export function listFeeds(db: Kysely<DB>): Promise<FeedHealthRow[]> {
  return db
    .selectFrom('feeds')
    .innerJoin('publishers', 'publishers.id', 'feeds.publisher_id')
    .selectAll('feeds')
    .select(['publishers.slug as publisher_slug', 'publishers.name as publisher_name'])
    .orderBy('publishers.slug')
    .orderBy('feeds.id')
    .execute();
}

/**
 * Claims up to `limit` active feeds that are due and not leased by another
 * process. On PostgreSQL, FOR UPDATE SKIP LOCKED lets concurrent claimers pass
 * each other's rows instead of waiting or double-claiming; SQLite has a single
 * writer, so the same UPDATE … WHERE id IN (SELECT …) is already atomic there.
 */
export async function claimDueFeeds(
  db: Kysely<DB>,
  dialect: Dialect,
  opts: {
    owner: string;
    now: number;
    leaseMs: number;
    limit: number;
    feedId?: number;
    /** Instead of "due": every feed not fetched since this time (a forced full pass). */
    notFetchedSince?: number;
  },
): Promise<FeedRow[]> {
  const lock = dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const due =
    opts.feedId !== undefined
      ? sql`true`
      : opts.notFetchedSince !== undefined
        ? sql`(last_fetch_at is null or last_fetch_at < ${opts.notFetchedSince})`
        : sql`next_fetch_at <= ${opts.now}`;
  const only = opts.feedId !== undefined ? sql`and id = ${opts.feedId}` : sql``;
  const status = opts.feedId !== undefined ? sql`status <> 'disabled'` : sql`status = 'active'`;
  const result = await sql<FeedRow>`
    update feeds set lease_owner = ${opts.owner}, lease_until = ${opts.now + opts.leaseMs}
    where id in (
      select id from feeds
      where ${status} and ${due} ${only}
        and (lease_until is null or lease_until < ${opts.now})
      order by next_fetch_at
      limit ${opts.limit}
      ${lock}
    )
    returning *`.execute(db);
  return result.rows;
}

/** Writes an outcome and releases the lease, but only if we still hold it. */
export async function finishFeed(db: Kysely<DB>, id: number, owner: string, update: FeedUpdate): Promise<void> {
  await db
    .updateTable('feeds')
    .set({ ...update, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/** Extends every feed lease this owner holds (a cycle's heartbeat: a slow feed stays with the process working on it). */
export async function renewFeedLeases(db: Kysely<DB>, owner: string, until: number): Promise<number> {
  const res = await db
    .updateTable('feeds')
    .set({ lease_until: until })
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Hands feeds back untouched (claimed but not refreshed, or abandoned at shutdown): due again at once for others. */
export async function releaseFeeds(db: Kysely<DB>, ids: number[], owner: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('feeds')
    .set({ lease_owner: null, lease_until: null })
    .where('id', 'in', ids)
    .where('lease_owner', '=', owner)
    .execute();
}

export async function setFeedStatus(
  db: Kysely<DB>,
  id: number,
  status: 'active' | 'disabled',
  now = Date.now(),
): Promise<FeedRow> {
  const feed = await getFeed(db, id);
  if (!feed) throw new CatalogError(`no feed with id ${id}`);
  const update: FeedUpdate = { status };
  // Re-enabling a parked feed gives it a clean slate and an immediate fetch.
  if (status === 'active') Object.assign(update, { consecutive_failures: 0, next_fetch_at: now });
  await db.updateTable('feeds').set(update).where('id', '=', id).execute();
  return (await getFeed(db, id))!;
}

/** Makes an active feed due now: the next scheduler pass fetches it. */
export async function queueFeedNow(db: Kysely<DB>, id: number, now = Date.now()): Promise<FeedRow> {
  const feed = await getFeed(db, id);
  if (!feed) throw new CatalogError(`no feed with id ${id}`);
  if (feed.status !== 'active') throw new CatalogError(`feed ${id} is ${feed.status}: resume it first`);
  await db.updateTable('feeds').set({ next_fetch_at: now }).where('id', '=', id).execute();
  return { ...feed, next_fetch_at: now };
}

export async function removeFeed(db: Kysely<DB>, id: number): Promise<void> {
  const res = await db.deleteFrom('feeds').where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new CatalogError(`no feed with id ${id}`);
}

export interface IngestSummary {
  feeds: number;
  active: number;
  parked: number;
  disabled: number;
  failing: number;
  due: number;
  lastSuccessAt: number | null;
  articles: number;
  newestArticleAt: number | null;
}

export async function ingestSummary(db: Kysely<DB>, now = Date.now()): Promise<IngestSummary> {
  const f = await db
    .selectFrom('feeds')
    .select([
      sql<number>`count(*)`.as('feeds'),
      sql<number>`sum(case when status = 'active' then 1 else 0 end)`.as('active'),
      sql<number>`sum(case when status = 'parked' then 1 else 0 end)`.as('parked'),
      sql<number>`sum(case when status = 'disabled' then 1 else 0 end)`.as('disabled'),
      sql<number>`sum(case when consecutive_failures > 0 then 1 else 0 end)`.as('failing'),
      sql<number>`sum(case when status = 'active' and next_fetch_at <= ${now} then 1 else 0 end)`.as('due'),
      sql<number | null>`max(last_success_at)`.as('last_success_at'),
    ])
    .executeTakeFirstOrThrow();
  const a = await db
    .selectFrom('articles')
    .select([sql<number>`count(*)`.as('n'), sql<number | null>`max(published_at)`.as('newest')])
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  return {
    feeds: n(f.feeds),
    active: n(f.active),
    parked: n(f.parked),
    disabled: n(f.disabled),
    failing: n(f.failing),
    due: n(f.due),
    lastSuccessAt: f.last_success_at == null ? null : Number(f.last_success_at),
    articles: n(a.n),
    newestArticleAt: a.newest == null ? null : Number(a.newest),
  };
}
