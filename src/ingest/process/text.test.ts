import { describe, expect, it } from 'vitest';
import { ARTICLE_CAPS } from '../parse/limits.ts';
import { countWords, htmlToText, plainLine, readingMinutes, standfirstOf, stripControls } from './text.ts';

// Every character XML 1.0 cannot carry: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates.
const NOT_XML = [
  '\udfff',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u000e',
  '\u001f',
  '\ufffe',
  '\uffff',
  '\ud800',
]; // the surrogates unpaired
const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe('htmlToText', () => {
  it('separates blocks, decodes entities and drops scripts', () => {
    expect(htmlToText('<p>One &amp; two</p><p>three</p><script>x()</script><ul><li>a</li><li>b</li></ul>')).toBe(
      'One & two\n\nthree\n\na\n\nb',
    );
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
    expect(standfirstOf('One two three four five. '.repeat(20), 12)).toBe(
      'One two three four five. One two three four five.',
    );
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

describe('characters XML cannot carry', () => {
  it('are stripped from every plain text: lines, body text, standfirsts', () => {
    const dirty = `Fe${NOT_XML.join('')}rry\ttime\u0007table 😀 caf\u00e9`;
    expect(stripControls(dirty)).toBe('Ferry\ttimetable 😀 café'); // tab kept, a surrogate pair kept
    expect(plainLine(dirty)).toBe('Ferry timetable 😀 café');
    expect(plainLine(`<b>${dirty}</b>`)).toBe('Ferry timetable 😀 café');
    expect(htmlToText(`<p>${dirty}</p><p>two\u0000</p>`)).toBe('Ferry timetable 😀 café\n\ntwo');
    expect(standfirstOf(`${dirty} `.repeat(3))).toMatch(XML_CHAR);
  });

  it('are stripped when an entity decodes to one', () => {
    expect(plainLine('a&#1;b&#x1F;c&#xFFFF;d&#55296;e')).toMatch(XML_CHAR);
    expect(plainLine('a&#1;b&#x1F;c')).toBe('abc');
  });

  it('leave every other character alone', () => {
    const fine = 'Tab\there, ünïcödé, 中文, emoji 🚢, \u007f and \u0085 (allowed in XML 1.0), \ufffd';
    expect(stripControls(fine)).toBe(fine);
  });
});

describe('bounded on huge text', () => {
  it('keeps a standfirst within its cap, even of one endless word', () => {
    expect(standfirstOf('x'.repeat(2_000_000)).length).toBeLessThanOrEqual(ARTICLE_CAPS.standfirst);
    expect(standfirstOf(`${'a'.repeat(5000)}. ${'b '.repeat(100)}`).length).toBeLessThanOrEqual(
      ARTICLE_CAPS.standfirst,
    );
  });

  it('reads 100,000 levels of nesting without overflowing the stack or the clock', () => {
    expect(htmlToText(`${'<b>'.repeat(100_000)}deep${'</b>'.repeat(100_000)}`)).toBe('deep');
    expect(plainLine(`${'<i>'.repeat(100_000)}title`)).toBe('title');
  });
});
