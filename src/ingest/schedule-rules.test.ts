import { describe, expect, it } from 'vitest';
import { applySkip, failureBackoff, nextInterval, shouldPark } from './schedule-rules.ts';

const bounds = { minS: 300, maxS: 86_400 };
const H = 3_600_000;
const every = (gapMs: number, n = 10) => Array.from({ length: n }, (_, i) => i * gapMs);

describe('nextInterval', () => {
  it('follows how often the feed publishes', () => {
    expect(nextInterval({ previousIntervalS: 1800, newItems: 2, itemTimestamps: every(H), bounds })).toBe(1800); // half the hourly gap
    expect(nextInterval({ previousIntervalS: 3600, newItems: 0, itemTimestamps: every(24 * H), bounds })).toBe(
      (43_200 + 3600) / 2,
    );
    // Only the ten most recent items count, in any order.
    const oldThenHourly = [...every(H).map((t) => t + 1000 * H), ...every(24 * H, 5)].reverse();
    expect(nextInterval({ previousIntervalS: 1800, newItems: 1, itemTimestamps: oldThenHourly, bounds })).toBe(1800);
  });

  it('smooths against the previous interval', () => {
    // Items every 10 minutes (target 300 s) after polling every hour: half way there.
    expect(nextInterval({ previousIntervalS: 3600, newItems: 4, itemTimestamps: every(600_000), bounds })).toBe(
      (300 + 3600) / 2,
    );
  });

  it('shrinks when new items arrive and grows by half when nothing is new', () => {
    expect(nextInterval({ previousIntervalS: 1000, newItems: 0, itemTimestamps: [], bounds })).toBe(1500);
    expect(nextInterval({ previousIntervalS: 1000, newItems: 3, itemTimestamps: [], bounds })).toBe(500);
    // New items never lengthen the interval, even from a slow feed.
    expect(nextInterval({ previousIntervalS: 600, newItems: 1, itemTimestamps: every(24 * H), bounds })).toBe(600);
    // Nothing new never shortens it, even from a busy feed.
    expect(nextInterval({ previousIntervalS: 7200, newItems: 0, itemTimestamps: every(60_000), bounds })).toBe(10_800);
  });

  it('treats one item, or items all stamped alike, as no rate at all', () => {
    expect(nextInterval({ previousIntervalS: 1000, newItems: 3, itemTimestamps: [5 * H], bounds })).toBe(500);
    expect(nextInterval({ previousIntervalS: 1000, newItems: 3, itemTimestamps: [H, H, H, NaN], bounds })).toBe(500);
    expect(nextInterval({ previousIntervalS: 1000, newItems: 0, itemTimestamps: [H, H], bounds })).toBe(1500);
  });

  it('stays within bounds', () => {
    expect(nextInterval({ previousIntervalS: 400, newItems: 3, itemTimestamps: [], bounds })).toBe(300);
    expect(nextInterval({ previousIntervalS: 80_000, newItems: 0, itemTimestamps: [], bounds })).toBe(86_400);
    expect(nextInterval({ previousIntervalS: 0, newItems: 0, itemTimestamps: [], bounds })).toBe(450);
    expect(nextInterval({ previousIntervalS: NaN, newItems: 1, itemTimestamps: every(1000), bounds })).toBe(300);
  });

  it('never fetches more often than ttl or Cache-Control ask, nor less often than the maximum', () => {
    const busy = every(60_000);
    expect(nextInterval({ previousIntervalS: 300, newItems: 5, itemTimestamps: busy, ttlMinutes: 60, bounds })).toBe(
      3600,
    );
    expect(nextInterval({ previousIntervalS: 300, newItems: 5, itemTimestamps: busy, maxAgeS: 900, bounds })).toBe(900);
    expect(
      nextInterval({
        previousIntervalS: 300,
        newItems: 5,
        itemTimestamps: busy,
        ttlMinutes: 15,
        maxAgeS: 1200,
        bounds,
      }),
    ).toBe(1200);
    // A ttl beyond our maximum: the maximum wins.
    expect(
      nextInterval({ previousIntervalS: 300, newItems: 5, itemTimestamps: busy, ttlMinutes: 100_000, bounds }),
    ).toBe(86_400);
    // Hints below what we would do anyway change nothing; zero means no hint.
    expect(
      nextInterval({ previousIntervalS: 1000, newItems: 0, itemTimestamps: [], ttlMinutes: 1, maxAgeS: 0, bounds }),
    ).toBe(1500);
  });
});

describe('applySkip', () => {
  const at = Date.UTC(2026, 10, 24, 2, 30); // a Tuesday, 02:30 UTC

  it('moves out of skipped hours and days to the start of the next allowed hour', () => {
    expect(applySkip(at, [2, 3, 4], [])).toBe(Date.UTC(2026, 10, 24, 5));
    expect(applySkip(at, [], ['Tuesday'])).toBe(Date.UTC(2026, 10, 25, 0));
    expect(applySkip(at, [0, 1, 2, 3], [' wednesday', 'TUESDAY'])).toBe(Date.UTC(2026, 10, 26, 4));
    expect(applySkip(at, [5], [])).toBe(at);
    expect(applySkip(at, [], [])).toBe(at);
  });

  it('crosses month and year ends', () => {
    expect(applySkip(Date.UTC(2026, 11, 31, 23, 10), [23, 0], [])).toBe(Date.UTC(2027, 0, 1, 1));
  });

  it('reads 24 as midnight and ignores values it cannot read', () => {
    expect(applySkip(Date.UTC(2026, 10, 24, 0, 5), [24], [])).toBe(Date.UTC(2026, 10, 24, 1));
    expect(applySkip(at, [2.5, -1, 99], ['Caturday'])).toBe(at);
  });

  it('ignores a rule that would skip every hour or every day, keeping the other', () => {
    const allHours = Array.from({ length: 24 }, (_, i) => i);
    const allDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    expect(applySkip(at, allHours, [])).toBe(at);
    expect(applySkip(at, [], allDays)).toBe(at);
    expect(applySkip(at, allHours, allDays)).toBe(at);
    expect(applySkip(at, allHours, ['Tuesday'])).toBe(Date.UTC(2026, 10, 25, 0));
    expect(applySkip(at, [2], allDays)).toBe(Date.UTC(2026, 10, 24, 3));
  });

  it('finds the one hour left open in a week', () => {
    const allButOne = ['Monday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    const hours = Array.from({ length: 23 }, (_, i) => i); // only 23:00 allowed
    expect(applySkip(Date.UTC(2026, 10, 25, 0), hours, allButOne)).toBe(Date.UTC(2026, 11, 1, 23));
  });
});

describe('failureBackoff', () => {
  it('doubles from the minimum, deterministically, up to the maximum', () => {
    expect([1, 2, 3, 4].map((n) => failureBackoff({ consecutiveFailures: n, bounds }).delayS)).toEqual([
      300, 600, 1200, 2400,
    ]);
    expect(failureBackoff({ consecutiveFailures: 40, bounds }).delayS).toBe(86_400);
    expect(failureBackoff({ consecutiveFailures: 10_000, bounds }).delayS).toBe(86_400);
    expect(failureBackoff({ consecutiveFailures: 0, bounds }).delayS).toBe(300);
  });

  it('honours Retry-After as a floor, capped at the maximum', () => {
    expect(failureBackoff({ consecutiveFailures: 1, retryAfterS: 7200, bounds }).delayS).toBe(7200);
    expect(failureBackoff({ consecutiveFailures: 4, retryAfterS: 60, bounds }).delayS).toBe(2400);
    expect(failureBackoff({ consecutiveFailures: 1, retryAfterS: 9e9, bounds }).delayS).toBe(86_400);
    expect(failureBackoff({ consecutiveFailures: 1, retryAfterS: -5, bounds }).delayS).toBe(300);
  });

  it('treats 429 and 503 as a request to slow down', () => {
    expect(failureBackoff({ consecutiveFailures: 1, httpStatus: 429, bounds }).delayS).toBe(600);
    expect(failureBackoff({ consecutiveFailures: 2, httpStatus: 503, bounds }).delayS).toBe(1200);
    expect(failureBackoff({ consecutiveFailures: 1, httpStatus: 500, bounds }).delayS).toBe(300);
    expect(failureBackoff({ consecutiveFailures: 1, httpStatus: 429, retryAfterS: 3600, bounds }).delayS).toBe(3600);
  });
});

describe('shouldPark', () => {
  it('parks after N consecutive failures', () => {
    expect(shouldPark(9, 10)).toBe(false);
    expect(shouldPark(10, 10)).toBe(true);
    expect(shouldPark(11, 10, 'timeout')).toBe(true);
    expect(shouldPark(0, 0)).toBe(false);
  });

  it('parks sooner, after min(N, 3), on permanent errors', () => {
    expect(shouldPark(3, 10, 'http-410')).toBe(true);
    expect(shouldPark(3, 10, 'http-404')).toBe(true);
    expect(shouldPark(3, 10, 'invalid-url')).toBe(true);
    expect(shouldPark(2, 10, 'blocked-address')).toBe(false);
    expect(shouldPark(2, 2, 'http-404')).toBe(true);
    expect(shouldPark(3, 10, 'http-500')).toBe(false);
  });
});
