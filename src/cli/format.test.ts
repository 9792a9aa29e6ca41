import { expect, it } from 'vitest';
import { ago, table, truncate } from './format.ts';

it('aligns table columns', () => {
  const out = table(
    ['id', 'name'],
    [
      ['1', 'alpha'],
      ['22', 'b'],
    ],
  ).split('\n');
  expect(out[1]).toBe('1   alpha');
  expect(out[2]).toBe('22  b');
});

it('says times relative to now', () => {
  expect(ago(null)).toBe('never');
  expect(ago(1_000_000 - 90_000, 1_000_000)).toBe('2m ago');
  expect(ago(1_000_000 + 7_200_000, 1_000_000)).toBe('in 2h');
  expect(truncate('abcdef', 4)).toBe('abc…');
});
