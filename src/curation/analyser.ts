// Runs the analysis step (analyse.ts) inline, or on a worker thread so that a
// large backlog uses both cores: the worker analyses the next batch while the
// main thread stores the current one. Results cross the thread boundary as
// plain arrays (toWire / fromWire).
import { Worker } from 'node:worker_threads';
import { analyse, type Analysis, type ArticleText } from './analyse.ts';

export interface Analyser {
  analyseAll(items: ArticleText[]): Promise<Analysis[]>;
  close(): Promise<void>;
}

type Wire = Omit<Analysis, 'counts'> & { counts: [string, number][] };

export const toWire = (a: Analysis): Wire => ({ ...a, counts: [...a.counts] });
const fromWire = (w: Wire): Analysis => ({ ...w, counts: new Map(w.counts) });

export const inlineAnalyser: Analyser = {
  analyseAll: async (items) => items.map(analyse),
  close: async () => undefined,
};

export function workerAnalyser(): Analyser {
  // Compiled, the worker is its own entry beside the bundle; from source it needs tsx's loader first.
  const worker =
    typeof __MASTHEAD_COMPILED__ !== 'undefined'
      ? new Worker(new URL('./analyse-worker.js', import.meta.url))
      : new Worker(new URL('./analyse-boot.mjs', import.meta.url), {
          workerData: { module: new URL('./analyse-worker.ts', import.meta.url).href },
        });
  worker.unref();
  let next = 0;
  let stopped: Error | null = null;
  const pending = new Map<number, { resolve: (a: Analysis[]) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    stopped ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (m: { id: number; results?: Wire[]; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined || !m.results) p?.reject(new Error(`analysis failed: ${m.error}`));
    else p?.resolve(m.results.map(fromWire));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`analysis worker stopped (exit ${code})`)));
  return {
    analyseAll(items) {
      const id = next++;
      if (stopped) return Promise.reject(stopped);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, items });
      });
    },
    async close() {
      stopped ??= new Error('analysis worker closed');
      await worker.terminate();
    },
  };
}
