import { describe, expect, it } from 'vitest';
import { applySkip, failureBackoff, nextInterval, shouldPark } from './schedule-rules.ts';

const bounds = { minS: 300, maxS: 86_400 };
const H = 3_600_000;

describe('nextInterval', () => {
  it('follows how often the feed publishes', () => {
    const hourly = Array.from({ length: 10 }, (_, i) => i * H);
    const v = nextInterval({ previousIntervalS: 1800, newItems: 2, itemTimestamps: hourly, bounds });
    expect(v).toBe(1800); // half the hourly gap
    const daily = Array.from({ length: 10 }, (_, i) => i * 24 * H);
    expect(nextInterval({ previousIntervalS: 3600, newItems: 0, itemTimestamps: daily, bounds })).toBeGreaterThan(3600 * 5);
  });

  it('backs off when nothing is new and speeds up when items arrive, within bounds', () => {
    expect(nextInterval({ previousIntervalS: 1000, newItems: 0, itemTimestamps: [], bounds })).toBe(1500);
    expect(nextInterval({ previousIntervalS: 1000, newItems: 3, itemTimestamps: [1], bounds })).toBe(500);
    expect(nextInterval({ previousIntervalS: 400, newItems: 3, itemTimestamps: [], bounds })).toBe(300);
    expect(nextInterval({ previousIntervalS: 80_000, newItems: 0, itemTimestamps: [], bounds })).toBe(86_400);
  });

  it('never fetches more often than ttl or Cache-Control ask, nor beyond the maximum', () => {
    const busy = Array.from({ length: 10 }, (_, i) => i * 60_000);
    expect(nextInterval({ previousIntervalS: 300, newItems: 5, itemTimestamps: busy, ttlMinutes: 60, bounds })).toBe(3600);
    expect(nextInterval({ previousIntervalS: 300, newItems: 5, itemTimestamps: busy, maxAgeS: 900, bounds })).toBe(900);
    expect(nextInterval({ previousIntervalS: 300, newItems: 5, itemTimestamps: busy, ttlMinutes: 100_000, bounds })).toBe(86_400);
  });
});

describe('applySkip', () => {
  const at = Date.UTC(2026, 10, 24, 2, 30); // a Tuesday, 02:30 UTC
  it('moves out of skipped hours and days', () => {
    expect(applySkip(at, [2, 3, 4], [])).toBe(Date.UTC(2026, 10, 24, 5));
    expect(applySkip(at, [], ['Tuesday'])).toBe(Date.UTC(2026, 10, 25, 0));
    expect(applySkip(at, [5], [])).toBe(at);
  });
  it('ignores rules that would skip every hour or every day', () => {
    expect(applySkip(at, Array.from({ length: 24 }, (_, i) => i), [])).toBe(at);
    expect(applySkip(at, [], ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])).toBe(at);
  });
});

describe('failures', () => {
  it('backs off exponentially, honouring Retry-After as a floor', () => {
    expect([1, 2, 3, 4].map((n) => failureBackoff({ consecutiveFailures: n, bounds }).delayS)).toEqual([300, 600, 1200, 2400]);
    expect(failureBackoff({ consecutiveFailures: 40, bounds }).delayS).toBe(86_400);
    expect(failureBackoff({ consecutiveFailures: 1, retryAfterS: 7200, bounds }).delayS).toBe(7200);
    expect(failureBackoff({ consecutiveFailures: 1, retryAfterS: 9e9, bounds }).delayS).toBe(86_400);
    expect(failureBackoff({ consecutiveFailures: 1, httpStatus: 429, bounds }).delayS).toBe(600);
  });
  it('parks after N failures, sooner for permanent errors', () => {
    expect(shouldPark(9, 10)).toBe(false);
    expect(shouldPark(10, 10)).toBe(true);
    expect(shouldPark(3, 10, 'http-410')).toBe(true);
    expect(shouldPark(2, 10, 'blocked-address')).toBe(false);
    expect(shouldPark(2, 2, 'http-404')).toBe(true);
  });
});
