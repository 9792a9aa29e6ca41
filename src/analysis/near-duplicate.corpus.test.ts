// The detector against the BBC News corpus (internal evaluation only; skipped
// where the corpus is absent). Every listed byte-identical pair must be found.
// Distinct articles must never be merged. Pairs outside the list may be: the
// corpus holds 63 more copies, the same body under a new headline or a lightly
// revised version, which the detector is meant to link; an independent word
// alignment tells copies from distinct articles (see bench/curation/dedupe.ts).
import { expect, it } from 'vitest';
import { loadBbc, scoreBbc } from '../../bench/curation/dedupe.ts';
import { describeCorpus } from '../test-support/corpora.ts';
import { duplicatePairs } from './near-duplicate.ts';

describeCorpus(
  'bbc-news-topics',
  'near-duplicates in the BBC News corpus',
  () => {
    it('finds all 98 byte-identical pairs and merges no different stories', () => {
      const { articles, listed } = loadBbc();
      expect(articles).toHaveLength(2225);
      expect(listed).toHaveLength(98);
      const score = scoreBbc(articles, listed, duplicatePairs(articles));
      expect(score.pairsFound).toBe(98);
      expect(score.differentStory).toEqual([]);
      // Every other flagged pair is a copy by the independent word-alignment test.
      expect(score.headlineOnly.length + score.revisions.length).toBe(score.unlisted.length);
    });
  },
  'exact-duplicate-pairs.tsv',
);
