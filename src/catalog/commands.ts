// The catalogue's changes as an operator makes them, from the admin console or
// the command line: validated as `masthead feeds add` always has (including the
// refusal of feed addresses on private networks), and each written with its
// audit line in one transaction.
import { BlockedAddressError, checkUrl, type LookupFn } from '../ingest/fetch/address-guard.ts';
import type { Kysely } from 'kysely';
import type { DB, FeedRow, PublisherRow } from '../db/schema.ts';
import { audited, type AuditActor } from '../members/audit.ts';
import { getArticle, setArticleFree } from './articles.ts';
import { checkFeedHost } from './feed-address.ts';
import { addFeed, normaliseFeedUrl, queueFeedNow, setFeedStatus, type FeedInput } from './feeds.ts';
import {
  CatalogError,
  createPublisher,
  getPublisher,
  issueApiKey,
  revokeApiKey,
  updatePublisher,
  type PublisherInput,
} from './publishers.ts';

/** Where feeds may point: ALLOW_PRIVATE_FEEDS and ALLOW_FEED_HOSTS (and, for tests, the DNS lookup). */
export interface FeedAddressRules {
  allowPrivate: boolean;
  allowHosts: readonly string[];
  lookup?: LookupFn;
}

/**
 * Refuses a feed whose address is an IP literal on a private, loopback or
 * link-local network (names are checked again on every fetch, on the address
 * connected to): the same words the fetcher uses, before anything is stored.
 */
export function checkFeedAddress(url: string, rules: FeedAddressRules): string {
  const normal = normaliseFeedUrl(url);
  try {
    checkUrl(normal, rules.allowPrivate, new Set(rules.allowHosts));
  } catch (err) {
    if (err instanceof BlockedAddressError) throw new CatalogError(err.message);
    throw err;
  }
  return normal;
}

const feedTarget = (f: FeedRow) => ({ kind: 'feed', id: f.id, label: f.url });
const publisherTarget = (p: PublisherRow) => ({ kind: 'publisher', id: p.id, label: p.name });

/** Adds a feed; refuses an address on a private network: an IP literal, or a name resolving to one (feed-address.ts). */
export async function registerFeed(
  db: Kysely<DB>,
  input: FeedInput,
  rules: FeedAddressRules,
  actor: AuditActor,
  now: number,
): Promise<FeedRow> {
  const url = input.allowPrivate ? normaliseFeedUrl(input.url) : checkFeedAddress(input.url, rules);
  if (!input.allowPrivate) await checkFeedHost(url, rules);
  return audited(db, actor, now, async (trx) => {
    const publisher = await getPublisher(trx, input.publisherId);
    if (!publisher) throw new CatalogError(`no publisher with id ${input.publisherId}`);
    const feed = await addFeed(trx, { ...input, url }, now);
    return {
      value: feed,
      entry: { action: 'feed.add', target: feedTarget(feed), details: { publisher: publisher.slug } },
    };
  });
}

/** Resume (a parked or disabled feed: clean slate, fetched at once) or pause. */
export function changeFeedStatus(
  db: Kysely<DB>,
  id: number,
  status: 'active' | 'disabled',
  actor: AuditActor,
  now: number,
): Promise<FeedRow> {
  return audited(db, actor, now, async (trx) => {
    const before = (await trx.selectFrom('feeds').select('status').where('id', '=', id).executeTakeFirst())?.status;
    const feed = await setFeedStatus(trx, id, status, now);
    return {
      value: feed,
      entry: {
        action: status === 'active' ? 'feed.resume' : 'feed.pause',
        target: feedTarget(feed),
        details: { from: before },
      },
    };
  });
}

export function refreshFeedNow(db: Kysely<DB>, id: number, actor: AuditActor, now: number): Promise<FeedRow> {
  return audited(db, actor, now, async (trx) => {
    const feed = await queueFeedNow(trx, id, now);
    return { value: feed, entry: { action: 'feed.refresh', target: feedTarget(feed) } };
  });
}

export function addPublisher(
  db: Kysely<DB>,
  input: PublisherInput,
  actor: AuditActor,
  now: number,
): Promise<PublisherRow> {
  return audited(db, actor, now, async (trx) => {
    const p = await createPublisher(trx, input, now);
    return { value: p, entry: { action: 'publisher.add', target: publisherTarget(p), details: { slug: p.slug } } };
  });
}

export function editPublisher(
  db: Kysely<DB>,
  id: number,
  input: Omit<PublisherInput, 'slug'>,
  actor: AuditActor,
  now: number,
): Promise<PublisherRow> {
  return audited(db, actor, now, async (trx) => {
    const before = await getPublisher(trx, id);
    const p = await updatePublisher(trx, id, input);
    const changed = Object.fromEntries(
      (Object.keys(p) as (keyof PublisherRow)[])
        .filter((k) => before && before[k] !== p[k])
        .map((k) => [k, { from: before![k], to: p[k] }]),
    );
    return { value: p, entry: { action: 'publisher.edit', target: publisherTarget(p), details: changed } };
  });
}

/** A new push-API key (the previous one stops working); returned once, stored hashed. */
export function issuePublisherKey(db: Kysely<DB>, id: number, actor: AuditActor, now: number): Promise<string> {
  return audited(db, actor, now, async (trx) => {
    const p = await getPublisher(trx, id);
    if (!p) throw new CatalogError(`no publisher with id ${id}`);
    const key = await issueApiKey(trx, id);
    const prefix = key.split('_')[1];
    return {
      value: key,
      entry: { action: 'key.issue', target: publisherTarget(p), details: { prefix, replaced: p.api_key_prefix } },
    };
  });
}

export function revokePublisherKey(db: Kysely<DB>, id: number, actor: AuditActor, now: number): Promise<void> {
  return audited(db, actor, now, async (trx) => {
    const p = await getPublisher(trx, id);
    if (!p) throw new CatalogError(`no publisher with id ${id}`);
    if (!p.api_key_prefix) throw new CatalogError(`${p.name} has no push-API key`);
    await revokeApiKey(trx, id);
    return {
      value: undefined,
      entry: { action: 'key.revoke', target: publisherTarget(p), details: { prefix: p.api_key_prefix } },
    };
  });
}

/** Free to everyone, or members only again (editors, admins, the article's own publisher): with its audit line. */
export function setArticleAccess(
  db: Kysely<DB>,
  id: number,
  free: boolean,
  actor: AuditActor,
  now: number,
): Promise<void> {
  return audited(db, actor, now, async (trx) => {
    const a = await getArticle(trx, id);
    if (!a) throw new CatalogError(`no article with id ${id}`);
    await setArticleFree(trx, id, free, now);
    return {
      value: undefined,
      entry: {
        action: free ? 'article.free' : 'article.premium',
        target: { kind: 'article', id, label: a.title },
        details: { publisherId: a.publisher_id },
      },
    };
  });
}
