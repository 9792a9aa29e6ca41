// Is this article a syndicated copy of an earlier one? Decided on the body
// text: MinHash estimate first (cheap), confirmed on the exact shingle sets
// where both texts are at hand. A copy is either near-identical (Jaccard
// >= 0.8) or one text almost wholly inside the other (containment >= 0.9, the
// smaller at least half the larger): wire copy re-published with a new intro
// or footer. Two publishers' own reports of one event, sharing names and
// phrases, stay far below both.
import { estimateJaccard, minhashSignature, shingleHashes } from './minhash.ts';

export const DUPLICATE_THRESHOLD = 0.8;
export const CONTAINMENT_THRESHOLD = 0.9;

/** max(Jaccard, containment-based similarity) on two shingle sets. */
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

export interface DuplicateCandidateText {
  id: number | string;
  text?: string;
  signature?: Uint32Array;
  publishedAt: number;
  publisherId: number;
}

export function findDuplicateOf(
  candidate: { text: string; publishedAt: number; publisherId: number },
  others: DuplicateCandidateText[],
  opts: { threshold?: number } = {},
): { id: number | string; similarity: number; samePublisher: boolean } | null {
  const threshold = opts.threshold ?? DUPLICATE_THRESHOLD;
  const sig = minhashSignature(candidate.text);
  if (!sig) return null;
  let shingles: Uint32Array | undefined;
  let best: { id: number | string; similarity: number; samePublisher: boolean; publishedAt: number } | null = null;
  for (const o of others) {
    const oSig = o.signature ?? (o.text ? minhashSignature(o.text) : null);
    if (!oSig) continue;
    // A low bar for the estimate (containment cases have a modest Jaccard); the exact measure decides.
    if (estimateJaccard(sig, oSig) < 0.4) continue;
    let similarity: number;
    if (o.text) {
      shingles ??= shingleHashes(candidate.text);
      const { jaccard, containment } = copySimilarity(shingles, shingleHashes(o.text));
      if (jaccard < threshold && containment < CONTAINMENT_THRESHOLD) continue;
      similarity = Math.max(jaccard, containment);
    } else {
      similarity = estimateJaccard(sig, oSig);
      if (similarity < threshold) continue;
    }
    if (!best || o.publishedAt < best.publishedAt || (o.publishedAt === best.publishedAt && similarity > best.similarity)) {
      best = { id: o.id, similarity, samePublisher: o.publisherId === candidate.publisherId, publishedAt: o.publishedAt };
    }
  }
  return best && { id: best.id, similarity: best.similarity, samePublisher: best.samePublisher };
}
