import { describe, expect, it } from 'vitest';
import { canonicalUrl, isTrackingParam, stripTrackingParams } from './canonical-url.ts';

describe('canonicalUrl', () => {
  it('resolves relative links and normalises scheme, host, port and fragment', () => {
    expect(canonicalUrl('/a/b#top', 'HTTPS://News.Example:443/feed')).toBe('https://news.example/a/b');
    expect(canonicalUrl('HTTP://WWW.Example.ORG:80/Path/Case')).toBe('http://www.example.org/Path/Case');
    expect(canonicalUrl('https://example.org:8443/x')).toBe('https://example.org:8443/x');
    expect(canonicalUrl('//cdn.example/x', 'https://a.example/feed')).toBe('https://cdn.example/x');
    expect(canonicalUrl('https://user:pw@example.org/x')).toBe('https://example.org/x');
  });

  it('removes tracking parameters and keeps the others as written, in order', () => {
    expect(canonicalUrl('https://e.example/s?utm_source=rss&id=3&fbclid=y&b=2&utm_campaign=z')).toBe(
      'https://e.example/s?id=3&b=2',
    );
    expect(
      canonicalUrl(
        'https://e.example/s?z=1&a=%20x+y&flag&gclid=1&mc_cid=2&mc_eid=3&_hsenc=4&_hsmi=5&igshid=6&ref_src=7&yclid=8&spm=9&dclid=a&msclkid=b',
      ),
    ).toBe('https://e.example/s?z=1&a=%20x+y&flag');
    expect(canonicalUrl('https://e.example/s?utm_medium=feed')).toBe('https://e.example/s');
    expect(canonicalUrl('https://e.example/s?')).toBe('https://e.example/s');
    expect(canonicalUrl('https://e.example/s?UTM_Source=x&page=2')).toBe('https://e.example/s?page=2');
  });

  it('knows tracking parameters by name only', () => {
    expect(isTrackingParam('utm_content')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('ref')).toBe(false);
    expect(stripTrackingParams('?%75tm_source=x&q=1')).toBe('?q=1');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl(' jav\tascript:alert(1)', 'https://e.example/')).toBeUndefined();
    expect(canonicalUrl('data:text/html,x')).toBeUndefined();
    expect(canonicalUrl('mailto:a@b.c')).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
    expect(canonicalUrl('')).toBeUndefined();
    expect(canonicalUrl(undefined)).toBeUndefined();
  });
});
