import { describe, expect, it } from 'vitest';
import {
  deserializeSignature,
  estimateJaccard,
  exactJaccard,
  lshBandKeys,
  minhashSignature,
  serializeSignature,
  shingleHashes,
  signatureOf,
} from './minhash.ts';

// Seeded pseudo-text: words drawn from a 400-word made-up vocabulary.
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}
const syllables = ['ka', 'lo', 'mi', 'ter', 'san', 'vu', 'del', 'ro', 'pi', 'nes', 'ga', 'tho'];
const vocabulary = Array.from(
  { length: 400 },
  (_, i) =>
    syllables[i % 12]! + syllables[Math.floor(i / 12) % 12]! + (i >= 144 ? syllables[Math.floor(i / 144)]! : ''),
);
function pseudoText(seed: number, n: number): string[] {
  const r = prng(seed);
  return Array.from({ length: n }, () => vocabulary[Math.floor(r() * vocabulary.length)]!);
}

describe('signatures', () => {
  const text = pseudoText(1, 300).join(' ');

  it('are deterministic and 128 long', () => {
    const a = minhashSignature(text)!;
    expect(a).toHaveLength(128);
    expect(minhashSignature(text)).toEqual(a);
    expect(minhashSignature(text, { permutations: 64 })).toEqual(a.slice(0, 64));
    // Fixed seeds: a value computed once stays the same across releases.
    expect(signatureOf(Uint32Array.of(12345))[0]).toBe(signatureOf(Uint32Array.of(12345))[0]);
  });

  it('are null for texts under the minimum length', () => {
    expect(minhashSignature('too short to sign')).toBeNull();
    expect(minhashSignature(pseudoText(2, 49).join(' '))).toBeNull();
    expect(minhashSignature(pseudoText(2, 50).join(' '))).not.toBeNull();
    expect(minhashSignature(pseudoText(2, 20).join(' '), { minWords: 10 })).not.toBeNull();
  });

  it('ignore case and punctuation', () => {
    const shouted = text.toUpperCase().replace(/ /g, ', ');
    expect(minhashSignature(shouted)).toEqual(minhashSignature(text));
  });

  it('estimate Jaccard close to the exact value', () => {
    const base = pseudoText(3, 400);
    for (const keep of [0.2, 0.5, 0.8, 0.95]) {
      // Replace a block at the end, so the shared shingles are a known share.
      const cut = Math.round(base.length * keep);
      const other = [...base.slice(0, cut), ...pseudoText(4 + cut, base.length - cut)];
      const exact = exactJaccard(shingleHashes(base.join(' ')), shingleHashes(other.join(' ')));
      const estimate = estimateJaccard(minhashSignature(base.join(' '))!, minhashSignature(other.join(' '))!);
      expect(Math.abs(estimate - exact)).toBeLessThan(0.15);
    }
  });

  it('give exact Jaccard on shingle sets', () => {
    expect(exactJaccard(Uint32Array.of(1, 2, 3), Uint32Array.of(2, 3, 4))).toBe(0.5);
    expect(exactJaccard(new Uint32Array(0), new Uint32Array(0))).toBe(1);
    expect(shingleHashes('one two three four')).toHaveLength(0);
    expect(shingleHashes('one two three four five six')).toHaveLength(2);
    expect(shingleHashes('a b a b a b a b', 2)).toHaveLength(2);
  });

  it('refuse to compare signatures of different lengths', () => {
    expect(() => estimateJaccard(new Uint32Array(128), new Uint32Array(64))).toThrow(RangeError);
  });
});

describe('storage', () => {
  const sig = minhashSignature(pseudoText(5, 200).join(' '))!;

  it('round-trips through base64 and Buffer', () => {
    const s = serializeSignature(sig);
    expect(s).toHaveLength(684);
    expect(deserializeSignature(s)).toEqual(sig);
    expect(deserializeSignature(Buffer.from(s, 'base64'))).toEqual(sig);
    expect(deserializeSignature(serializeSignature(sig.subarray(5, 9)))).toEqual(sig.slice(5, 9));
  });

  it('rejects a damaged value', () => {
    expect(() => deserializeSignature('AAAAAAA')).toThrow(RangeError);
  });
});

describe('LSH band keys', () => {
  it('are 32 short keys, one per band', () => {
    const keys = lshBandKeys(minhashSignature(pseudoText(6, 200).join(' '))!);
    expect(keys).toHaveLength(32);
    expect(new Set(keys.map((k) => k.split(':')[0]))).toHaveProperty('size', 32);
    for (const k of keys) expect(k.length).toBeLessThanOrEqual(9);
    expect(lshBandKeys(new Uint32Array(128), 16, 8)).toHaveLength(16);
    expect(() => lshBandKeys(new Uint32Array(64), 32, 4)).toThrow(RangeError);
  });

  it('put near-duplicates in a shared bucket and keep unrelated texts apart', () => {
    let sharedNear = 0;
    let sharedUnrelated = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const base = pseudoText(seed, 300);
      // A wire copy: new first 15 words, a different 10-word footer, two words changed.
      const copy = [...pseudoText(seed + 1000, 15), ...base.slice(15, 290), ...pseudoText(seed + 2000, 10)];
      copy[100] = 'changed';
      copy[200] = 'edited';
      const keys = new Set(lshBandKeys(minhashSignature(base.join(' '))!));
      if (lshBandKeys(minhashSignature(copy.join(' '))!).some((k) => keys.has(k))) sharedNear++;
      if (lshBandKeys(minhashSignature(pseudoText(seed + 5000, 300).join(' '))!).some((k) => keys.has(k)))
        sharedUnrelated++;
    }
    expect(sharedNear).toBe(100);
    expect(sharedUnrelated).toBe(0);
  });
});
