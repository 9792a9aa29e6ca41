import { describe, expect, it } from 'vitest';
import { articleDates, FUTURE_SKEW_MS } from './dates.ts';

const now = Date.parse('2026-11-24T09:00:00Z');
const d = (ms: number) => new Date(ms);

describe('articleDates', () => {
  it('uses the published date, else the updated date, else now', () => {
    expect(articleDates(d(now - 60_000), undefined, now)).toEqual({ publishedAt: now - 60_000, updatedAt: null });
    expect(articleDates(undefined, d(now - 5000), now)).toEqual({ publishedAt: now - 5000, updatedAt: null });
    expect(articleDates(undefined, undefined, now)).toEqual({ publishedAt: now, updatedAt: null });
    expect(articleDates(new Date(NaN), undefined, now).publishedAt).toBe(now);
  });

  it('never dates into the future beyond the skew: such dates become now', () => {
    expect(articleDates(d(now + 86_400_000), undefined, now).publishedAt).toBe(now);
    expect(articleDates(d(now + FUTURE_SKEW_MS - 1000), undefined, now).publishedAt).toBe(now + FUTURE_SKEW_MS - 1000);
    expect(articleDates(d(now - 3600_000), d(now + 86_400_000), now).updatedAt).toBe(now);
  });

  it('keeps an update only when it is later than publication', () => {
    expect(articleDates(d(now - 1000), d(now - 5000), now).updatedAt).toBeNull();
    expect(articleDates(d(now - 1000), d(now - 1000), now).updatedAt).toBeNull();
    expect(articleDates(d(now - 5000), d(now - 1000), now).updatedAt).toBe(now - 1000);
  });

  it('treats placeholder dates (epoch zero, year one) as missing', () => {
    expect(articleDates(d(0), undefined, now).publishedAt).toBe(now);
    expect(articleDates(new Date('0001-01-01T00:00:00Z'), d(now - 10), now).publishedAt).toBe(now - 10);
  });
});
