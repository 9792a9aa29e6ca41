import { describe, expect, it } from 'vitest';
import { deserializeSignature, estimateJaccard, lshBandKeys, minhashSignature, serializeSignature } from './minhash.ts';
import { findDuplicateOf } from './near-duplicate.ts';

// A deterministic generator of plausible sentences, so stories differ word by word.
function story(seed: number, sentences: number): string {
  const nouns = ['council', 'harbour', 'ferry', 'budget', 'storm', 'library', 'museum', 'league', 'river', 'bridge', 'school', 'market', 'festival', 'orchestra', 'reservoir', 'tram', 'airport', 'hospital'];
  const verbs = ['approved', 'delayed', 'reopened', 'closed', 'funded', 'rejected', 'inspected', 'expanded', 'rebuilt', 'welcomed'];
  const out: string[] = [];
  let s = seed;
  const pick = <T,>(xs: T[]) => xs[(s = (s * 1103515245 + 12345) >>> 0) % xs.length]!;
  for (let i = 0; i < sentences; i++) out.push(`The ${pick(nouns)} ${pick(verbs)} the ${pick(nouns)} near the ${pick(nouns)} on day ${(s % 97) + i}.`);
  return out.join(' ');
}

const wire = story(1, 40);

describe('near-duplicate detection', () => {
  it('signs deterministically and round-trips through storage', () => {
    const a = minhashSignature(wire)!;
    expect(minhashSignature(wire)).toEqual(a);
    expect(deserializeSignature(serializeSignature(a))).toEqual(a);
    expect(minhashSignature('too short to sign')).toBeNull();
  });

  it('links wire copy with a new intro and footer to the earlier original', () => {
    const copy = `Our reporter adds a new first line about the weather today. ${wire} Copyright the Coastal Courier. Sign up for our newsletter.`;
    const found = findDuplicateOf({ text: copy, publishedAt: 2000, publisherId: 2 }, [
      { id: 10, text: wire, publishedAt: 1000, publisherId: 1 },
      { id: 11, text: story(2, 40), publishedAt: 900, publisherId: 3 },
    ]);
    expect(found).toMatchObject({ id: 10, samePublisher: false });
    expect(found!.similarity).toBeGreaterThan(0.9);
    // And the LSH keys put them in a shared bucket.
    const ka = new Set(lshBandKeys(minhashSignature(wire)!));
    expect(lshBandKeys(minhashSignature(copy)!).some((k) => ka.has(k))).toBe(true);
  });

  it('prefers the earliest of several copies', () => {
    const found = findDuplicateOf({ text: wire, publishedAt: 5000, publisherId: 9 }, [
      { id: 2, text: wire, publishedAt: 3000, publisherId: 2 },
      { id: 1, text: wire, publishedAt: 1000, publisherId: 1 },
    ]);
    expect(found?.id).toBe(1);
  });

  it('does not merge different stories on the same subject', () => {
    const a = story(3, 40);
    const b = story(4, 40);
    expect(estimateJaccard(minhashSignature(a)!, minhashSignature(b)!)).toBeLessThan(0.3);
    expect(findDuplicateOf({ text: a, publishedAt: 2, publisherId: 1 }, [{ id: 1, text: b, publishedAt: 1, publisherId: 2 }])).toBeNull();
    // A short item quoted in full inside a long one is not a copy of it.
    const quoted = `${story(5, 6)}`;
    expect(findDuplicateOf({ text: `${story(6, 60)} ${quoted}`, publishedAt: 2, publisherId: 1 }, [{ id: 1, text: quoted, publishedAt: 1, publisherId: 2 }])).toBeNull();
  });
});
