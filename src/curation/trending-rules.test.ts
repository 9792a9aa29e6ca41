import { describe, expect, it } from 'vitest';
import { decayedReads, DEFAULT_TRENDING_RULES, rankStories, storyScore, type StoryActivity } from './trending-rules.ts';

const H = 3_600_000;
const now = 100 * H;
const story = (o: Partial<StoryActivity> & { key: string }): StoryActivity => ({
  articleId: Number(o.key.replace(/\D/g, '')) || 1,
  publishers: 1,
  latestAt: now - H,
  reads: [],
  editorWeight: 1,
  ...o,
});

describe('top stories right now', () => {
  it('a read one half-life ago counts half', () => {
    expect(decayedReads([{ at: now - 6 * H, count: 10 }], now)).toBeCloseTo(5, 6);
    expect(decayedReads([{ at: now, count: 3 }], now)).toBe(3);
  });

  it('ignores reads beyond the horizon', () => {
    expect(decayedReads([{ at: now - 49 * H, count: 1000 }], now)).toBe(0);
  });

  it('fresh reads beat a bigger but older burst', () => {
    const old = story({ key: 's1', reads: [{ at: now - 20 * H, count: 40 }] });
    const hot = story({ key: 's2', reads: [{ at: now - H, count: 10 }] });
    expect(rankStories([old, hot], now, 2).map((s) => s.key)).toEqual(['s2', 's1']);
  });

  it('coverage boosts, and with no reads at all ranks alone with recency', () => {
    const wide = story({ key: 's1', publishers: 8, latestAt: now - 3 * H });
    const single = story({ key: 's2', publishers: 1, latestAt: now - 3 * H });
    const newer = story({ key: 's3', publishers: 1, latestAt: now - H });
    expect(rankStories([single, newer, wide], now, 3).map((s) => s.key)).toEqual(['s1', 's3', 's2']);
  });

  it('editors can weigh a story up', () => {
    const a = story({ key: 's1', reads: [{ at: now, count: 10 }] });
    const picked = story({ key: 's2', reads: [{ at: now, count: 6 }], editorWeight: 2 });
    expect(storyScore(picked, now)).toBeGreaterThan(storyScore(a, now));
  });

  it('stories older than the maximum age drop out', () => {
    expect(rankStories([story({ key: 's1', latestAt: now - DEFAULT_TRENDING_RULES.maxAgeMs - 1 })], now, 5)).toEqual(
      [],
    );
  });
});
