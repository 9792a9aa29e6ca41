// One feed's journey, top to bottom: fetch → parse → process each new or
// changed item (full text, images, sanitise last) → store (dedupe) → schedule.
// Every failure is caught here and written to the feed's health, never thrown
// past it: one broken feed must not stop a cycle. Likewise one item: an item
// that cannot be processed or stored is skipped (and logged), and the feed's
// other items are stored as usual.
import crypto from 'node:crypto';
import type { Database } from '../db/connect.ts';
import type { FeedRow, PublisherRow } from '../db/schema.ts';
import { finishFeed, releaseFeeds } from '../catalog/feeds.ts';
import { knownGuids } from '../catalog/articles.ts';
import type { Logger } from '../log.ts';
import { FetchError, type Fetcher } from './fetch/types.ts';
import { fetchPage } from './fetch/fetch-page.ts';
import { parseFeed } from './parse/parse-feed.ts';
import { FeedParseError, type ParsedItem } from './parse/types.ts';
import { processItem } from './process/process-item.ts';
import type { FullTextMode } from './process/types.ts';
import { storeArticle, storeArticles, type StoreInput, type StoreOutcome } from './store-article.ts';
import { afterFailure, afterNotModified, afterSuccess, type ScheduleBounds } from './schedule.ts';

export interface RefreshDeps {
  database: Database;
  fetcher: Fetcher;
  log: Logger;
  now: () => number;
  /** Identity of this process's lease on the feed. */
  owner: string;
  bounds: ScheduleBounds;
  /** A feed may also be allowed private addresses by the operator's global switch. */
  allowPrivate: boolean;
  /** Stopping: fetches in flight are cancelled and the feed is let go unfinished (nothing of it stored). */
  signal?: AbortSignal;
}

export interface FeedOutcome {
  feedId: number;
  status: 'updated' | 'not-modified' | 'failed' | 'abandoned';
  newArticles: number;
  updatedArticles: number;
  duplicates: number;
  skippedItems: number;
  error?: string;
  parked?: boolean;
  bozo?: boolean;
  /** How long the fetch of the feed's document took (to its last byte, or its failure). */
  fetchMs?: number;
}

/** Items considered per fetch: feeds that list thousands of entries are read newest first. */
const MAX_ITEMS_PER_FETCH = 200;

export async function refreshFeed(deps: RefreshDeps, feed: FeedRow, publisher: PublisherRow): Promise<FeedOutcome> {
  const { database, log } = deps;
  const base: FeedOutcome = {
    feedId: feed.id,
    status: 'updated',
    newArticles: 0,
    updatedArticles: 0,
    duplicates: 0,
    skippedItems: 0,
  };
  const allowPrivate = deps.allowPrivate || feed.allow_private === 1;
  const started = performance.now();
  try {
    const res = await deps.fetcher.fetch({
      url: feed.url,
      etag: feed.etag,
      lastModified: feed.last_modified,
      allowPrivate,
      signal: deps.signal,
    });
    base.fetchMs = performance.now() - started;

    if (res.status === 'not-modified') {
      await finishFeed(database.db, feed.id, deps.owner, afterNotModified(feed, res, deps.now(), deps.bounds));
      return { ...base, status: 'not-modified' };
    }

    const parsed = parseFeed(res.body, { url: res.finalUrl, httpCharset: res.charset, contentType: res.contentType });
    if (parsed.bozo) log.debug({ feed: feed.id, reasons: parsed.bozoReasons }, 'feed is not well-formed; recovered');

    const items = newestFirst(parsed.items).slice(0, MAX_ITEMS_PER_FETCH);
    const outcomes = await storeItems(deps, feed, publisher, items, parsed.language, allowPrivate);
    for (const o of outcomes) {
      if (o === 'inserted') base.newArticles++;
      else if (o === 'updated') base.updatedArticles++;
      else if (o === 'duplicate') {
        base.newArticles++;
        base.duplicates++;
      } else if (o === 'skipped') base.skippedItems++;
    }

    await finishFeed(
      database.db,
      feed.id,
      deps.owner,
      afterSuccess(feed, res, parsed, base.newArticles, deps.now(), deps.bounds),
    );
    return { ...base, bozo: parsed.bozo };
  } catch (err) {
    if (deps.signal?.aborted) {
      // A shutdown is not the feed's fault: its health is untouched and another process may take it at once.
      await releaseFeeds(database.db, [feed.id], deps.owner);
      return { ...base, status: 'abandoned' };
    }
    base.fetchMs ??= performance.now() - started;
    const { message, httpStatus, retryAfterS, kind } = describeFailure(err);
    const update = afterFailure(feed, { message, httpStatus, retryAfterS, kind }, deps.now(), deps.bounds);
    await finishFeed(database.db, feed.id, deps.owner, update);
    log.warn({ feed: feed.id, url: feed.url, err: message, parked: update.status === 'parked' }, 'feed refresh failed');
    return { ...base, status: 'failed', error: message, parked: update.status === 'parked' };
  }
}

async function storeItems(
  deps: RefreshDeps,
  feed: FeedRow,
  publisher: PublisherRow,
  items: ParsedItem[],
  feedLanguage: string | undefined,
  allowPrivate: boolean,
): Promise<(StoreOutcome | 'skipped')[]> {
  const now = deps.now();
  // Only new or changed items are processed (and so scraped): a known item whose
  // raw feed entry hashes the same as last time costs one lookup, nothing more.
  const hashes = items.map(sourceHash);
  const keys = items.map((item, n) => itemKey(item, hashes[n]!));
  const known = await knownGuids(deps.database.db, publisher.id, keys);
  // Process first (this may fetch article pages), then store the feed's new items in one transaction:
  // no transaction is held open across the network.
  const outcomes: (StoreOutcome | 'skipped')[] = [];
  const toStore: StoreInput[] = [];
  for (const [n, item] of items.entries()) {
    const existing = known.get(keys[n]!);
    if (existing && (existing.source_hash === hashes[n] || existing.status === 'withdrawn')) {
      outcomes.push('unchanged');
      continue;
    }
    let processed: Awaited<ReturnType<typeof processItem>>;
    try {
      processed = await processItem(item, {
        feedUrl: feed.url,
        feedLanguage,
        fullText: feed.full_text as FullTextMode,
        now,
        fetchPage: (url) => fetchPage(deps.fetcher, url, { allowPrivate, signal: deps.signal }).catch(() => null),
      });
    } catch (err) {
      processed = { skipped: `could not be processed: ${(err as Error).message}` };
      deps.log.warn({ feed: feed.id, item: keys[n]!.slice(0, 200), err: (err as Error).message }, 'feed item skipped');
    }
    if ('skipped' in processed) {
      outcomes.push('skipped');
      continue;
    }
    toStore.push({ feed, publisher, article: { ...processed, guid: keys[n]! }, sourceHash: hashes[n]!, now });
  }
  // Stopped while processing: pages fetched for full text may have been cut short, so nothing is stored.
  deps.signal?.throwIfAborted();
  // Oldest first, so that within one feed an original is stored before its later copies.
  toStore.sort((a, b) => a.article.publishedAt - b.article.publishedAt);
  outcomes.push(...(await storeEach(deps, feed, toStore)));
  return outcomes;
}

/** The feed's items in one transaction; if that fails, each in its own, so one bad item costs only itself. */
async function storeEach(
  deps: RefreshDeps,
  feed: FeedRow,
  inputs: StoreInput[],
): Promise<(StoreOutcome | 'skipped')[]> {
  try {
    return await storeArticles(deps.database, inputs);
  } catch (batchErr) {
    const out: (StoreOutcome | 'skipped')[] = [];
    for (const input of inputs) {
      try {
        out.push(await storeArticle(deps.database, input));
      } catch (err) {
        deps.log.warn(
          { feed: feed.id, item: input.article.guid.slice(0, 200), err: (err as Error).message },
          'feed item could not be stored; skipped',
        );
        out.push('skipped');
      }
    }
    // Nothing could be stored at all: the store itself is failing (not one item), so the feed fails and is tried again.
    if (out.every((o) => o === 'skipped')) throw batchErr;
    return out;
  }
}

function newestFirst(items: ParsedItem[]): ParsedItem[] {
  // Feeds are usually newest first already; sort only by what is stated, stably.
  const t = (i: ParsedItem) => (i.published ?? i.updated)?.getTime() ?? Number.NEGATIVE_INFINITY;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => t(b.item) - t(a.item) || a.index - b.index)
    .map((x) => x.item);
}

/** The item's identity within its publisher: its stated id, else its link, else its content. */
export function itemKey(item: ParsedItem, hash: string): string {
  return item.id?.trim() || item.link?.trim() || `sha1:${hash}`;
}

export function sourceHash(item: ParsedItem): string {
  const h = crypto.createHash('sha1');
  for (const v of [
    item.id,
    item.link,
    item.title,
    item.summary,
    item.content,
    item.published?.toISOString(),
    item.updated?.toISOString(),
  ]) {
    h.update(v ?? '\u0000');
    h.update('\u0001');
  }
  for (const m of item.media) h.update(m.url);
  for (const a of item.authors) h.update(a.name ?? '');
  return h.digest('base64url');
}

function describeFailure(err: unknown): { message: string; httpStatus?: number; retryAfterS?: number; kind?: string } {
  if (err instanceof FetchError)
    return { message: err.message, httpStatus: err.info.httpStatus, retryAfterS: err.info.retryAfterS, kind: err.kind };
  if (err instanceof FeedParseError) return { message: `not a readable feed: ${err.message}`, kind: 'parse' };
  return { message: err instanceof Error ? err.message : String(err), kind: 'internal' };
}
