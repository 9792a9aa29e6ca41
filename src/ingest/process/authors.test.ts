import { describe, expect, it } from 'vitest';
import { authorNames, MAX_AUTHORS } from './authors.ts';

describe('authorNames', () => {
  it('splits joint bylines and strips "By"', () => {
    expect(authorNames([{ name: 'By Jane Doe and John Roe' }])).toEqual(['Jane Doe', 'John Roe']);
    expect(authorNames([{ name: 'Jane Doe, John Roe & Ann Poe' }])).toEqual(['Jane Doe', 'John Roe', 'Ann Poe']);
    expect(authorNames([{ name: 'BY: Mara Quint' }])).toEqual(['Mara Quint']);
  });

  it('takes names out of email forms and drops bare addresses', () => {
    expect(authorNames([{ name: 'jane@x.org (Jane Doe)' }])).toEqual(['Jane Doe']);
    expect(authorNames([{ email: 'jane@x.org (Jane Doe)' }])).toEqual(['Jane Doe']);
    expect(authorNames([{ name: 'Jane Doe <jane@x.org>' }])).toEqual(['Jane Doe']);
    expect(authorNames([{ email: 'x@y.example' }, { name: 'x@y.example' }])).toEqual([]);
  });

  it('de-duplicates (case-insensitively) and drops placeholders', () => {
    expect(
      authorNames([
        { name: 'Jane Doe' },
        { name: 'jane doe' },
        { name: 'admin' },
        { name: 'Staff' },
        { name: '' },
        { name: 'https://x.example/jane' },
      ]),
    ).toEqual(['Jane Doe']);
  });

  it('returns plain text whatever the feed put in the name', () => {
    expect(authorNames([{ name: '<script>alert(1)</script><b>Jane</b> &amp; <i>John</i>' }])).toEqual(['Jane', 'John']);
    expect(authorNames([{ name: '<img src=x onerror=alert(1)>Ann Poe' }])).toEqual(['Ann Poe']);
  });

  it('removes a bare address written beside a name, as the old pattern did', () => {
    expect(authorNames([{ name: 'Jane Doe jane@x.org' }])).toEqual(['Jane Doe']);
    expect(authorNames([{ name: 'jane@x.org, John Roe' }])).toEqual(['John Roe']);
    expect(authorNames([{ name: 'Ann Poe (ann@x.org) and Joe (joe@y.co.uk)' }])).toEqual(['Ann Poe', 'Joe']);
    expect(authorNames([{ name: 'Mara mara@localhost' }])).toEqual([]); // no ".tld": not taken out as an address, and a name with "@" is no name
  });

  it('stops at MAX_AUTHORS and at 80 characters a name, on names of any length', () => {
    expect(
      authorNames([
        { name: Array.from({ length: 50 }, (_, k) => `Name ${String.fromCharCode(65 + (k % 26))}${k}`).join(', ') },
      ]),
    ).toHaveLength(MAX_AUTHORS);
    for (const unit of ['a', '@', 'a@', '(a@b) ', '<a@b>', ' ', 'by ', ', ', '.a'])
      expect(authorNames([{ name: unit.repeat(100_000) }]).every((n) => n.length <= 80)).toBe(true);
  });
});
