// "Top stories right now": stories ranked by how fast qualified reads are
// arriving, with older reads fading exponentially (a half-life), boosted by
// how many publishers cover the story and by editors. Before anyone has read
// anything (a new install), coverage and recency rank alone. Pure: the job in
// trending.ts feeds it counts from the database.

export interface TrendingRules {
  /** a read this old counts half as much as one now */
  halfLifeMs: number;
  /** reads older than this are ignored */
  horizonMs: number;
  /** per extra publisher covering the story: score × (1 + coverageBoost × ln(publishers)) */
  coverageBoost: number;
  /** stories published longer ago than this are not "right now" */
  maxAgeMs: number;
}

export const DEFAULT_TRENDING_RULES: TrendingRules = {
  halfLifeMs: 6 * 3_600_000,
  horizonMs: 48 * 3_600_000,
  coverageBoost: 0.5,
  maxAgeMs: 3 * 86_400_000,
};

export interface StoryActivity {
  /** the cluster id, or the article id for a story no one else covers */
  key: string;
  /** the article shown for the story */
  articleId: number;
  publishers: number;
  /** the story's newest report */
  latestAt: number;
  /** qualified reads, bucketed: when (any time inside the bucket) and how many */
  reads: readonly { at: number; count: number }[];
  /** 1 for no opinion; picks and featured stories weigh more */
  editorWeight: number;
}

/** Σ count × 2^(−age / half-life) over reads within the horizon. */
export function decayedReads(
  reads: StoryActivity['reads'],
  now: number,
  rules: Pick<TrendingRules, 'halfLifeMs' | 'horizonMs'> = DEFAULT_TRENDING_RULES,
): number {
  let s = 0;
  for (const r of reads) {
    const age = Math.max(0, now - r.at);
    if (age > rules.horizonMs) continue;
    s += r.count * Math.pow(2, -age / rules.halfLifeMs);
  }
  return s;
}

/**
 * The story's score. Read velocity leads; the fallback term (coverage times
 * freshness, at most 1) orders stories no one has read yet, and breaks ties.
 */
export function storyScore(s: StoryActivity, now: number, rules: TrendingRules = DEFAULT_TRENDING_RULES): number {
  const coverage = 1 + rules.coverageBoost * Math.log(Math.max(1, s.publishers));
  const freshness = Math.pow(2, -Math.max(0, now - s.latestAt) / rules.halfLifeMs);
  const fallback = (coverage * freshness) / (1 + rules.coverageBoost * Math.log(50));
  return (decayedReads(s.reads, now, rules) * coverage + fallback) * s.editorWeight;
}

export function rankStories(
  stories: readonly StoryActivity[],
  now: number,
  limit: number,
  rules: TrendingRules = DEFAULT_TRENDING_RULES,
): (StoryActivity & { score: number })[] {
  return stories
    .filter((s) => now - s.latestAt <= rules.maxAgeMs)
    .map((s) => ({ ...s, score: storyScore(s, now, rules) }))
    .sort((a, b) => b.score - a.score || b.latestAt - a.latestAt || b.articleId - a.articleId)
    .slice(0, limit);
}
