import { describe, expect, it } from 'vitest';
import { slugify, slugText } from './slug.ts';

describe('the one slug rule', () => {
  it('folds accents and apostrophes, spells & as and, and joins the rest with single dashes', () => {
    expect(slugify("Zoë O'Neil-Brown")).toBe('zoe-oneil-brown');
    expect(slugify('O’Neil')).toBe('oneil');
    expect(slugify('Marks & Spencer')).toBe('marks-and-spencer');
    expect(slugify('  --Harbour   Gazette!!  ')).toBe('harbour-gazette');
    expect(slugify('Ærøskøbing Ü', 80)).toBe('ærøskøbing-u');
    expect(slugify('東京 ニュース')).toBe('東京-ニュース'); // letters of every script stay
  });

  it('cuts to a length without a trailing dash, and falls back when nothing is left', () => {
    expect(slugify('one two three', 8)).toBe('one-two');
    expect(slugify('!!!')).toBe('untitled');
    expect(slugify('!!!', 80, 'article')).toBe('article');
    expect(slugText('!!!')).toBe('');
    expect(slugify('a'.repeat(200)).length).toBe(80);
  });
});
