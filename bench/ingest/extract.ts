// Full-text extraction over the article-extraction benchmark: quality with the
// benchmark's own metric, beside the stored Readability.js 0.6.0 output, and
// time per page.
import { extractArticle } from '../../src/ingest/process/extract.ts';
import { corpusScore, scorePage } from '../../src/ingest/process/extract-quality.ts';
import { loadBaseline, loadExtractionCorpus } from '../../src/test-support/extraction-corpus.ts';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const pages = loadExtractionCorpus();
  for (const p of pages.slice(0, 10)) extractArticle(p.html, p.url); // warm-up
  const times: number[] = [];
  let refused = 0;
  const scores = pages.map((p) => {
    const t = performance.now();
    const out = extractArticle(p.html, p.url);
    times.push(performance.now() - t);
    if (!out) refused++;
    return scorePage(p.truth, out?.text ?? '');
  });
  const ours = { ...corpusScore(scores), refused };
  const baseline = loadBaseline('readability_js');
  const theirs = corpusScore(pages.map((p) => scorePage(p.truth, baseline[p.id] ?? '')));
  const row = (name: string, s: ReturnType<typeof corpusScore>) =>
    `  ${name.padEnd(40)} ${s.f1.toFixed(3).padStart(6)} ${s.precision.toFixed(3).padStart(6)} ${s.recall.toFixed(3).padStart(6)} ${s.accuracy.toFixed(3).padStart(6)}`;
  log(`  ${pages.length} pages; ${ours.refused} refused or empty; ${'system'.padEnd(30)}     F1      P      R    acc`);
  log(row('masthead extract (Readability on linkedom)', ours));
  log(row('Readability.js 0.6.0 (stored output)', theirs));
  log(
    `  F1 ratio ${(ours.f1 / theirs.f1).toFixed(3)}; ms/page p50 ${pct(times, 50).toFixed(1)} p95 ${pct(times, 95).toFixed(1)} max ${Math.max(...times).toFixed(1)}`,
  );
  return {
    'extract.f1': ours.f1,
    'extract.precision': ours.precision,
    'extract.recall': ours.recall,
    'extract.accuracy': ours.accuracy,
    'extract.readability_js.f1': theirs.f1,
    'extract.readability_js.precision': theirs.precision,
    'extract.readability_js.recall': theirs.recall,
    'extract.ms_p50': pct(times, 50),
    'extract.ms_p95': pct(times, 95),
  };
}
