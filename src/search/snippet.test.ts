import { describe, expect, it } from 'vitest';
import { buildSnippet } from './snippet.ts';

const marked = (parts: { text: string; match: boolean }[]) => parts.filter((p) => p.match).map((p) => p.text);

describe('buildSnippet', () => {
  it('picks the window with the most matches and marks them', () => {
    const text = `${'Filler words here. '.repeat(20)}The harbour budget passed and the harbour board cheered. ${'More filler. '.repeat(20)}`;
    const parts = buildSnippet(text, ['harbour', 'budget']);
    expect(marked(parts)).toEqual(['harbour', 'budget', 'harbour']);
    expect(parts[0]).toEqual({ text: '… ', match: false });
    expect(parts.at(-1)).toEqual({ text: ' …', match: false });
    expect(
      parts
        .map((p) => p.text)
        .join('')
        .split(/\s+/)
        .filter((w) => /\w/.test(w)).length,
    ).toBeLessThanOrEqual(30);
  });

  it('keeps the text as it is, so joining the parts gives the window back', () => {
    const parts = buildSnippet('Keepers at the Lighthouse struck, said Zoë.', ['lighthouse', 'zoe', 'keeper']);
    expect(parts.map((p) => p.text).join('')).toBe('Keepers at the Lighthouse struck, said Zoë');
    expect(marked(parts)).toEqual(['Keepers', 'Lighthouse', 'Zoë']);
  });

  it('matches a prefix term on any word it begins', () => {
    expect(marked(buildSnippet('The lighthouse and the lights of the light railway.', ['ligh*']))).toEqual([
      'lighthouse',
      'lights',
      'light',
    ]);
  });

  it('never produces markup: tags in the text stay text in unmarked parts', () => {
    const parts = buildSnippet('<script>alert(1)</script> harbour news', ['harbour']);
    expect(marked(parts)).toEqual(['harbour']);
    expect(parts.map((p) => p.text).join('')).toContain('alert(1)</script> ');
  });

  it('returns a plain opening when nothing matches, and nothing for empty text', () => {
    const parts = buildSnippet('one two three four five', ['zebra'], 3);
    expect(parts).toEqual([
      { text: 'one two three', match: false },
      { text: ' …', match: false },
    ]);
    expect(buildSnippet('', ['x'])).toEqual([]);
    expect(buildSnippet('   ', ['x'])).toEqual([]);
  });

  it('copes with long texts quickly', () => {
    const text = `${'lorem ipsum '.repeat(50_000)} needle`;
    const started = performance.now();
    expect(marked(buildSnippet(text, ['needle']))).toEqual(['needle']);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
