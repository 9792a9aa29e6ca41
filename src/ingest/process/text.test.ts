import { describe, expect, it } from 'vitest';
import { countWords, htmlToText, plainLine, readingMinutes, standfirstOf } from './text.ts';

describe('htmlToText', () => {
  it('separates blocks, decodes entities and drops scripts', () => {
    expect(htmlToText('<p>One &amp; two</p><p>three</p><script>x()</script><ul><li>a</li><li>b</li></ul>')).toBe('One & two\n\nthree\n\na\n\nb');
    expect(htmlToText('plain  text')).toBe('plain text');
    expect(htmlToText('')).toBe('');
  });

  it('can leave captions out', () => {
    const html = '<figure><img src="a.jpg"><figcaption>A boat (AFP)</figcaption></figure><p>Body.</p>';
    expect(htmlToText(html)).toBe('A boat (AFP)\n\nBody.');
    expect(htmlToText(html, { captions: false })).toBe('Body.');
  });

  it('handles very deep markup without overflowing the stack', () => {
    expect(htmlToText(`${'<div>'.repeat(50_000)}deep${'</div>'.repeat(50_000)}`)).toBe('deep');
  });
});

describe('words and reading time', () => {
  it('counts words, including hyphenated and apostrophe forms as one', () => {
    expect(countWords("It's a well-known fact — 42 ferries.")).toBe(6);
    expect(countWords('')).toBe(0);
  });

  it('reads at 230 words a minute, rounded up, at least one minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
    expect(readingMinutes(1000)).toBe(5);
  });
});

describe('standfirstOf', () => {
  it('keeps short text whole and cuts long text at a sentence boundary', () => {
    expect(standfirstOf('Short and sweet.')).toBe('Short and sweet.');
    expect(standfirstOf('One two three four five. '.repeat(20), 12)).toBe('One two three four five. One two three four five.');
  });

  it('cuts at a word boundary with an ellipsis when there is no sentence end', () => {
    expect(standfirstOf('word '.repeat(100), 5)).toBe('word word word word word…');
  });
});

describe('plainLine', () => {
  it('strips tags, decodes entities and folds whitespace', () => {
    expect(plainLine('  <b>Ferry</b> &amp;\n timetable <script>x</script>')).toBe('Ferry & timetable');
    expect(plainLine(undefined)).toBe('');
  });
});
