// The fetcher's contract. Callers hand in a URL and the validators they stored
// last time; they get back bytes (decompressed, capped) or "not modified", or a
// FetchError whose `kind` says what went wrong in words an operator can act on.

import type { LookupAddress, LookupOptions } from 'node:dns';

export interface FetchRequest {
  url: string;
  /** Validators from the previous successful fetch (conditional GET). */
  etag?: string | null;
  lastModified?: string | null;
  /** Accept header; defaults to feeds (RSS, Atom, JSON Feed, XML). */
  accept?: string;
  /** Per-request override of the private-address guard (the demo source, tests). */
  allowPrivate?: boolean;
  /** Per-request overrides of the fetcher's limits. */
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
}

interface FetchMeta {
  /** URL after redirects. */
  finalUrl: string;
  /** Set when every redirect in the chain was permanent (301/308): the feed's stored URL should become this. */
  permanentUrl?: string;
  httpStatus: number;
  etag?: string;
  lastModified?: string;
  /** max-age from Cache-Control (s-maxage preferred), or from Expires, in seconds. */
  maxAgeS?: number;
  headers: Record<string, string>;
  elapsedMs: number;
}

export interface FetchOk extends FetchMeta {
  status: 'ok';
  /** Decompressed body bytes (never more than maxBytes). */
  body: Buffer;
  contentType?: string;
  /** charset parameter of Content-Type, lower-cased, if any. */
  charset?: string;
}

export interface FetchNotModified extends FetchMeta {
  status: 'not-modified';
}

export type FetchResult = FetchOk | FetchNotModified;

export type FetchErrorKind =
  | 'invalid-url'
  | 'blocked-address'
  | 'dns'
  | 'connect'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http'
  | 'network'
  | 'decode';

export class FetchError extends Error {
  constructor(
    public readonly kind: FetchErrorKind,
    message: string,
    public readonly info: { httpStatus?: number; retryAfterS?: number; url?: string } = {},
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

export interface FetcherOptions {
  userAgent: string;
  /** Total time for one request including body, ms. */
  timeoutMs: number;
  /** Time to establish the TCP/TLS connection, ms. */
  connectTimeoutMs?: number;
  /** Body cap after decompression, bytes. */
  maxBytes: number;
  /** Concurrent requests per host. */
  perHost: number;
  /** Global switch: allow loopback/private/link-local targets (ALLOW_PRIVATE_FEEDS). */
  allowPrivate: boolean;
  /** Hosts the operator trusts even when they resolve to private addresses (an intranet feed server). */
  allowHosts?: string[];
  maxRedirects?: number;
  /**
   * DNS lookup used both by the private-address guard and for the connection
   * itself (one answer, so nothing can change between check and connect).
   * Defaults to dns.lookup; tests inject a resolver so no real DNS is needed.
   */
  lookup?: LookupFn;
  /** Extra certificate authorities to trust for HTTPS (a private PKI, tests). */
  tlsCa?: string | Buffer;
}

/** The shape of dns.lookup, as http.Agent / net.connect call it. */
export type LookupFn = (
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

export interface Fetcher {
  fetch(req: FetchRequest): Promise<FetchResult>;
}
