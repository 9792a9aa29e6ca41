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

  it('counts a name’s published reports and their stories, an unplaced report a story of its own', () => {
    expect(
      nameReachOf([
        { id: 1, clusterId: 7, published: true },
        { id: 2, clusterId: 7, published: true },
        { id: 3, clusterId: null, published: true },
        { id: 4, clusterId: null, published: true },
        { id: 5, clusterId: 9, published: false },
      ]),
    ).toEqual({ reports: 4, stories: 3 });
  });
});
