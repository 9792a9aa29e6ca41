// Full-text extraction against the article-extraction benchmark, with its own
// metric: we must not do worse than Readability.js 0.6.0 (F1 0.947; our figure is in decision 0003).
import { describe, expect, it } from 'vitest';
import { describeCorpus } from '../../test-support/corpora.ts';
import { extractArticle } from './extract.ts';
import { corpusScore, scorePage } from './extract-quality.ts';
import { loadBaseline, loadExtractionCorpus } from '../../test-support/extraction-corpus.ts';

describe('extraction metric', () => {
  it('scores plain cases as the benchmark defines them', () => {
    expect(scorePage('one two three four five', 'one two three four five')).toMatchObject({
      tp: 1,
      fp: 0,
      fn: 0,
      exact: true,
    });
    expect(scorePage('Hello, world!', 'hello world')).toMatchObject({ tp: 0, exact: false }); // case matters, punctuation does not
    expect(scorePage('a b', 'a b')).toMatchObject({ tp: 1, exact: true }); // fewer than four tokens: one shorter shingle
    expect(corpusScore([scorePage('', '')])).toMatchObject({ precision: 0, recall: 0, f1: 0 }); // no page counts
    const half = scorePage('a b c d e f g h', 'a b c d e');
    expect(half.tp).toBeCloseTo(2 / 5);
    expect(half.fn).toBeCloseTo(3 / 5);
    expect(corpusScore([scorePage('a b c d', ''), scorePage('a b c d', 'a b c d')])).toMatchObject({
      precision: 1,
      recall: 0.5,
    });
  });
});

describeCorpus('article-extraction-benchmark', 'extraction on the benchmark', (dir) => {
  const pages = loadExtractionCorpus(dir);

  it('reproduces the published figures from the stored outputs of other systems', () => {
    const published: [string, number, number, number][] = [
      ['readability_js', 0.947, 0.914, 0.982],
      ['trafilatura', 0.958, 0.938, 0.978],
      ['goose3', 0.896, 0.94, 0.856],
      ['html-text', 0.665, 0.5, 0.994],
    ];
    for (const [name, f1, precision, recall] of published) {
      const baseline = loadBaseline(name, dir);
      const s = corpusScore(pages.map((p) => scorePage(p.truth, baseline[p.id] ?? '')));
      // The README prints bootstrap means to three places: allow one unit in the last place.
      for (const [got, want] of [
        [s.f1, f1],
        [s.precision, precision],
        [s.recall, recall],
      ] as const)
        expect(Math.abs(got - want), name).toBeLessThanOrEqual(0.0011);
    }
  });

  it('extracts at least as well as Readability.js 0.6.0 (F1 >= 0.94)', () => {
    const s = corpusScore(pages.map((p) => scorePage(p.truth, extractArticle(p.html, p.url)?.text ?? '')));
    expect(s.f1).toBeGreaterThanOrEqual(0.94);
  }, 120_000);
});
