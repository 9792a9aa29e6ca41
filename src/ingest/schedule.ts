// Turns a fetch outcome into the feed's next state: when to fetch again, its
// health, and whether to park it. The arithmetic lives in schedule-rules.ts
// (pure); this file maps it onto the feed row.
import type { FeedRow, FeedUpdate } from '../db/schema.ts';
import type { FetchNotModified, FetchOk } from './fetch/types.ts';
import type { ParsedFeed } from './parse/types.ts';
import { applySkip, failureBackoff, nextInterval, shouldPark } from './schedule-rules.ts';

export interface ScheduleBounds {
  minS: number;
  maxS: number;
  parkAfter: number;
}

interface Hints {
  ttlMinutes?: number;
  skipHours?: number[];
  skipDays?: string[];
  recent?: number[];
}

function readHints(feed: FeedRow): Hints {
  try {
    return feed.hints ? (JSON.parse(feed.hints) as Hints) : {};
  } catch {
    return {};
  }
}

function schedule(
  feed: FeedRow,
  now: number,
  intervalS: number,
  hints: Hints,
): Pick<FeedUpdate, 'interval_s' | 'next_fetch_at'> {
  const next = applySkip(now + intervalS * 1000, hints.skipHours ?? [], hints.skipDays ?? []);
  return { interval_s: intervalS, next_fetch_at: next };
}

export function afterSuccess(
  feed: FeedRow,
  res: FetchOk,
  parsed: ParsedFeed,
  newItems: number,
  now: number,
  bounds: ScheduleBounds,
): FeedUpdate {
  const recent = parsed.items
    .map((i) => (i.published ?? i.updated)?.getTime())
    .filter((t): t is number => t !== undefined && Number.isFinite(t))
    .sort((a, b) => b - a)
    .slice(0, 10);
  const hints: Hints = {
    ttlMinutes: parsed.ttlMinutes,
    skipHours: parsed.skipHours,
    skipDays: parsed.skipDays,
    recent,
  };
  const intervalS = nextInterval({
    previousIntervalS: feed.interval_s,
    newItems,
    itemTimestamps: recent,
    ttlMinutes: parsed.ttlMinutes,
    maxAgeS: res.maxAgeS,
    bounds,
  });
  return {
    ...schedule(feed, now, intervalS, hints),
    url: res.permanentUrl ?? feed.url,
    title: feed.title ?? parsed.title ?? null,
    site_url: parsed.link ?? feed.site_url,
    etag: res.etag ?? null,
    last_modified: res.lastModified ?? null,
    last_fetch_at: now,
    last_success_at: now,
    last_new_items_at: newItems > 0 ? now : feed.last_new_items_at,
    consecutive_failures: 0,
    status: feed.status === 'parked' ? 'active' : feed.status,
    hints: JSON.stringify(hints),
    items_total: feed.items_total + newItems,
  };
}

export function afterNotModified(
  feed: FeedRow,
  res: FetchNotModified,
  now: number,
  bounds: ScheduleBounds,
): FeedUpdate {
  const hints = readHints(feed);
  const intervalS = nextInterval({
    previousIntervalS: feed.interval_s,
    newItems: 0,
    itemTimestamps: hints.recent ?? [],
    ttlMinutes: hints.ttlMinutes,
    maxAgeS: res.maxAgeS,
    bounds,
  });
  return {
    ...schedule(feed, now, intervalS, hints),
    url: res.permanentUrl ?? feed.url,
    etag: res.etag ?? feed.etag,
    last_modified: res.lastModified ?? feed.last_modified,
    last_fetch_at: now,
    last_success_at: now,
    consecutive_failures: 0,
  };
}

export function afterFailure(
  feed: FeedRow,
  failure: { message: string; httpStatus?: number; retryAfterS?: number; kind?: string },
  now: number,
  bounds: ScheduleBounds,
): FeedUpdate {
  const failures = feed.consecutive_failures + 1;
  const { delayS } = failureBackoff({
    consecutiveFailures: failures,
    retryAfterS: failure.retryAfterS,
    httpStatus: failure.httpStatus,
    bounds,
  });
  const park = shouldPark(
    failures,
    bounds.parkAfter,
    failure.kind === 'http' && failure.httpStatus ? `http-${failure.httpStatus}` : failure.kind,
  );
  return {
    next_fetch_at: now + delayS * 1000,
    last_fetch_at: now,
    last_error: failure.message.slice(0, 1000),
    last_error_at: now,
    consecutive_failures: failures,
    status: park ? 'parked' : feed.status,
  };
}
