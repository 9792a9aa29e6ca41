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
export function onePerStory<T extends StoryRow>(
  rows: readonly T[],
  limit: number,
  shownStories: ReadonlySet<number> = new Set(),
): T[] {
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

/**
 * One page of a list told story by story: rows in list order, at most `limit`
 * shown, each story once (`stories`, updated, holds those already shown).
 * `consumed`: how many rows were read, hidden repeats included, so the next
 * page starts after them; `more`: a further story follows in these rows.
 */
export function storyPage<T extends StoryRow>(
  rows: readonly T[],
  limit: number,
  stories: Set<number>,
): { shown: T[]; consumed: number; more: boolean } {
  const shown: T[] = [];
  let consumed = 0;
  for (const r of rows) {
    const repeat = r.cluster_id !== null && stories.has(r.cluster_id);
    if (!repeat && shown.length >= limit) return { shown, consumed, more: true };
    consumed++;
    if (repeat) continue;
    if (r.cluster_id !== null) stories.add(r.cluster_id);
    shown.push(r);
  }
  return { shown, consumed, more: false };
}
