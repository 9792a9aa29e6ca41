// When to fetch a feed again: pure arithmetic over what the feed told us.
// Adaptive: a feed that publishes every ten minutes is fetched every five; one
// that publishes weekly, a few times a day. The feed's own hints (ttl,
// Cache-Control) are floors: we never ask more often than the publisher wants.

export interface Bounds {
  minS: number;
  maxS: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

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
  const times = [...input.itemTimestamps].filter(Number.isFinite).sort((a, b) => b - a).slice(0, 10);
  let target: number;
  if (times.length >= 2) {
    // Half the mean gap between recent items: on average we see an item within half a gap of its publication.
    const meanGapS = (times[0]! - times.at(-1)!) / (times.length - 1) / 1000;
    const estimate = meanGapS / 2;
    // Smooth against the previous interval so one burst or lull does not swing it wildly.
    target = input.newItems > 0 ? Math.min(estimate, (estimate + input.previousIntervalS) / 2) : (estimate + input.previousIntervalS * 1.5) / 2;
  } else {
    target = input.newItems > 0 ? input.previousIntervalS / 2 : input.previousIntervalS * 1.5;
  }
  const floorS = Math.max(input.ttlMinutes ? input.ttlMinutes * 60 : 0, input.maxAgeS ?? 0);
  // Publisher hints are floors, but never beyond our own maximum.
  return Math.round(clamp(Math.max(target, Math.min(floorS, bounds.maxS)), bounds.minS, bounds.maxS));
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Moves a fetch time out of RSS skipHours (UTC) and skipDays; ignores rules that would skip everything. */
export function applySkip(nextAt: number, skipHours: number[], skipDays: string[]): number {
  const hours = new Set(skipHours.filter((h) => Number.isInteger(h) && h >= 0 && h <= 23));
  const days = new Set(skipDays.map((d) => DAYS.findIndex((x) => x.toLowerCase() === d.trim().toLowerCase())).filter((d) => d >= 0));
  if (hours.size >= 24 || days.size >= 7 || (hours.size === 0 && days.size === 0)) return nextAt;
  let t = nextAt;
  for (let i = 0; i < 24 * 8; i++) {
    const d = new Date(t);
    if (!hours.has(d.getUTCHours()) && !days.has(d.getUTCDay())) return t;
    // Jump to the start of the next hour.
    t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
  }
  return nextAt;
}

/** Exponential back-off after consecutive failures, deterministic; Retry-After is a floor. */
export function failureBackoff(input: { consecutiveFailures: number; retryAfterS?: number; httpStatus?: number; bounds: Bounds }): { delayS: number } {
  const n = Math.max(1, input.consecutiveFailures);
  const { minS, maxS } = input.bounds;
  // 429 and 503 are the server asking us to slow down: start one step further along.
  const step = input.httpStatus === 429 || input.httpStatus === 503 ? n : n - 1;
  const backoff = Math.min(maxS, minS * 2 ** Math.min(step, 30));
  const floor = input.retryAfterS ? Math.min(input.retryAfterS, maxS) : 0;
  return { delayS: Math.round(Math.max(backoff, floor)) };
}

/** Errors that will not fix themselves: the feed is parked sooner (after min(N, 3) tries). */
const PERMANENT = new Set(['http-404', 'http-410', 'blocked-address', 'invalid-url']);

export function shouldPark(consecutiveFailures: number, parkAfter: number, kind?: string): boolean {
  const limit = kind && PERMANENT.has(kind) ? Math.min(parkAfter, 3) : parkAfter;
  return consecutiveFailures >= limit;
}
