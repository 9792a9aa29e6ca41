// One shape for every feed format. Parsers (rss, atom, rdf, json) each return a
// ParsedFeed; nothing downstream knows which format an item came from.
//
// Values are as the feed states them, lightly cleaned (trimmed, entities decoded):
// URLs are resolved against xml:base / the feed URL, but not canonicalised;
// dates are parsed to Date where they can be (the raw string is kept);
// HTML fields are raw publisher HTML and MUST be sanitised before storage or display.
// Every field is within the caps in limits.ts (FIELD_CAPS, COUNT_CAPS).

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface ParsedPerson {
  name?: string;
  email?: string;
  url?: string;
}

export interface ParsedMedia {
  url: string;
  /** MIME type if stated (image/jpeg, audio/mpeg, …). */
  type?: string;
  /** medium attribute of media:content (image, video, audio) if stated. */
  medium?: string;
  length?: number;
  width?: number;
  height?: number;
  title?: string;
  /** media:description / caption text, plain text. */
  caption?: string;
  /** media:credit / copyright, plain text. */
  credit?: string;
  /** where it came from, so the processor can rank candidates */
  source: 'media:content' | 'media:thumbnail' | 'enclosure' | 'itunes:image' | 'image' | 'attachment';
}

export interface ParsedItem {
  /** guid / id / atom:id / JSON id, as stated. */
  id?: string;
  /** RSS guid isPermaLink="true" (default true when guid present without attribute). */
  idIsPermalink?: boolean;
  title?: string;
  /** Title as HTML when the feed marks it as such (atom type="html"), else undefined. */
  titleHtml?: string;
  /** Primary link (alternate), absolute. */
  link?: string;
  /** All links with rel and type. */
  links: { href: string; rel?: string; type?: string; title?: string }[];
  /** Short description / summary, HTML or text as given. */
  summary?: string;
  /** Full content (content:encoded, atom:content, content_html / content_text), HTML. */
  content?: string;
  /** Published date (pubDate, published, issued, dc:date, date_published). */
  published?: Date;
  publishedRaw?: string;
  /** Updated/modified date. */
  updated?: Date;
  updatedRaw?: string;
  authors: ParsedPerson[];
  categories: { term: string; scheme?: string; label?: string }[];
  media: ParsedMedia[];
  /** Comments URL, language, source feed etc. that may be useful. */
  language?: string;
  /** dc:rights / atom:rights */
  rights?: string;
  /** Base URL in effect for this item (xml:base), used to resolve relative URLs in HTML. */
  baseUrl?: string;
  /** What was cut or dropped to keep the item within its caps (limits.ts), for the operator. */
  capped?: string[];
}

export interface ParsedFeed {
  format: FeedFormat;
  /** e.g. "rss 2.0", "rss 0.91u", "rss 1.0", "atom 1.0", "atom 0.3", "json 1.1" */
  version: string;
  title?: string;
  link?: string;
  /** self link, hub, etc. */
  links: { href: string; rel?: string; type?: string }[];
  /** Read without a URL: the address the feed states for itself (stated-url.ts), which relative links resolved against. */
  statedUrl?: string;
  description?: string;
  language?: string;
  image?: { url: string; title?: string; link?: string };
  authors: ParsedPerson[];
  categories: { term: string; scheme?: string; label?: string }[];
  updated?: Date;
  generator?: string;
  rights?: string;
  /** RSS <ttl>, minutes. */
  ttlMinutes?: number;
  /** RSS <skipHours> (0–23, UTC) and <skipDays> (Monday…Sunday). */
  skipHours: number[];
  skipDays: string[];
  items: ParsedItem[];
  /** Character encoding the document was read in (utf-8, windows-1252, utf-16le, …). */
  encoding?: string;
  /** True when the document was not well-formed / valid and we recovered (feedparser's "bozo"). */
  bozo: boolean;
  /** Human-readable reasons for bozo, first one first. */
  bozoReasons: string[];
  /** What was cut or dropped from the feed's own fields to keep them within their caps (limits.ts). */
  capped?: string[];
}

/** Thrown when the input is not a feed we can read at all (not XML/JSON, or no feed root). */
export class FeedParseError extends Error {
  constructor(
    message: string,
    public readonly detail?: string,
  ) {
    super(message);
    this.name = 'FeedParseError';
  }
}

export interface ParseOptions {
  /** URL the document was fetched from: base for relative URLs. */
  url?: string;
  /** Charset from the HTTP Content-Type header, if any. */
  httpCharset?: string;
  /** Content-Type from the HTTP response, if any. */
  contentType?: string;
  /** What a gzip-compressed document may inflate to (gzip.ts; default MAX_INFLATED_BYTES). */
  maxBytes?: number;
}
