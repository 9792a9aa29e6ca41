import { describe, expect, it } from 'vitest';
import { contentCharset, maxAge, retryAfter } from './response-headers.ts';

const now = Date.parse('2026-11-24T09:00:00Z');

describe('retryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfter('30', now)).toBe(30);
    expect(retryAfter(' 120 ', now)).toBe(120);
    expect(retryAfter('Tue, 24 Nov 2026 09:10:00 GMT', now)).toBe(600);
    expect(retryAfter('Tue, 24 Nov 2026 08:00:00 GMT', now)).toBe(0);
    expect(retryAfter('soon', now)).toBeUndefined();
    expect(retryAfter(undefined, now)).toBeUndefined();
  });
});

describe('maxAge', () => {
  it('prefers s-maxage, then max-age, then Expires', () => {
    expect(maxAge({ 'cache-control': 'public, max-age=300, s-maxage=900' })).toBe(900);
    expect(maxAge({ 'cache-control': 'max-age=300' })).toBe(300);
    expect(maxAge({ 'cache-control': 'max-age="60"' })).toBe(60);
    expect(maxAge({ 'cache-control': 'max-age=300', expires: 'Tue, 24 Nov 2026 10:00:00 GMT' })).toBe(300);
    expect(maxAge({ expires: 'Tue, 24 Nov 2026 10:00:00 GMT', date: 'Tue, 24 Nov 2026 09:00:00 GMT' })).toBe(3600);
    expect(maxAge({ expires: 'Tue, 24 Nov 2026 09:30:00 GMT' }, now)).toBe(1800);
  });

  it('gives nothing for no-store / no-cache and 0 for an already-stale Expires', () => {
    expect(maxAge({ 'cache-control': 'no-cache, max-age=300' })).toBeUndefined();
    expect(maxAge({ 'cache-control': 'no-store' })).toBeUndefined();
    expect(maxAge({ expires: '0' })).toBe(0);
    expect(maxAge({ expires: 'Mon, 23 Nov 2026 09:00:00 GMT' }, now)).toBe(0);
    expect(maxAge({})).toBeUndefined();
  });

  it('does not read a max-age hidden inside another directive', () => {
    expect(maxAge({ 'cache-control': 'x-max-age=5' })).toBeUndefined();
  });
});

describe('contentCharset', () => {
  it('returns the charset parameter lower-cased and unquoted, whatever it claims', () => {
    expect(contentCharset('application/rss+xml; charset=ISO-8859-1')).toBe('iso-8859-1');
    expect(contentCharset('text/xml;charset="Windows-1252"')).toBe('windows-1252');
    expect(contentCharset('text/html; CHARSET = UTF-8 ; foo=bar')).toBe('utf-8'); // sloppy spacing, as real servers send it
    expect(contentCharset('text/html; foo=bar; charset=utf-8')).toBe('utf-8');
    expect(contentCharset('text/html')).toBeUndefined();
    expect(contentCharset('text/html; charset=')).toBeUndefined();
    expect(contentCharset(undefined)).toBeUndefined();
  });
});
