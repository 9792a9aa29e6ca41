// Full-text extraction against the article-extraction benchmark, with its own
// metric: we must not do worse than Readability.js 0.6.0 (F1 0.947).
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract.ts';
import { corpusScore, scorePage } from './extract-quality.ts';
import { loadBaseline, loadExtractionCorpus } from './extraction-corpus.ts';

describe('extraction metric', () => {
  it('scores plain cases as the benchmark defines them', () => {
    expect(scorePage('one two three four five', 'one two three four five')).toMatchObject({ tp: 1, fp: 0, fn: 0, exact: true });
    const half = scorePage('a b c d e f g h', 'a b c d e');
    expect(half.tp).toBeCloseTo(2 / 5);
    expect(half.fn).toBeCloseTo(3 / 5);
    expect(corpusScore([scorePage('a b c d', ''), scorePage('a b c d', 'a b c d')])).toMatchObject({ precision: 1, recall: 0.5 });
  });

  const pages = loadExtractionCorpus();

  it('reproduces the published Readability.js figure from its stored output', () => {
    const baseline = loadBaseline('readability_js');
    const s = corpusScore(pages.map((p) => scorePage(p.truth, baseline[p.id] ?? '')));
    expect(s.f1).toBeCloseTo(0.947, 3);
  });

  it('extracts at least as well as Readability.js 0.6.0 (F1 >= 0.94)', () => {
    const s = corpusScore(pages.map((p) => scorePage(p.truth, extractArticle(p.html, p.url)?.text ?? '')));
    expect(s.f1).toBeGreaterThanOrEqual(0.94);
  }, 120_000);
});
