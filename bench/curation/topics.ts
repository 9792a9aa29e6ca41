// Topic assignment measured on the BBC News corpus (2225 articles in five
// labelled folders). Each article goes through assignTopics with its headline
// as title and the rest as body; the prediction is the best-scoring of the five
// top-level topics the labels correspond to, and no prediction counts as wrong.
// Reports accuracy, macro-F1 over the five labels and milliseconds per article,
// and prints a confusion table to stderr.
//
// The corpus is for measurement only: the lexicon in src/analysis/topics.ts is
// never fitted to it, and nothing of its text leaves this benchmark.
//
// Run alone: node --import tsx bench/curation/topics.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignTopics } from '../../src/analysis/topics.ts';

export const BBC_TOPICS_DIR =
  process.env.BBC_CORPUS_DIR ?? fileURLToPath(new URL('../../../shared/corpora/bbc-news-topics', import.meta.url));

export const LABEL_TOPIC: Record<string, string> = {
  business: 'economy-business-finance',
  entertainment: 'arts-culture-entertainment-media',
  politics: 'politics',
  sport: 'sport',
  tech: 'science-technology',
};
const LABELS = Object.keys(LABEL_TOPIC);
const TOPIC_LABEL = new Map(Object.entries(LABEL_TOPIC).map(([l, t]) => [t, l]));

interface Article {
  label: string;
  title: string;
  text: string;
}

// UTF-8; the one file with a latin-1 byte decodes to U+FFFD and is read as latin-1 instead.
function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.includes('\uFFFD') ? bytes.toString('latin1') : text;
}

function load(dir: string): Article[] {
  const out: Article[] = [];
  for (const label of LABELS) {
    const labelDir = path.join(dir, 'bbc', label);
    for (const file of fs
      .readdirSync(labelDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const lines = decode(fs.readFileSync(path.join(labelDir, file))).split('\n');
      out.push({ label, title: (lines[0] ?? '').trim(), text: lines.slice(1).join('\n').trim() });
    }
  }
  return out;
}

function predict(a: Article): string | null {
  const topics = assignTopics({ title: a.title, standfirst: '', text: a.text, categories: [], section: null });
  for (const t of topics) {
    const label = TOPIC_LABEL.get(t.slug);
    if (label) return label; // sorted by score: the first of the five is the best
  }
  return null;
}

export async function topicsBench(
  log: (line: string) => void = (l) => console.error(l),
): Promise<Record<string, number>> {
  const articles = load(BBC_TOPICS_DIR);
  for (const a of articles.slice(0, 100)) predict(a); // warm-up
  const predictions: (string | null)[] = [];
  const t0 = performance.now();
  for (const a of articles) predictions.push(predict(a));
  const ms = performance.now() - t0;

  // confusion[truth][predicted or 'none']
  const cols = [...LABELS, 'none'];
  const confusion = new Map(LABELS.map((l) => [l, new Map(cols.map((c) => [c, 0]))]));
  let correct = 0;
  articles.forEach((a, i) => {
    const p = predictions[i] ?? 'none';
    const row = confusion.get(a.label)!;
    row.set(p, row.get(p)! + 1);
    if (p === a.label) correct++;
  });

  let f1Sum = 0;
  const perLabel: string[] = [];
  for (const l of LABELS) {
    const tp = confusion.get(l)!.get(l)!;
    const predicted = LABELS.reduce((n, t) => n + confusion.get(t)!.get(l)!, 0);
    const actual = articles.filter((a) => a.label === l).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    f1Sum += f1;
    perLabel.push(`${l} P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`);
  }

  const w = 14;
  log(`  ${articles.length} articles, ${ms.toFixed(0)} ms; rows: label, columns: prediction`);
  log(`  ${''.padEnd(w)}${cols.map((c) => c.padStart(w)).join('')}`);
  for (const l of LABELS)
    log(`  ${l.padEnd(w)}${cols.map((c) => String(confusion.get(l)!.get(c)).padStart(w)).join('')}`);
  for (const line of perLabel) log(`  ${line}`);

  return {
    'topics.bbc.accuracy': correct / articles.length,
    'topics.bbc.macro_f1': f1Sum / LABELS.length,
    'topics.bbc.ms_per_article': ms / articles.length,
  };
}

/** The bench/run.ts convention. */
export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  return topicsBench(log);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const figures = await topicsBench();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(32)} ${+v.toFixed(4)}`);
}
