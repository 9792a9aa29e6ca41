import { describe, expect, it } from 'vitest';
import { coverageOf, nameReachOf } from './coverage.ts';

describe('coverage rule', () => {
  it('counts published reports, copies included, and each publisher once', () => {
    expect(
      coverageOf([
        { publisherId: 1, published: true },
        { publisherId: 1, published: true }, // a follow-up by the same publisher
        { publisherId: 2, published: true }, // a copy carried by another publisher
        { publisherId: 3, published: false }, // withdrawn: neither a report nor a publisher
      ]),
    ).toEqual({ publishers: 2, reports: 3 });
    expect(coverageOf([])).toEqual({ publishers: 0, reports: 0 });
  });

  it('counts a name’s reports and their stories, an unplaced report a story of its own', () => {
    expect(
      nameReachOf([
        { clusterId: 7, reports: 2 },
        { clusterId: null, reports: 2 }, // two reports not placed in a story yet
        { clusterId: 9, reports: 0 },
      ]),
    ).toEqual({ reports: 4, stories: 3 });
  });
});
