// Scores for a clustering against a truth: B-cubed precision, recall and F1
// (per item, averaged) and the adjusted Rand index. Used by the benchmarks and
// the corpus tests; pure.

export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
  ari: number;
}

/** predicted[i] and truth[i] are the cluster and the true class of item i. */
export function scoreClustering(
  predicted: readonly (string | number)[],
  truth: readonly (string | number)[],
): ClusterScores {
  if (predicted.length !== truth.length) throw new Error('predicted and truth differ in length');
  const n = predicted.length;
  if (n === 0) return { precision: 1, recall: 1, f1: 1, ari: 1 };
  const cell = new Map<string, number>();
  const bySys = new Map<string | number, number>();
  const byTrue = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const k = `${predicted[i]}\u0000${truth[i]}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
    bySys.set(predicted[i]!, (bySys.get(predicted[i]!) ?? 0) + 1);
    byTrue.set(truth[i]!, (byTrue.get(truth[i]!) ?? 0) + 1);
  }
  // B-cubed: item i's precision is |its cluster ∩ its class| / |its cluster|; summed per cell.
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = cell.get(`${predicted[i]}\u0000${truth[i]}`)!;
    p += both / bySys.get(predicted[i]!)!;
    r += both / byTrue.get(truth[i]!)!;
  }
  const precision = p / n;
  const recall = r / n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const v of cell.values()) index += pairs(v);
  let a = 0;
  let b = 0;
  for (const v of bySys.values()) a += pairs(v);
  for (const v of byTrue.values()) b += pairs(v);
  const expected = (a * b) / pairs(n);
  const max = (a + b) / 2;
  const ari = max === expected ? 1 : (index - expected) / (max - expected);
  return { precision, recall, f1, ari };
}
