// How much of a feed we are willing to read, in one table. A feed is someone
// else's text (one long author name once held the process, docs/security.md), so
// every field is cut to a size suited to it as the parsers build the
// ParsedFeed (parseFeed), and again, idempotently, when processItem starts
// (the push API builds ParsedItems without parsing a feed).
//
//   field                                  cap (characters)   when longer
//   item content (body HTML)               2,000,000          cut
//   item summary (often the whole body)    1,000,000          cut
//   titles (item, feed, media, link)       4,096              cut
//   id / guid                              2,048              cut (still a usable identity)
//   every URL (link, links, media, author,
//     image, xml:base)                     4,096              dropped: a cut URL is a wrong one
//   author name                            256                cut
//   author email                           320                cut
//   category term, label                   256                cut
//   category scheme                        1,024              cut
//   media caption (media:description)      4,096              cut
//   media credit                           512                cut
//   MIME type, medium, rel, language       64                 cut
//   rights                                 4,096              cut
//   raw date strings                       256                cut (no date is longer)
//   feed description                       65,536             cut
//   generator, version                     512 / 64           cut
//   bozo reasons                           300 each           cut
//
//   per item: 20 authors, 100 categories, 50 media, 50 links; per feed: 20 authors, 100 categories.
//
// What processing makes of a capped item has caps of its own (ARTICLE_CAPS below):
// they bound what is stored, and they are what the fuzz test (hostile-fields.test.ts)
// holds the pipeline to.
//
//   article field                          cap
//   title                                  500 characters (with "…")
//   standfirst                             60 words, 1,000 characters
//   authors                                10, of 80 characters each
//   categories                             20, of 80 characters each
//   image caption / credit                 1,000 / 300 characters
//   url, image url, guid                   8,192 characters (longer: not usable)
//   bodyHtml (sanitised)                   4,000,000 characters; bodyText is shorter still
//   body markup before any HTML parser     256 deep, 30,000 elements (the rest unwrapped, text kept)

import type { ParsedFeed, ParsedItem, ParsedMedia, ParsedPerson } from './types.ts';

export const FIELD_CAPS = {
  content: 2_000_000,
  summary: 1_000_000,
  title: 4_096,
  id: 2_048,
  url: 4_096,
  personName: 256,
  email: 320,
  categoryTerm: 256,
  categoryLabel: 256,
  scheme: 1_024,
  caption: 4_096,
  credit: 512,
  token: 64,
  rights: 4_096,
  date: 256,
  feedDescription: 65_536,
  generator: 512,
  version: 64,
  reason: 300,
} as const;

export const COUNT_CAPS = { authors: 20, categories: 100, media: 50, links: 50, reasons: 10 } as const;

/** Caps on a processed article (what is stored and shown). */
export const ARTICLE_CAPS = {
  title: 500,
  standfirst: 1_000,
  author: 80,
  authors: 10,
  category: 80,
  categories: 20,
  caption: 1_000,
  credit: 300,
  /** Canonical URLs may grow when URL percent-encodes what the feed wrote raw. */
  url: 8_192,
  /** The item's id (FIELD_CAPS.id), else its canonical URL. */
  guid: 8_192,
  language: FIELD_CAPS.token,
  /** Sanitised body HTML: the sanitiser adds attributes (rel, loading, sandbox), so it may outgrow the raw body a little. */
  bodyHtml: 4_000_000,
} as const;

/**
 * Markup nested deeper than this, or beyond this many elements, is unwrapped (its text kept)
 * before any HTML parser sees it (process/html-limits.ts): the parsers' cost grows with depth,
 * the sanitiser's with elements. The article-extraction corpus peaks at depth 51 and ~1,600 elements.
 */
export const MAX_HTML_DEPTH = 256;
export const MAX_HTML_ELEMENTS = 30_000;

/** `s` cut to at most `max` UTF-16 units, never between the two halves of a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Like cut, with an ellipsis to show that something is missing (plain text only). */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${cut(s, max - 1).trimEnd()}…`;
}

type Capped = { capped: Set<string> };

function text(v: string | undefined, max: number, name: string, c: Capped): string | undefined {
  if (v === undefined || v.length <= max) return v;
  c.capped.add(`${name} was longer than ${max.toLocaleString('en')} characters and was cut`);
  return cut(v, max);
}

function url(v: string | undefined, name: string, c: Capped): string | undefined {
  if (v === undefined || v.length <= FIELD_CAPS.url) return v;
  c.capped.add(`${name} was longer than ${FIELD_CAPS.url.toLocaleString('en')} characters and was dropped`);
  return undefined;
}

function list<T>(v: T[], max: number, name: string, c: Capped): T[] {
  if (v.length <= max) return v;
  c.capped.add(`only the first ${max} ${name} were kept`);
  return v.slice(0, max);
}

function person(p: ParsedPerson, c: Capped): ParsedPerson {
  return {
    name: text(p.name, FIELD_CAPS.personName, 'an author name', c),
    email: text(p.email, FIELD_CAPS.email, 'an author email', c),
    url: url(p.url, 'an author URL', c),
  };
}

function category(k: ParsedItem['categories'][number], c: Capped): ParsedItem['categories'][number] {
  return {
    term: text(k.term, FIELD_CAPS.categoryTerm, 'a category', c)!,
    scheme: text(k.scheme, FIELD_CAPS.scheme, 'a category scheme', c),
    label: text(k.label, FIELD_CAPS.categoryLabel, 'a category label', c),
  };
}

function media(m: ParsedMedia, c: Capped): ParsedMedia | undefined {
  const u = url(m.url, 'a media URL', c);
  if (u === undefined) return undefined;
  return {
    ...m,
    url: u,
    type: text(m.type, FIELD_CAPS.token, 'a media type', c),
    medium: text(m.medium, FIELD_CAPS.token, 'a media medium', c),
    title: text(m.title, FIELD_CAPS.title, 'a media title', c),
    caption: text(m.caption, FIELD_CAPS.caption, 'a media caption', c),
    credit: text(m.credit, FIELD_CAPS.credit, 'a media credit', c),
  };
}

function links<L extends { href: string; rel?: string; type?: string; title?: string }>(v: L[], c: Capped): L[] {
  const out: L[] = [];
  for (const l of list(v, COUNT_CAPS.links, 'links', c)) {
    const href = url(l.href, 'a link', c);
    if (href === undefined) continue;
    out.push({
      ...l,
      href,
      rel: text(l.rel, FIELD_CAPS.token, 'a link rel', c),
      type: text(l.type, FIELD_CAPS.token, 'a link type', c),
      title: text(l.title, FIELD_CAPS.title, 'a link title', c),
    });
  }
  return out;
}

/**
 * The item with every field within FIELD_CAPS and COUNT_CAPS. Idempotent and
 * cheap on an item that is already within them. What was cut or dropped is
 * listed in `capped` (processing turns it into notes for the operator).
 */
export function capItem(item: ParsedItem): ParsedItem {
  const c: Capped = { capped: new Set(item.capped) };
  const out: ParsedItem = {
    ...item,
    id: text(item.id, FIELD_CAPS.id, 'the id', c),
    title: text(item.title, FIELD_CAPS.title, 'the title', c),
    titleHtml: text(item.titleHtml, FIELD_CAPS.title, 'the title', c),
    link: url(item.link, 'the link', c),
    links: links(item.links, c),
    summary: text(item.summary, FIELD_CAPS.summary, 'the summary', c),
    content: text(item.content, FIELD_CAPS.content, 'the content', c),
    publishedRaw: text(item.publishedRaw, FIELD_CAPS.date, 'the published date', c),
    updatedRaw: text(item.updatedRaw, FIELD_CAPS.date, 'the updated date', c),
    authors: list(item.authors, COUNT_CAPS.authors, 'authors', c).map((p) => person(p, c)),
    categories: list(item.categories, COUNT_CAPS.categories, 'categories', c).map((k) => category(k, c)),
    media: list(item.media, COUNT_CAPS.media, 'media', c).flatMap((m) => media(m, c) ?? []),
    language: text(item.language, FIELD_CAPS.token, 'the language', c),
    rights: text(item.rights, FIELD_CAPS.rights, 'the rights', c),
    baseUrl: url(item.baseUrl, 'the base URL', c),
  };
  if (c.capped.size) out.capped = [...c.capped];
  return out;
}

/** The feed with its own fields and every item's within the caps. */
export function capFeed(feed: ParsedFeed): ParsedFeed {
  const c: Capped = { capped: new Set(feed.capped) };
  const image = feed.image && url(feed.image.url, 'the feed image', c);
  const out: ParsedFeed = {
    ...feed,
    version: cut(feed.version, FIELD_CAPS.version),
    title: text(feed.title, FIELD_CAPS.title, 'the feed title', c),
    link: url(feed.link, 'the feed link', c),
    links: links(feed.links, c),
    statedUrl: url(feed.statedUrl, "the feed's own address", c),
    description: text(feed.description, FIELD_CAPS.feedDescription, 'the feed description', c),
    language: text(feed.language, FIELD_CAPS.token, 'the feed language', c),
    image: image
      ? {
          url: image,
          title: text(feed.image!.title, FIELD_CAPS.title, 'the feed image title', c),
          link: url(feed.image!.link, 'the feed image link', c),
        }
      : undefined,
    authors: list(feed.authors, COUNT_CAPS.authors, 'feed authors', c).map((p) => person(p, c)),
    categories: list(feed.categories, COUNT_CAPS.categories, 'feed categories', c).map((k) => category(k, c)),
    generator: text(feed.generator, FIELD_CAPS.generator, 'the generator', c),
    rights: text(feed.rights, FIELD_CAPS.rights, 'the feed rights', c),
    skipHours: feed.skipHours.slice(0, 24),
    skipDays: feed.skipDays.slice(0, 7).map((d) => cut(d, 16)),
    encoding: feed.encoding === undefined ? undefined : cut(feed.encoding, FIELD_CAPS.token),
    bozoReasons: feed.bozoReasons.slice(0, COUNT_CAPS.reasons).map((r) => clip(r, FIELD_CAPS.reason)),
    items: feed.items.map(capItem),
  };
  if (c.capped.size) out.capped = [...c.capped];
  return out;
}
