import { expect, it } from 'vitest';
import { parseDate } from './dates.ts';

const iso = (s: string) => parseDate(s)?.toISOString();

it('reads RFC 822 dates and their common variants', () => {
  expect(iso('Thu, 01 Jan 2004 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
  expect(iso('01 Jan 2004 19:48:21 +0100')).toBe('2004-01-01T18:48:21.000Z');
  expect(iso('Thu, 1 Jan 04 19:48 EST')).toBe('2004-01-02T00:48:00.000Z');
  expect(iso('Thu, 01 Jan 2004 19:48:21 PDT')).toBe('2004-01-02T02:48:21.000Z');
  expect(iso('Thu, 01 January 2004 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
  expect(iso('Jan 01 2004 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
  expect(iso('Thu, 01 Jan 2004 19:48:21')).toBe('2004-01-01T19:48:21.000Z');
  expect(iso('Thu,01 Jan 2004 19:48:21GMT')).toBe('2004-01-01T19:48:21.000Z');
});

it('reads ISO 8601 / W3CDTF, full and partial', () => {
  expect(iso('2003-12-31T10:14:55Z')).toBe('2003-12-31T10:14:55.000Z');
  expect(iso('2003-12-31T10:14:55.25-05:00')).toBe('2003-12-31T15:14:55.250Z');
  expect(iso('2003-12-31T10:14+0100')).toBe('2003-12-31T09:14:00.000Z');
  expect(iso('20031231T101455Z')).toBe('2003-12-31T10:14:55.000Z');
  expect(iso('2003-12-31')).toBe('2003-12-31T00:00:00.000Z');
  expect(iso('2003-12')).toBe('2003-12-01T00:00:00.000Z');
  expect(iso('2003')).toBe('2003-01-01T00:00:00.000Z');
  expect(iso('2003-12-31 10:14:55')).toBe('2003-12-31T10:14:55.000Z');
});

it('refuses what it cannot read rather than guessing', () => {
  expect(parseDate('yesterday')).toBeUndefined();
  expect(parseDate('')).toBeUndefined();
  expect(parseDate('Thu, 45 Foo 2004')).toBeUndefined();
  expect(parseDate('2003-13-45')).toBeUndefined();
});

it('reads the broken and obsolete forms found in old feeds', () => {
  expect(iso('Wednesday, 31-Dec-03 10:14:55 GMT')).toBe('2003-12-31T10:14:55.000Z'); // RFC 850
  expect(iso('Wed Dec 31 10:14:55 UTC 2003')).toBe('2003-12-31T10:14:55.000Z'); // asctime-like
  expect(iso('Wed, 31 Dec 2003 10:14:55 +05:30')).toBe('2003-12-31T04:44:55.000Z');
  expect(iso('2003-12-31T10:14:55.123456Z')).toBe('2003-12-31T10:14:55.123Z');
  expect(iso('2003-12-31T10:14:55+01')).toBe('2003-12-31T09:14:55.000Z');
  expect(iso('2003/12/31 10:14:55')).toBe('2003-12-31T10:14:55.000Z');
  expect(iso('31 Dec 2003')).toBe('2003-12-31T00:00:00.000Z');
});
