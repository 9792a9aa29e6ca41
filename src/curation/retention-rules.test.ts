import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_RETENTION, readEventsCutoff } from './retention-rules.ts';

const at = (iso: string) => Date.parse(iso);

describe('read event retention', () => {
  it('keeps the current month and the twelve before it', () => {
    expect(readEventsCutoff(at('2026-11-24T09:00:00Z'), null)).toBe('2025-11-01');
    // Across a year boundary, and on the first of a month.
    expect(readEventsCutoff(at('2027-01-01T00:30:00Z'), null)).toBe('2026-01-01');
    expect(readEventsCutoff(at('2026-03-31T23:59:00Z'), null)).toBe('2025-03-01');
  });

  it('keeps every day of an open payout month older than that', () => {
    expect(readEventsCutoff(at('2026-11-24T09:00:00Z'), '2025-06')).toBe('2025-06-01');
    // An open month inside the kept span changes nothing.
    expect(readEventsCutoff(at('2026-11-24T09:00:00Z'), '2026-10')).toBe('2025-11-01');
  });

  it('never deletes what the running code reads back, however short the kept span', () => {
    const rules = { ...DEFAULT_READ_RETENTION, keepMonths: 1 };
    // On the 1st, the trending horizon reaches into the previous month.
    expect(readEventsCutoff(at('2026-12-01T10:00:00Z'), null, rules)).toBe('2026-11-29');
    expect(readEventsCutoff(at('2026-12-20T10:00:00Z'), null, rules)).toBe('2026-12-01');
    expect(DEFAULT_READ_RETENTION.codeNeedsMs).toBeGreaterThanOrEqual(2 * 86_400_000);
  });

  it('ignores a malformed payout month rather than keeping nothing or everything', () => {
    expect(readEventsCutoff(at('2026-11-24T09:00:00Z'), 'soon')).toBe('2025-11-01');
  });
});
