import { describe, expect, it } from 'vitest';
import { normaliseText, words } from './tokens.ts';

describe('words', () => {
  it('lower-cases, drops punctuation and unifies compatibility forms', () => {
    expect(words('The Council — finally — APPROVED it!')).toEqual(['the', 'council', 'finally', 'approved', 'it']);
    expect(words('ﬁnance Ｆｕｌｌｗｉｄｔｈ ①')).toEqual(['finance', 'fullwidth', '1']);
    expect(words('“Quoted”, (bracketed); 3.5% of £1,000')).toEqual(['quoted', 'bracketed', '3', '5', 'of', '1', '000']);
  });

  it('keeps apostrophes inside words, typographic or not', () => {
    expect(words("Don’t stop O'Neill's 'quoted' run")).toEqual(["don't", 'stop', "o'neill's", 'quoted', 'run']);
  });

  it('keeps letters and marks of non-Latin scripts', () => {
    expect(words('Москва: новости дня')).toEqual(['москва', 'новости', 'дня']);
    expect(words('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
    expect(words('Ελλάδα και Κύπρος')).toEqual(['ελλάδα', 'και', 'κύπρος']);
    expect(words('مرحبا بالعالم')).toEqual(['مرحبا', 'بالعالم']);
  });

  it('splits unspaced scripts into characters', () => {
    expect(words('東京で地震、M5')).toEqual(['東', '京', 'で', '地', '震', 'm5']);
  });

  it('returns nothing for text without words', () => {
    expect(words('')).toEqual([]);
    expect(words(' — … !! ')).toEqual([]);
  });

  it('normaliseText only folds form and case', () => {
    expect(normaliseText('Ｃａｆé, OK?')).toBe('café, ok?');
  });
});
