// Runs feedparser's test corpus against our parser. Each file carries a Python
// `Expect:` expression over feedparser's result; we evaluate the ones we can
// against a view of our ParsedFeed shaped like feedparser's keys. Anything
// that names a key we do not model, calls a function other than len(), or
// checks feedparser's own sanitiser output is "not applicable", never a pass.
//
// Mapping (feedparser → ours): feed.title/title_detail.value → title (HTML
// form when the feed marked it html); subtitle/tagline/description →
// description; rights/copyright → rights; links[].href/rel/type/title;
// author ("name (email)"), author_detail.name/email/href; *_parsed → the
// date as a UTC 9-tuple; entries[].summary/description → summary (or
// content); content[0].value → content; tags[].term/scheme/label;
// enclosures[].href/length/type; id; guidislink; *_detail.type → text/html
// when we kept a title as HTML, else text/plain (titles only); encoding →
// ParsedFeed.encoding, compared as charsets (latin-1 and us-ascii are both read
// as windows-1252, as browsers do). Not modelled, so n/a: the language and base
// of each text field (*_detail.language/base), contributors, atom:source, geo,
// podlove chapters, cloud, textinput, itunes_* flags.
import fs from 'node:fs';
import path from 'node:path';
import { parseFeed } from '../ingest/parse/parse-feed.ts';
import {
  FeedParseError,
  type ParseOptions,
  type ParsedFeed,
  type ParsedItem,
  type ParsedPerson,
} from '../ingest/parse/types.ts';
import { Charset, evaluate, NotApplicable } from './feedparser-expr.ts';

function structTime(d: Date | undefined): number[] | undefined {
  if (!d) return undefined;
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - start) / 86_400_000) + 1;
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    (d.getUTCDay() + 6) % 7,
    yday,
    0,
  ];
}

function personString(p: ParsedPerson | undefined): string | undefined {
  if (!p) return undefined;
  return p.name && p.email ? `${p.name} (${p.email})` : (p.name ?? p.email);
}

function detail(p: ParsedPerson | undefined) {
  return p ? { name: p.name, email: p.email, href: p.url, url: p.url } : undefined;
}

const VERSIONS: Record<string, string> = {
  'rss 2.0': 'rss20',
  'rss 0.91u': 'rss091u',
  'rss 0.91n': 'rss091n',
  'rss 0.92': 'rss092',
  'rss 0.93': 'rss093',
  'rss 0.94': 'rss094',
  'rss 1.0': 'rss10',
  'rss 0.90': 'rss090',
  'atom 1.0': 'atom10',
  'atom 0.3': 'atom03',
  rss: 'rss',
  atom: 'atom',
  'json 1': 'json1',
  'json 1.1': 'json11',
};

export function feedparserView(f: ParsedFeed): Record<string, unknown> {
  const text = (value: string | undefined, more: Record<string, string | undefined> = {}) => ({ value, ...more });
  const entry = (i: ParsedItem) => {
    const summary = i.summary ?? i.content;
    return {
      title: i.titleHtml ?? i.title,
      title_detail: text(i.titleHtml ?? i.title, { type: i.titleHtml !== undefined ? 'text/html' : 'text/plain' }),
      link: i.link,
      links: i.links.map((l) => ({ href: l.href, rel: l.rel, type: l.type, title: l.title })),
      id: i.id,
      guidislink: i.idIsPermalink === true && !!i.id && i.link === i.id,
      summary,
      description: summary,
      summary_detail: text(summary),
      content: i.content !== undefined ? [{ value: i.content }] : [],
      published: i.publishedRaw,
      published_parsed: structTime(i.published),
      updated: i.updatedRaw ?? i.publishedRaw,
      updated_parsed: structTime(i.updated ?? i.published),
      author: personString(i.authors[0]),
      author_detail: detail(i.authors[0]),
      authors: i.authors.map(detail),
      tags: i.categories.map((c) => ({ term: c.term, scheme: c.scheme ?? null, label: c.label ?? null })),
      category: i.categories[0]?.term,
      enclosures: i.media
        .filter((m) => m.source === 'enclosure' || m.source === 'attachment')
        .map((m) => ({ href: m.url, length: m.length === undefined ? undefined : String(m.length), type: m.type })),
      media_content: i.media
        .filter((m) => m.source === 'media:content')
        .map((m) => ({ url: m.url, type: m.type, medium: m.medium })),
      media_thumbnail: i.media.filter((m) => m.source === 'media:thumbnail').map((m) => ({ url: m.url })),
      rights: i.rights,
    };
  };
  return {
    bozo: f.bozo,
    ...(f.encoding ? { encoding: new Charset(f.encoding) } : {}),
    version: VERSIONS[f.version] ?? f.version,
    feed: {
      title: f.title,
      title_detail: text(f.title),
      subtitle: f.description,
      tagline: f.description,
      description: f.description,
      subtitle_detail: text(f.description),
      tagline_detail: text(f.description),
      rights: f.rights,
      copyright: f.rights,
      link: f.link,
      links: f.links.map((l) => ({ href: l.href, rel: l.rel, type: l.type })),
      language: f.language,
      author: personString(f.authors[0]),
      author_detail: detail(f.authors[0]),
      updated_parsed: structTime(f.updated),
      image: f.image ? { href: f.image.url, url: f.image.url, title: f.image.title, link: f.image.link } : undefined,
      tags: f.categories.map((c) => ({ term: c.term, scheme: c.scheme ?? null, label: c.label ?? null })),
      generator: f.generator,
      ttl: f.ttlMinutes === undefined ? undefined : String(f.ttlMinutes),
    },
    entries: f.items.map(entry),
  };
}

export type Outcome = 'pass' | 'fail' | 'n/a';

export interface FileResult {
  file: string;
  folder: string;
  outcome: Outcome;
  expect: string;
  reason?: string;
  ms: number;
}

export function readExpectation(raw: Buffer): string | null {
  const head = raw.subarray(0, 4096);
  let text = head.toString('utf8');
  if (head[0] === 0xff || head[0] === 0xfe || head[0] === 0 || head[1] === 0)
    text = head.toString('utf16le').includes('Expect')
      ? head.toString('utf16le')
      : head.toString('latin1').replace(/\0/g, '');
  text = text.replace(/\0/g, '');
  // After "Expect:", to the first "-->" (there or after whitespace) or a quote ending the line; indexOf, as a lazy pattern rescanned the file per "Expect:".
  for (let at = text.indexOf('Expect:'); at >= 0; at = text.indexOf('Expect:', at + 1)) {
    const rest = text.slice(at + 7);
    const nl = rest.search(/[\n\r\u2028\u2029]/);
    const line = nl < 0 ? rest : rest.slice(0, nl);
    const quote = line.lastIndexOf('"');
    const ends = [
      line.indexOf('-->'),
      quote >= 0 && ['', ','].includes(line.slice(quote + 1).trim()) ? quote : -1,
      nl >= 0 && rest.slice(nl).trimStart().startsWith('-->') ? line.length : -1,
    ];
    if (ends.some((e) => e >= 0)) return line.slice(0, Math.min(...ends.filter((e) => e >= 0))).trim();
  }
  return null;
}

/** The options feedparser's runner would give: HTTP cases are served by its mock at this address, with the file's Header: lines. */
export function corpusOptions(raw: Buffer, rel: string): ParseOptions {
  if (!rel.includes('http')) return {};
  const docUrl = `http://127.0.0.1:8097/tests/${rel}`;
  const lines = raw
    .subarray(0, 4096)
    .toString('latin1')
    .split(/\r\n|[\n\r]/)
    .filter((l) => /^Header:\s/.test(l) && l.indexOf(':', 8) > 8);
  const headers: Record<string, string> = Object.fromEntries(
    lines.map((l) => [l.slice(7, l.indexOf(':', 8)).trim().toLowerCase(), l.slice(l.indexOf(':', 8) + 1).trim()]),
  );
  const contentType = headers['content-type'] ?? 'text/xml';
  const location = headers['content-location'];
  return {
    url: location ? new URL(location, docUrl).href : docUrl,
    contentType,
    httpCharset: /charset=([^;\s]+)/i.exec(contentType)?.[1],
  };
}

/** Judges one file's expectation against what a parser made of it (or the error it gave). */
export function judge(
  rel: string,
  expect: string,
  parsed: ParsedFeed | null,
  parseError: string | undefined,
  ms: number,
): FileResult {
  const folder = path.dirname(rel);
  if (!expect) return { file: rel, folder, outcome: 'n/a', expect, reason: 'no Expect', ms };
  // Expectations that test feedparser's own HTML sanitiser: our sanitising policy is ours, tested in process/.
  if (folder.startsWith('wellformed/sanitize'))
    return { file: rel, folder, outcome: 'n/a', expect, reason: 'feedparser-specific', ms };
  // CDF (Microsoft's Channel Definition Format, 1997) is not a format publishers use; we do not read it.
  if (folder.startsWith('wellformed/cdf'))
    return { file: rel, folder, outcome: 'n/a', expect, reason: 'CDF is not supported', ms };
  if (!parsed)
    return {
      file: rel,
      folder,
      outcome: /^bozo\b/.test(expect) ? 'n/a' : 'fail',
      expect,
      reason: `parse error: ${parseError}`,
      ms,
    };
  try {
    const ok = evaluate(expect, feedparserView(parsed));
    return {
      file: rel,
      folder,
      outcome: ok ? 'pass' : 'fail',
      expect,
      reason: ok
        ? undefined
        : parsed.bozo && /not bozo/.test(expect)
          ? `bozo: ${parsed.bozoReasons[0]}`
          : 'value differs',
      ms,
    };
  } catch (e) {
    if (e instanceof NotApplicable) return { file: rel, folder, outcome: 'n/a', expect, reason: e.message, ms };
    throw e;
  }
}

/** Runs one corpus file through our parser. Errors other than FeedParseError propagate (they are bugs). */
export function runFile(file: string, root: string): FileResult {
  const raw = fs.readFileSync(file);
  const rel = path.relative(root, file);
  const expect = readExpectation(raw) ?? '';
  const started = performance.now();
  let parsed: ParsedFeed | null = null;
  let parseError: string | undefined;
  try {
    parsed = parseFeed(raw, corpusOptions(raw, rel));
  } catch (e) {
    if (!(e instanceof FeedParseError)) throw e;
    parseError = e.message;
  }
  return judge(rel, expect, parsed, parseError, performance.now() - started);
}

export function listCorpus(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(xml|json)$/.test(e.name)) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}
