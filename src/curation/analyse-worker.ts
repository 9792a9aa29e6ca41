// The analysis step on a worker thread: the pure, CPU-bound part of the
// curation pass (terms, topics, names, tone) for the next batch runs here
// while the main thread writes the current batch to the database.
import { parentPort } from 'node:worker_threads';
import { analyse, type ArticleText } from './analyse.ts';
import { toWire } from './analyser.ts';

parentPort!.on('message', (m: { id: number; items: ArticleText[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, results: m.items.map((a) => toWire(analyse(a))) });
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: (err as Error).message });
  }
});
