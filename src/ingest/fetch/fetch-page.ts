// Fetches an article page as text, for full-text extraction and og:image.
import iconv from 'iconv-lite';
import type { Fetcher } from './types.ts';

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

export async function fetchPage(fetcher: Fetcher, url: string, opts: { allowPrivate?: boolean; maxBytes?: number; timeoutMs?: number } = {}): Promise<{ url: string; html: string } | null> {
  const res = await fetcher.fetch({ url, accept: HTML_ACCEPT, allowPrivate: opts.allowPrivate, maxBytes: opts.maxBytes ?? 5 * 1024 * 1024, timeoutMs: opts.timeoutMs });
  if (res.status !== 'ok') return null;
  const type = (res.contentType ?? 'text/html').toLowerCase();
  if (!type.includes('html') && !type.includes('xml')) return null;
  return { url: res.finalUrl, html: decodeHtml(res.body, res.charset) };
}

/** Bytes → text: BOM, then the HTTP charset, then <meta charset>, then UTF-8. */
export function decodeHtml(body: Buffer, httpCharset?: string): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString('utf8');
  const head = body.subarray(0, 2048).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  const charset = (httpCharset ?? meta ?? 'utf-8').toLowerCase();
  if (charset === 'utf-8' || charset === 'utf8' || !iconv.encodingExists(charset)) return body.toString('utf8');
  return iconv.decode(body, charset);
}
