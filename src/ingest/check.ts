// `feeds check`: fetch (or read) one feed, parse and process it exactly as a
// refresh would, and report what would be stored, without storing anything.
import fs from 'node:fs/promises';
import { fetchPage } from './fetch/fetch-page.ts';
import type { Fetcher } from './fetch/types.ts';
import { parseFeed } from './parse/parse-feed.ts';
import type { ParsedFeed } from './parse/types.ts';
import { processItem } from './process/process-item.ts';
import type { FullTextMode, ProcessedArticle } from './process/types.ts';

export interface CheckReport {
  source: string;
  fetch?: { finalUrl: string; httpStatus: number; bytes: number; contentType?: string; elapsedMs: number; permanentUrl?: string };
  feed: Pick<ParsedFeed, 'format' | 'version' | 'title' | 'link' | 'description' | 'language' | 'bozo' | 'bozoReasons' | 'ttlMinutes'>;
  articles: ProcessedArticle[];
  skipped: { index: number; reason: string }[];
}

export async function checkFeed(
  source: string,
  deps: { fetcher: Fetcher; now: number; fullText?: FullTextMode; allowPrivate?: boolean },
): Promise<CheckReport> {
  const isUrl = /^(https?|feed):\/\//i.test(source);
  let body: Buffer;
  let fetchInfo: CheckReport['fetch'];
  let baseUrl: string;
  let charset: string | undefined;
  let contentType: string | undefined;
  if (isUrl) {
    const res = await deps.fetcher.fetch({ url: source.replace(/^feed:\/\//i, 'https://'), allowPrivate: deps.allowPrivate });
    if (res.status !== 'ok') throw new Error(`unexpected ${res.httpStatus} without a body`);
    body = res.body;
    baseUrl = res.finalUrl;
    charset = res.charset;
    contentType = res.contentType;
    fetchInfo = { finalUrl: res.finalUrl, httpStatus: res.httpStatus, bytes: res.body.length, contentType: res.contentType, elapsedMs: Math.round(res.elapsedMs), permanentUrl: res.permanentUrl };
  } else {
    body = await fs.readFile(source);
    baseUrl = `file://${source}`;
  }
  const parsed = parseFeed(body, { url: isUrl ? baseUrl : undefined, httpCharset: charset, contentType });
  const articles: ProcessedArticle[] = [];
  const skipped: CheckReport['skipped'] = [];
  for (const [index, item] of parsed.items.entries()) {
    const out = await processItem(item, {
      feedUrl: baseUrl,
      feedLanguage: parsed.language,
      fullText: deps.fullText ?? 'never',
      now: deps.now,
      fetchPage: isUrl ? (url) => fetchPage(deps.fetcher, url, { allowPrivate: deps.allowPrivate }).catch(() => null) : undefined,
    });
    if ('skipped' in out) skipped.push({ index, reason: out.skipped });
    else articles.push(out);
  }
  const { format, version, title, link, description, language, bozo, bozoReasons, ttlMinutes } = parsed;
  return { source, fetch: fetchInfo, feed: { format, version, title, link, description, language, bozo, bozoReasons, ttlMinutes }, articles, skipped };
}
