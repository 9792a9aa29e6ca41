import { expect, it } from 'vitest';
import { slugify } from './slug.ts';

it('makes readable, URL-safe slugs', () => {
  expect(slugify("Zoë O'Neil-Brown")).toBe('zoe-oneil-brown');
  expect(slugify('  Hello,   World!  ')).toBe('hello-world');
  expect(slugify('東京 ニュース')).toBe('東京-ニュース');
  expect(slugify('!!!')).toBe('untitled');
  expect(slugify('a'.repeat(200)).length).toBe(80);
});
