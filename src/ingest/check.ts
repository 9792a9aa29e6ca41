// `feeds check`: fetch (or read) one feed, parse and process it exactly as a
// refresh would, and report what would be stored, without storing anything.
// Each article carries the notes processing made (a date replaced by the fetch
// time, a field cut to its cap), so the operator sees why it looks as it does.
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fetchPage } from './fetch/fetch-page.ts';
import type { Fetcher } from './fetch/types.ts';
import { clip } from './parse/limits.ts';
import { parseFeed } from './parse/parse-feed.ts';
import type { ParsedFeed } from './parse/types.ts';
import { processItem } from './process/process-item.ts';
import type { FullTextMode, ProcessedItem } from './process/types.ts';

export interface CheckReport {
  source: string;
  fetch?: {
    finalUrl: string;
    httpStatus: number;
    bytes: number;
    contentType?: string;
    elapsedMs: number;
    permanentUrl?: string;
  };
  feed: Pick<
    ParsedFeed,
    'format' | 'version' | 'title' | 'link' | 'description' | 'language' | 'bozo' | 'bozoReasons' | 'ttlMinutes'
  > & { notes: string[] };
  articles: ProcessedItem[];
  skipped: { index: number; reason: string }[];
}

/** The schemes `feeds check` fetches; feed: is the old feed-reader scheme (feed://host/x, feed:https://host/x). */
export const CHECK_SCHEMES = ['http', 'https', 'feed'] as const;
const SCHEME_LIST = `${CHECK_SCHEMES.slice(0, -1).join(', ')} or ${CHECK_SCHEMES[CHECK_SCHEMES.length - 1]}`;

/** A source `feeds check` cannot read: an unsupported URL scheme, a missing or unreadable file. */
export class CheckSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckSourceError';
  }
}

/**
 * What `source` is: a URL to fetch (feed: rewritten to http(s)), or a file path.
 * Anything written as scheme://… with another scheme is refused rather than read
 * as a path ("gopher://host/feed" is not a file name anyone means), and so is
 * scheme:… when no file of that name exists. One-letter schemes are left alone:
 * C:\feeds\x.xml is a path.
 */
export async function checkSource(source: string): Promise<{ url: string } | { file: string }> {
  if (/^https?:\/\//i.test(source)) return { url: source };
  if (/^feed:/i.test(source)) {
    const rest = source.slice(5);
    if (/^https?:\/\//i.test(rest)) return { url: rest };
    if (rest.startsWith('//')) return { url: `https:${rest}` };
    throw new CheckSourceError(
      `${clip(source, 200)}: a feed: URL is written feed://host/path or feed:https://host/path`,
    );
  }
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(source)?.[1];
  const exists = await fs.stat(source).then(
    () => true,
    () => false,
  );
  if (scheme && (source.startsWith(`${scheme}://`) || !exists)) {
    throw new CheckSourceError(
      `${clip(source, 200)}: unsupported URL scheme "${clip(scheme.toLowerCase(), 40)}:"; feeds check fetches ${SCHEME_LIST} URLs, or reads a feed file given as a path`,
    );
  }
  return { file: source };
}

async function readSource(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new CheckSourceError(`no such file: ${file} (give an ${SCHEME_LIST} URL, or the path of a feed file)`);
    if (code === 'EISDIR') throw new CheckSourceError(`${file} is a directory, not a feed file`);
    if (code === 'EACCES' || code === 'EPERM') throw new CheckSourceError(`cannot read ${file}: permission denied`);
    throw new CheckSourceError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

export async function checkFeed(
  source: string,
  deps: { fetcher: Fetcher; now: number; fullText?: FullTextMode; allowPrivate?: boolean },
): Promise<CheckReport> {
  const where = await checkSource(source);
  let body: Buffer;
  let fetchInfo: CheckReport['fetch'];
  let baseUrl: string;
  let charset: string | undefined;
  let contentType: string | undefined;
  if ('url' in where) {
    const res = await deps.fetcher.fetch({ url: where.url, allowPrivate: deps.allowPrivate });
    if (res.status !== 'ok') throw new Error(`unexpected ${res.httpStatus} without a body`);
    body = res.body;
    baseUrl = res.finalUrl;
    charset = res.charset;
    contentType = res.contentType;
    fetchInfo = {
      finalUrl: res.finalUrl,
      httpStatus: res.httpStatus,
      bytes: res.body.length,
      contentType: res.contentType,
      elapsedMs: Math.round(res.elapsedMs),
      permanentUrl: res.permanentUrl,
    };
  } else {
    body = await readSource(where.file);
    // A real file: URL (file://notes:feed.xml would make "notes" a host and every link unresolvable).
    baseUrl = pathToFileURL(path.resolve(where.file)).href;
  }
  const isUrl = 'url' in where;
  const parsed = parseFeed(body, { url: isUrl ? baseUrl : undefined, httpCharset: charset, contentType });
  const articles: ProcessedItem[] = [];
  const skipped: CheckReport['skipped'] = [];
  // A file: links resolve against the address the feed states for itself, if it states one.
  const feedUrl = parsed.statedUrl ?? baseUrl;
  const notes = [...(parsed.capped ?? [])];
  if (parsed.statedUrl) notes.push(`read from a file: relative links resolved against ${parsed.statedUrl}`);
  for (const [index, item] of parsed.items.entries()) {
    const out = await processItem(item, {
      feedUrl,
      feedLanguage: parsed.language,
      fullText: deps.fullText ?? 'never',
      now: deps.now,
      fetchPage: isUrl
        ? (url) => fetchPage(deps.fetcher, url, { allowPrivate: deps.allowPrivate }).catch(() => null)
        : undefined,
    });
    if ('skipped' in out) skipped.push({ index, reason: out.skipped });
    else articles.push(out);
  }
  if (!isUrl && !parsed.statedUrl && skipped.some((s) => /usable http/.test(s.reason)))
    notes.push(
      'read from a file that states no address of its own (no self link, site link or xml:base): relative links cannot be resolved',
    );
  const { format, version, title, link, description, language, bozo, bozoReasons, ttlMinutes } = parsed;
  return {
    source,
    fetch: fetchInfo,
    feed: {
      format,
      version,
      title,
      link,
      description,
      language,
      bozo,
      bozoReasons,
      ttlMinutes,
      notes,
    },
    articles,
    skipped,
  };
}
