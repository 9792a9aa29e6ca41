// When to fetch a feed again: pure arithmetic over what the feed told us.
// Adaptive: a feed that publishes every ten minutes is fetched every five; one
// that publishes weekly, a few times a day. The feed's own hints (ttl,
// Cache-Control max-age) are floors: we never ask more often than the
// publisher wants, except that our own maximum interval always wins.

export interface Bounds {
  minS: number;
  maxS: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** How many recent items the publishing rate is estimated from. */
export const RECENT_ITEMS = 10;
/** Growth when a fetch brings nothing new. */
export const QUIET_GROWTH = 1.5;

/**
 * The next polling interval, in seconds.
 *
 * - Rate: half the mean gap between the (up to 10) most recent distinct item
 *   times, averaged with the previous interval so one burst or lull does not
 *   swing it. Fewer than two distinct times give no rate.
 * - New items: never longer than before; the smoothed rate when there is one,
 *   else half the previous interval.
 * - Nothing new: at least 1.5 × the previous interval, more if the rate says so.
 * - ttl (minutes) and max-age (seconds) are floors; then the result is clamped
 *   to bounds, so a ttl above maxS gives maxS.
 */
export function nextInterval(input: {
  previousIntervalS: number;
  newItems: number;
  /** Publish times of recent items, ms, any order. */
  itemTimestamps: number[];
  ttlMinutes?: number;
  maxAgeS?: number;
  bounds: Bounds;
}): number {
  const { bounds } = input;
  const previous =
    input.previousIntervalS > 0 && Number.isFinite(input.previousIntervalS) ? input.previousIntervalS : bounds.minS;
  const times = [...new Set(input.itemTimestamps.filter(Number.isFinite))].sort((a, b) => b - a).slice(0, RECENT_ITEMS);
  const rateTarget = times.length >= 2 ? (times[0]! - times.at(-1)!) / (times.length - 1) / 1000 / 2 : undefined;
  const smoothed = rateTarget === undefined ? undefined : (rateTarget + previous) / 2;

  let target: number;
  if (input.newItems > 0) target = smoothed === undefined ? previous / 2 : Math.min(previous, smoothed);
  else target = Math.max(previous * QUIET_GROWTH, smoothed ?? 0);

  const ttlS = input.ttlMinutes !== undefined && input.ttlMinutes > 0 ? input.ttlMinutes * 60 : 0;
  const maxAgeS = input.maxAgeS !== undefined && input.maxAgeS > 0 ? input.maxAgeS : 0;
  return Math.round(clamp(Math.max(target, ttlS, maxAgeS), bounds.minS, bounds.maxS));
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * Moves a fetch time (ms) out of RSS skipHours (UTC hours 0–23; 24 read as 0)
 * and skipDays (English day names, UTC), to the start of the first hour
 * allowed. A rule that would skip every hour, or every day, is ignored on its
 * own; the other still applies.
 */
export function applySkip(nextAt: number, skipHours: number[], skipDays: string[]): number {
  let hours = new Set(skipHours.filter((h) => Number.isInteger(h) && h >= 0 && h <= 24).map((h) => h % 24));
  let days = new Set(skipDays.map((d) => DAYS.indexOf(String(d).trim().toLowerCase())).filter((d) => d >= 0));
  if (hours.size >= 24) hours = new Set();
  if (days.size >= 7) days = new Set();
  if (hours.size === 0 && days.size === 0) return nextAt;
  let t = nextAt;
  // At most 6 skipped days plus 23 skipped hours lie ahead of an allowed hour.
  for (let i = 0; i < 24 * 8; i++) {
    const d = new Date(t);
    if (!hours.has(d.getUTCHours()) && !days.has(d.getUTCDay())) return t;
    t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
  }
  return nextAt;
}

/**
 * Delay before retrying a failing feed: minS × 2^(n-1) after n consecutive
 * failures, capped at maxS, no jitter. 429 and 503 are the server asking us to
 * slow down: they start one step further along (2 × minS). Retry-After is a
 * floor, itself capped at maxS.
 */
export function failureBackoff(input: {
  consecutiveFailures: number;
  retryAfterS?: number;
  httpStatus?: number;
  bounds: Bounds;
}): { delayS: number } {
  const n = Number.isFinite(input.consecutiveFailures) ? Math.max(1, Math.floor(input.consecutiveFailures)) : 1;
  const { minS, maxS } = input.bounds;
  const step = input.httpStatus === 429 || input.httpStatus === 503 ? n : n - 1;
  const backoff = Math.min(maxS, minS * 2 ** Math.min(step, 40));
  const floor = input.retryAfterS !== undefined && input.retryAfterS > 0 ? Math.min(input.retryAfterS, maxS) : 0;
  return { delayS: Math.round(Math.max(backoff, floor)) };
}

/** Failure kinds that will not fix themselves. */
export const PERMANENT_FAILURES: ReadonlySet<string> = new Set([
  'http-404',
  'http-410',
  'blocked-address',
  'invalid-url',
]);

/**
 * Park a feed (stop fetching it until someone looks) after parkAfter
 * consecutive failures; after min(parkAfter, 3) when the last failure is
 * permanent (HTTP 404 or 410, a blocked address, an invalid URL), so a gone
 * feed is not retried for days but one bad response does not park it.
 */
export function shouldPark(consecutiveFailures: number, parkAfter: number, kind?: string): boolean {
  if (!(consecutiveFailures >= 1)) return false;
  const limit = kind && PERMANENT_FAILURES.has(kind) ? Math.min(parkAfter, 3) : parkAfter;
  return consecutiveFailures >= limit;
}
