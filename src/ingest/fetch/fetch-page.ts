// Fetches an article page as text, for full-text extraction and og:image.
import iconv from 'iconv-lite';
import type { Fetcher } from './types.ts';

export const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface FetchPageOptions {
  allowPrivate?: boolean;
  /** Defaults to 5 MB: an article page is far smaller than a feed may be. */
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * The page at `url` as HTML text, with the URL it ended up at after
 * redirects; null when the server answers with something that is not HTML
 * (a PDF, an image) or "not modified". Fetch failures throw FetchError.
 */
export async function fetchPage(
  fetcher: Fetcher,
  url: string,
  opts: FetchPageOptions = {},
): Promise<{ url: string; html: string } | null> {
  const res = await fetcher.fetch({
    url,
    accept: HTML_ACCEPT,
    allowPrivate: opts.allowPrivate,
    maxBytes: opts.maxBytes ?? 5 * 1024 * 1024,
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
  });
  if (res.status !== 'ok') return null;
  const type = (res.contentType ?? 'text/html').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return null;
  return { url: res.finalUrl, html: decodeHtml(res.body, res.charset) };
}

/** Bytes → text: a byte-order mark, then the HTTP charset, then <meta charset>, then UTF-8. */
export function decodeHtml(body: Buffer, httpCharset?: string): string {
  const bom = sniffBom(body);
  if (bom) return decode(body, bom) ?? body.toString('utf8');
  const candidates = [httpCharset, metaCharset(body), 'utf-8'];
  for (const label of candidates) {
    const text = label ? decode(body, label) : null;
    if (text !== null) return text;
  }
  return body.toString('utf8');
}

function sniffBom(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset a page declares in its first 2 KB: <meta charset> or the http-equiv Content-Type form. */
export function metaCharset(body: Buffer): string | undefined {
  const head = body.subarray(0, 2048).toString('latin1');
  return /<meta\s[^<>]*?\bcharset\s?=\s?["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/**
 * Decodes with the WHATWG label rules browsers use (TextDecoder: iso-8859-1
 * means windows-1252, and so on), falling back to iconv-lite for the few
 * labels ICU lacks; null for an unknown label. A declared UTF-16 in a page
 * without a BOM is a well-known lie: browsers read it as UTF-8, and so do we.
 */
function decode(body: Buffer, label: string): string | null {
  const name = /^utf-?16(le|be)?$/i.test(label) && !sniffBom(body) ? 'utf-8' : label;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(name);
  } catch {
    return iconv.encodingExists(name) ? iconv.decode(body, name) : null;
  }
  // Node 20's TextDecoder says "windows-1252" for iso-8859-1 yet decodes
  // strict Latin-1, turning curly quotes into control characters.
  if (decoder.encoding === 'windows-1252') return iconv.decode(body, 'win1252');
  return decoder.decode(body);
}
