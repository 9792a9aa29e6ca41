// When a feed is added, its host is resolved and refused if any address it
// resolves to is loopback, private, link-local or otherwise not public: the
// fetcher's rule (ingest/fetch/address-guard.ts) and its words, told to the
// operator at once instead of at the first fetch. ALLOW_PRIVATE_FEEDS and
// ALLOW_FEED_HOSTS let it through, as they do at fetch time. A name that does
// not resolve (yet), or not within a few seconds, is accepted: the fetch
// reports it, and is checked again on the address it connects to whatever
// the name resolved to here.
import dns from 'node:dns';
import net from 'node:net';
import { BlockedAddressError, guardedLookup, normaliseHost, type LookupFn } from '../ingest/fetch/address-guard.ts';
import { CatalogError } from './publishers.ts';

export interface FeedHostRules {
  allowPrivate: boolean;
  allowHosts: readonly string[];
  /** The DNS lookup (dns.lookup by default; tests pass one). */
  lookup?: LookupFn;
}

/** How long adding a feed waits for its host to resolve before accepting it unchecked. */
export const HOST_LOOKUP_TIMEOUT_MS = 5000;

/** Throws a CatalogError with the fetcher's message when the URL's host resolves to an address feeds may not use. */
export async function checkFeedHost(url: string, rules: FeedHostRules): Promise<void> {
  const host = normaliseHost(new URL(url).hostname);
  const allowHosts = new Set(rules.allowHosts);
  // IP literals are judged without a lookup (commands.ts checkFeedAddress).
  if (rules.allowPrivate || allowHosts.has(host) || net.isIP(host)) return;
  const lookup = guardedLookup(rules.lookup ?? (dns.lookup as unknown as LookupFn), false, allowHosts);
  const err = await new Promise<Error | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), HOST_LOOKUP_TIMEOUT_MS);
    timer.unref();
    lookup(host, { all: true }, (e) => {
      clearTimeout(timer);
      resolve(e);
    });
  });
  if (err instanceof BlockedAddressError) throw new CatalogError(err.message);
}
