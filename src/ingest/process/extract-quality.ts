// The article-extraction benchmark's metric (Scrapinghub/Zyte), re-implemented:
// word 4-gram shingles, per-page multiset TP/FP/FN normalised by their sum,
// precision and recall averaged over pages, F1 from the two means.

export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const t = tokens(text);
  const out = new Map<string, number>();
  const k = Math.min(n, t.length);
  if (k === 0) return out;
  for (let i = 0; i + k <= t.length; i++) {
    const s = t.slice(i, i + k).join(' ');
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

export function scorePage(truth: string, prediction: string): PageScore {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, c] of p) {
    const tc = t.get(s) ?? 0;
    tp += Math.min(c, tc);
    fp += Math.max(0, c - tc);
  }
  for (const [s, c] of t) fn += Math.max(0, c - (p.get(s) ?? 0));
  const sum = tp + fp + fn;
  const norm = sum > 0 ? sum : 1;
  const a = tokens(truth);
  const b = tokens(prediction);
  return { tp: tp / norm, fp: fp / norm, fn: fn / norm, exact: a.length === b.length && a.every((x, i) => x === b[i]) };
}

export function corpusScore(pages: PageScore[]): { precision: number; recall: number; f1: number; accuracy: number } {
  const prec = pages.filter((p) => p.tp + p.fp > 0).map((p) => (p.fp === 0 && p.fn === 0 ? 1 : p.tp / (p.tp + p.fp)));
  const rec = pages.filter((p) => p.tp + p.fn > 0).map((p) => (p.fp === 0 && p.fn === 0 ? 1 : p.tp / (p.tp + p.fn)));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(prec);
  const recall = mean(rec);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    accuracy: mean(pages.map((p) => (p.exact ? 1 : 0))),
  };
}
