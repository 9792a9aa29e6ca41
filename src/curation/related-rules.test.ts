import { describe, expect, it } from 'vitest';
import { normalise } from '../analysis/terms.ts';
import { rankRelated, relatedScore, sameStory, type RelatedProfile } from './related-rules.ts';

const D = 86_400_000;
const p = (id: number, terms: Record<string, number>, o: Partial<RelatedProfile> = {}): RelatedProfile => ({
  id,
  clusterId: null,
  duplicateOf: null,
  publishedAt: 0,
  vector: normalise(new Map(Object.entries(terms))),
  entities: new Set(),
  topics: new Set(),
  ...o,
});

describe('related stories', () => {
  it('ranks by text similarity', () => {
    const a = p(1, { reef: 2, coral: 2, bleach: 1 });
    const ranked = rankRelated(
      a,
      [p(2, { reef: 1, coral: 1 }), p(3, { coral: 1, market: 3 }), p(4, { election: 1 })],
      5,
    );
    expect(ranked.map((r) => r.id)).toEqual([2, 3]);
  });

  it('never lists the same story: its copies or its own cluster', () => {
    const a = p(1, { reef: 1 }, { clusterId: 7 });
    const ranked = rankRelated(
      a,
      [p(2, { reef: 1 }, { clusterId: 7 }), p(3, { reef: 1 }, { duplicateOf: 1 }), p(4, { reef: 1 }, { clusterId: 8 })],
      5,
    );
    expect(ranked.map((r) => r.id)).toEqual([4]);
    expect(sameStory({ id: 3, clusterId: null, duplicateOf: 1 }, { id: 5, clusterId: null, duplicateOf: 1 })).toBe(
      true,
    );
  });

  it('shared people and topics lift a story that shares some text', () => {
    const a = p(1, { summit: 1, trade: 1 }, { entities: new Set(['person:x']), topics: new Set(['politics']) });
    const plain = p(2, { summit: 1, weather: 1 });
    const named = p(3, { summit: 1, weather: 1 }, { entities: new Set(['person:x']), topics: new Set(['politics']) });
    expect(relatedScore(a, named)).toBeGreaterThan(relatedScore(a, plain));
  });

  it('older stories fade', () => {
    const a = p(1, { reef: 1 });
    expect(relatedScore(a, p(2, { reef: 1 }, { publishedAt: -60 * D }))).toBeCloseTo(
      relatedScore(a, p(3, { reef: 1 })) / 4,
      5,
    );
  });
});
