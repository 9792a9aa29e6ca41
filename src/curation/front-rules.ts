// A front page tells each story once. Pure rules over plain rows: the lists
// (lists.ts) fetch the newest articles and these pick what is shown.

export interface StoryRow {
  id: number;
  /** the story (cluster) the article belongs to; null until curated, or a story of one */
  cluster_id: number | null;
}

/**
 * The first article of each story, in the given order (newest first gives
 * each story's latest report), skipping stories already shown higher on the
 * page. Articles not yet in a story stand for themselves.
 */
export function onePerStory<T extends StoryRow>(rows: readonly T[], limit: number, shownStories: ReadonlySet<number> = new Set()): T[] {
  const seen = new Set(shownStories);
  const out: T[] = [];
  for (const r of rows) {
    if (out.length >= limit) break;
    if (r.cluster_id !== null) {
      if (seen.has(r.cluster_id)) continue;
      seen.add(r.cluster_id);
    }
    out.push(r);
  }
  return out;
}
