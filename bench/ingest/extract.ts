// Full-text extraction over the article-extraction benchmark: quality with the
// benchmark's own metric, beside the stored Readability.js 0.6.0 output, and
// time per page.
import { extractArticle } from '../../src/ingest/process/extract.ts';
import { corpusScore, scorePage } from '../../src/ingest/process/extract-quality.ts';
import { loadBaseline, loadExtractionCorpus } from '../../src/ingest/process/extraction-corpus.ts';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const pages = loadExtractionCorpus();
  for (const p of pages.slice(0, 10)) extractArticle(p.html, p.url); // warm-up
  const times: number[] = [];
  const scores = pages.map((p) => {
    const t = performance.now();
    const out = extractArticle(p.html, p.url);
    times.push(performance.now() - t);
    return scorePage(p.truth, out?.text ?? '');
  });
  const ours = corpusScore(scores);
  const baseline = loadBaseline('readability_js');
  const theirs = corpusScore(pages.map((p) => scorePage(p.truth, baseline[p.id] ?? '')));
  log(`  ${pages.length} pages`);
  log(`  masthead (Readability 0.6 on linkedom): F1 ${ours.f1.toFixed(3)}  P ${ours.precision.toFixed(3)}  R ${ours.recall.toFixed(3)}`);
  log(`  Readability.js 0.6.0 (stored output):  F1 ${theirs.f1.toFixed(3)}  P ${theirs.precision.toFixed(3)}  R ${theirs.recall.toFixed(3)}   ratio ${(ours.f1 / theirs.f1).toFixed(3)}`);
  return {
    'extract.f1': ours.f1,
    'extract.precision': ours.precision,
    'extract.recall': ours.recall,
    'extract.readability_js.f1': theirs.f1,
    'extract.ms_p50': pct(times, 50),
    'extract.ms_p95': pct(times, 95),
  };
}
