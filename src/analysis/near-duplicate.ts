// Is this article a syndicated copy of an earlier one? Decided on the body
// text, over sets of 5-word shingles.
//
// The rule (defaults in brackets):
// - Texts under MIN_WORDS [50] words are never compared: short items (briefs,
//   scores, "more to follow") look alike without being copies.
// - A copy is near-identical, Jaccard >= threshold [0.8], or one text almost
//   wholly inside the other, containment >= CONTAINMENT_THRESHOLD [0.9] with
//   the smaller at least half the larger: wire copy re-published with a new
//   intro, byline or footer. Two publishers' own reports of one event, sharing
//   names, quotes and phrases, stay far below both (typically J < 0.2).
// - Where both texts are at hand the exact shingle sets decide; against a
//   stored signature alone, the MinHash estimate must reach the threshold
//   (containment cannot be estimated from signatures).
// - Only items published no later than the candidate can be its original; of
//   several matches the earliest wins. A match from the same publisher (a
//   re-post) is still a duplicate, reported with samePublisher.
import { words } from './tokens.ts';
import {
  BANDS,
  estimateJaccard,
  lshBandKeys,
  MIN_WORDS,
  PERMUTATIONS,
  ROWS,
  SHINGLE,
  shinglesOfWords,
  signatureOf,
} from './minhash.ts';

export const DUPLICATE_THRESHOLD = 0.8;
export const CONTAINMENT_THRESHOLD = 0.9;

export interface DuplicateOptions {
  /** Jaccard at or above which two texts are copies (default 0.8). */
  threshold?: number;
  /** Containment of the smaller text in the larger at or above which they are copies (default 0.9). */
  containment?: number;
  /** Shorter texts never match (default 50 words). */
  minWords?: number;
  /** Words per shingle (default 5); must match stored signatures. */
  shingle?: number;
}

export interface DuplicateProbe {
  /** Skipped among the others, so an article never matches itself. */
  id?: number | string;
  text: string;
  publishedAt: number;
  publisherId: number | string;
}

export interface DuplicateCandidateText {
  id: number | string;
  text?: string;
  /** A stored MinHash signature of the text (same shingle size and length). */
  signature?: Uint32Array;
  publishedAt: number;
  publisherId: number | string;
}

export interface DuplicateMatch {
  id: number | string;
  /** max(Jaccard, containment) when confirmed on texts; the estimated Jaccard otherwise. */
  similarity: number;
  samePublisher: boolean;
  /** 'exact' when confirmed on both texts, 'estimate' when only a signature was available. */
  basis: 'exact' | 'estimate';
}

/** Jaccard and containment of two shingle sets; containment is 0 unless the smaller set is at least half the larger. */
export function copySimilarity(a: Uint32Array, b: Uint32Array): { jaccard: number; containment: number } {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sb) if (sa.has(x)) inter++;
  const small = Math.min(sa.size, sb.size);
  const large = Math.max(sa.size, sb.size);
  const jaccard = inter / (sa.size + sb.size - inter || 1);
  const containment = small > 0 && small >= large / 2 ? inter / small : 0;
  return { jaccard, containment };
}

/** The decision on two shingle sets: the similarity when they are copies, null otherwise. */
export function copyVerdict(a: Uint32Array, b: Uint32Array, opts: DuplicateOptions = {}): number | null {
  const { jaccard, containment } = copySimilarity(a, b);
  if (jaccard >= (opts.threshold ?? DUPLICATE_THRESHOLD) || containment >= (opts.containment ?? CONTAINMENT_THRESHOLD))
    return Math.max(jaccard, containment);
  return null;
}

export function findDuplicateOf(
  candidate: DuplicateProbe,
  others: readonly DuplicateCandidateText[],
  opts: DuplicateOptions = {},
): DuplicateMatch | null {
  const threshold = opts.threshold ?? DUPLICATE_THRESHOLD;
  const containment = opts.containment ?? CONTAINMENT_THRESHOLD;
  const minWords = opts.minWords ?? MIN_WORDS;
  const k = opts.shingle ?? SHINGLE;
  const w = words(candidate.text);
  if (w.length < minWords) return null;
  const shingles = shinglesOfWords(w, k);
  let sig: Uint32Array | undefined;
  // Stored signatures screen out most others before the texts are tokenised. The bar sits
  // below the lowest Jaccard a containment copy can have (c / (3 - c) when the smaller is half
  // the larger), less a margin for the estimate's noise (sd ~0.045 at 128 permutations).
  const screen = Math.min(threshold, containment / (3 - containment)) - 0.1;

  let best: (DuplicateMatch & { publishedAt: number }) | null = null;
  for (const o of others) {
    if (candidate.id !== undefined && o.id === candidate.id) continue;
    if (o.publishedAt > candidate.publishedAt) continue;
    let similarity: number | null;
    let basis: DuplicateMatch['basis'];
    const oSig = o.signature?.length ? o.signature : undefined;
    if (oSig && sig?.length !== oSig.length) sig = signatureOf(shingles, oSig.length);
    if (o.text !== undefined) {
      if (oSig && sig && estimateJaccard(sig, oSig) < screen) continue;
      const ow = words(o.text);
      if (ow.length < minWords) continue;
      similarity = copyVerdict(shingles, shinglesOfWords(ow, k), { threshold, containment });
      basis = 'exact';
    } else if (oSig && sig) {
      const estimate = estimateJaccard(sig, oSig);
      similarity = estimate >= threshold ? estimate : null;
      basis = 'estimate';
    } else continue;
    if (similarity === null) continue;
    if (
      !best ||
      o.publishedAt < best.publishedAt ||
      (o.publishedAt === best.publishedAt && similarity > best.similarity)
    ) {
      best = {
        id: o.id,
        similarity,
        samePublisher: o.publisherId === candidate.publisherId,
        basis,
        publishedAt: o.publishedAt,
      };
    }
  }
  return best && { id: best.id, similarity: best.similarity, samePublisher: best.samePublisher, basis: best.basis };
}

export interface DuplicatePair {
  a: number | string;
  b: number | string;
  similarity: number;
}

/**
 * All copy pairs in a batch (a backlog, a benchmark): sign every text, bucket
 * by LSH band keys, confirm bucket-mates on their exact shingle sets. Pairs
 * come out in input order (a before b). Pairs whose Jaccard is far below the
 * band threshold (~0.4) can be missed, as they would be by the database index.
 */
export function duplicatePairs(
  docs: readonly { id: number | string; text: string }[],
  opts: DuplicateOptions = {},
): DuplicatePair[] {
  const k = opts.shingle ?? SHINGLE;
  const minWords = opts.minWords ?? MIN_WORDS;
  const shingles: (Uint32Array | null)[] = [];
  const buckets = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const w = words(d.text);
    if (w.length < minWords) return void shingles.push(null);
    const s = shinglesOfWords(w, k);
    shingles.push(s);
    for (const key of lshBandKeys(signatureOf(s, PERMUTATIONS), BANDS, ROWS)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
  });
  const seen = new Set<number>();
  const pairs: { i: number; j: number; similarity: number }[] = [];
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x]!;
        const j = bucket[y]!;
        const key = i * docs.length + j;
        if (seen.has(key)) continue;
        seen.add(key);
        const similarity = copyVerdict(shingles[i]!, shingles[j]!, opts);
        if (similarity !== null) pairs.push({ i, j, similarity });
      }
    }
  }
  pairs.sort((p, q) => p.i - q.i || p.j - q.j);
  return pairs.map((p) => ({ a: docs[p.i]!.id, b: docs[p.j]!.id, similarity: p.similarity }));
}
