// MinHash over word shingles: a short signature whose agreement with another
// estimates the Jaccard similarity of the two texts' shingle sets. Banded into
// LSH keys, near-identical texts share a key with high probability, so a
// database index finds candidates without comparing every pair.
import { words } from './tokens.ts';

export const SHINGLE = 5;
export const PERMUTATIONS = 128;
export const BANDS = 32; // 32 bands × 4 rows: pairs above ~0.7 Jaccard almost always share a band
const ROWS = PERMUTATIONS / BANDS;
/** Texts shorter than this many words are never signed (and never merged). */
export const MIN_WORDS = 50;

// FNV-1a, 32 bit.
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Deterministic odd multipliers and offsets for the permutations (xorshift seeded).
const A = new Uint32Array(PERMUTATIONS);
const B = new Uint32Array(PERMUTATIONS);
{
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  for (let i = 0; i < PERMUTATIONS; i++) {
    A[i] = next() | 1;
    B[i] = next();
  }
}

export function shingleHashes(text: string, k = SHINGLE): Uint32Array {
  const w = words(text);
  if (w.length < k) return new Uint32Array(0);
  const set = new Set<number>();
  for (let i = 0; i + k <= w.length; i++) set.add(fnv1a(w.slice(i, i + k).join(' ')));
  return Uint32Array.from(set);
}

/** The signature, or null for texts too short to compare meaningfully. */
export function minhashSignature(text: string): Uint32Array | null {
  if (words(text).length < MIN_WORDS) return null;
  return signatureOf(shingleHashes(text));
}

export function signatureOf(hashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (let j = 0; j < hashes.length; j++) {
    const h = hashes[j]!;
    for (let i = 0; i < PERMUTATIONS; i++) {
      // A universal-style hash: multiply-add mod 2^32, then mix the high bits down.
      let v = (Math.imul(A[i]!, h) + B[i]!) >>> 0;
      v = (v ^ (v >>> 15)) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const sa = new Set(a);
  let inter = 0;
  for (const x of new Set(b)) if (sa.has(x)) inter++;
  return inter / (sa.size + new Set(b).size - inter);
}

/** Short keys, one per band, for an indexed column. */
export function lshBandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[band * ROWS + r]!, 0x01000193);
    keys.push(`${band.toString(36)}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}

export function serializeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

export function deserializeSignature(s: string): Uint32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Uint32Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}
