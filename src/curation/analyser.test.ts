import { describe, expect, it } from 'vitest';
import { inlineAnalyser, workerAnalyser } from './analyser.ts';

const items = [
  {
    title: 'Harbour council approves sea wall budget',
    standfirst: 'Councillors in Saltmere voted for the repairs.',
    text: 'The Saltmere Harbour Board said the vote was a relief. Mayor Petra Coyle welcomed it.',
    categories: ['Politics'],
    section: 'news',
  },
  {
    title: 'Rovers win the cup final',
    standfirst: 'A late goal settled it.',
    text: 'Saltmere Rovers beat Kellbridge Town two goals to one in the final.',
    categories: [],
    section: 'sport',
  },
];

describe('the analysis step on a worker thread', () => {
  it('gives exactly what the inline analysis gives', async () => {
    const worker = workerAnalyser();
    try {
      const [a, b] = await Promise.all([worker.analyseAll(items), inlineAnalyser.analyseAll(items)]);
      expect(a).toEqual(b);
      expect(a[1]!.topics[0]!.slug).toBe('sport');
      // Several requests in flight are answered in order.
      const many = await Promise.all([worker.analyseAll([items[0]!]), worker.analyseAll([items[1]!])]);
      expect(many.map((m) => m[0]!.topics[0]!.slug)).toEqual([a[0]!.topics[0]!.slug, 'sport']);
    } finally {
      await worker.close();
    }
  });

  it('a stopped worker fails what is pending rather than hanging', async () => {
    const worker = workerAnalyser();
    await worker.close();
    await expect(worker.analyseAll(items)).rejects.toThrow();
  });
});
