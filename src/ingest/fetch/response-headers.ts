// Reading the response headers a polite fetcher acts on: how long the
// publisher says the feed stays fresh, when to come back after a 429/503,
// and which charset the body claims.
import type { IncomingHttpHeaders } from 'node:http';

/** One string per header (repeated headers joined with ", "), names lower-cased. */
export function flatHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Retry-After in seconds, from delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfter(value: string | undefined, now = Date.now()): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, Math.round((t - now) / 1000)) : undefined;
}

/**
 * Freshness lifetime in seconds: Cache-Control s-maxage, then max-age, then
 * Expires relative to Date (or now). No value for no-store / no-cache; an
 * unreadable Expires ("0", "-1") means already stale, so 0.
 */
export function maxAge(h: Record<string, string>, now = Date.now()): number | undefined {
  const cc = h['cache-control'] ?? '';
  if (/(^|[\s,])(no-store|no-cache)\b/i.test(cc)) return undefined;
  const m = /(?:^|[\s,])s-maxage\s*=\s*"?(\d+)/i.exec(cc) ?? /(?:^|[\s,])max-age\s*=\s*"?(\d+)/i.exec(cc);
  if (m) return Number(m[1]);
  if (h.expires !== undefined) {
    const t = Date.parse(h.expires);
    if (!Number.isFinite(t)) return 0;
    const date = h.date ? Date.parse(h.date) : NaN;
    const base = Number.isFinite(date) ? date : now;
    return Math.max(0, Math.round((t - base) / 1000));
  }
  return undefined;
}

/** The charset parameter of a Content-Type, lower-cased, unquoted. */
export function contentCharset(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const value = (m?.[1] ?? m?.[2])?.trim().toLowerCase();
  return value || undefined;
}
