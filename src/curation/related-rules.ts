// Which other stories are "related" to an article: close in text (TF-IDF
// cosine), sharing people, organisations and places, sharing topics. Never the
// same story: copies and the other reports in its own cluster are shown apart,
// as "more coverage".
import { dot, type TermVector } from '../analysis/terms.ts';

export interface RelatedProfile {
  id: number;
  clusterId: number | null;
  duplicateOf: number | null;
  publishedAt: number;
  vector: TermVector;
  entities: ReadonlySet<string>;
  topics: ReadonlySet<string>;
}

export interface RelatedRules {
  textWeight: number;
  entityWeight: number;
  topicWeight: number;
  /** below this, a story is not related enough to show */
  minScore: number;
  /** stories older than this (from the article's time) fade: score × 0.5 per half-life */
  ageHalfLifeMs: number;
}

export const DEFAULT_RELATED_RULES: RelatedRules = {
  textWeight: 0.7,
  entityWeight: 0.2,
  topicWeight: 0.1,
  minScore: 0.12,
  ageHalfLifeMs: 30 * 86_400_000,
};

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return shared / (a.size + b.size - shared);
}

/** One story of the same event as another: copies of each other, or reports in one cluster. */
export function sameStory(
  a: Pick<RelatedProfile, 'id' | 'clusterId' | 'duplicateOf'>,
  b: Pick<RelatedProfile, 'id' | 'clusterId' | 'duplicateOf'>,
): boolean {
  const rootA = a.duplicateOf ?? a.id;
  const rootB = b.duplicateOf ?? b.id;
  if (rootA === rootB) return true;
  return a.clusterId !== null && a.clusterId === b.clusterId;
}

export function relatedScore(
  a: RelatedProfile,
  b: RelatedProfile,
  rules: RelatedRules = DEFAULT_RELATED_RULES,
): number {
  const text = dot(a.vector, b.vector);
  // Names and topics only count alongside some shared text: two stories that merely both mention a country are not related.
  const support = Math.min(1, text * 5);
  const score =
    rules.textWeight * text +
    support * (rules.entityWeight * jaccard(a.entities, b.entities) + rules.topicWeight * jaccard(a.topics, b.topics));
  const age = Math.abs(a.publishedAt - b.publishedAt);
  return score * Math.pow(0.5, age / rules.ageHalfLifeMs);
}

/** The best related stories for `a` among candidates, strongest first. */
export function rankRelated(
  a: RelatedProfile,
  candidates: readonly RelatedProfile[],
  limit: number,
  rules: RelatedRules = DEFAULT_RELATED_RULES,
): { id: number; score: number }[] {
  const out: { id: number; score: number }[] = [];
  for (const c of candidates) {
    if (c.id === a.id || sameStory(a, c)) continue;
    const score = relatedScore(a, c, rules);
    if (score >= rules.minScore) out.push({ id: c.id, score });
  }
  return out.sort((x, y) => y.score - x.score || y.id - x.id).slice(0, limit);
}
