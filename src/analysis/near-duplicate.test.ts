import { describe, expect, it } from 'vitest';
import { minhashSignature, shingleHashes } from './minhash.ts';
import { copySimilarity, duplicatePairs, findDuplicateOf } from './near-duplicate.ts';

// A deterministic generator of plausible sentences over a small shared vocabulary,
// so different stories share most of their words but not their word order.
function story(seed: number, sentences: number): string {
  const nouns = [
    'council',
    'harbour',
    'ferry',
    'budget',
    'storm',
    'library',
    'museum',
    'league',
    'river',
    'bridge',
    'school',
    'market',
    'festival',
    'orchestra',
    'reservoir',
    'tram',
    'airport',
    'hospital',
  ];
  const verbs = [
    'approved',
    'delayed',
    'reopened',
    'closed',
    'funded',
    'rejected',
    'inspected',
    'expanded',
    'rebuilt',
    'welcomed',
  ];
  const out: string[] = [];
  let s = seed;
  const pick = <T>(xs: T[]) => xs[(s = (s * 1103515245 + 12345) >>> 0) % xs.length]!;
  for (let i = 0; i < sentences; i++)
    out.push(`The ${pick(nouns)} ${pick(verbs)} the ${pick(nouns)} near the ${pick(nouns)} on day ${(s % 97) + i}.`);
  return out.join(' ');
}

const wire = story(1, 40);

// Two publishers' own reports of one (invented) event: same names, numbers and quote.
const reportA = `Harbour councillors in Port Elsby voted by nine votes to four on Tuesday to close the old swing bridge to cars from March, after engineers found corrosion in its main girders. "We cannot gamble with people's safety," said council leader Mara Quint. The bridge, built in 1911, carries about 6,000 vehicles a day. Drivers will be sent along the ring road, adding up to fifteen minutes to journeys. Pedestrians and cyclists can still cross while repairs, expected to cost 4.2 million, are carried out.`;
const reportB = `The swing bridge at Port Elsby will close to traffic in March. Council leader Mara Quint told a packed meeting on Tuesday: "We cannot gamble with people's safety." Councillors backed the closure nine votes to four. An inspection found corrosion in the main girders of the 1911 structure, which takes some 6,000 vehicles a day. Shopkeepers on Quay Street fear losing trade while the 4.2 million repairs go on; people on foot and on bikes will still be able to cross.`;

describe('findDuplicateOf', () => {
  it('links identical texts', () => {
    expect(
      findDuplicateOf({ text: wire, publishedAt: 2, publisherId: 2 }, [
        { id: 7, text: wire, publishedAt: 1, publisherId: 1 },
      ]),
    ).toEqual({ id: 7, similarity: 1, samePublisher: false, basis: 'exact' });
  });

  it('links wire copy with a rewritten first paragraph, another byline and footer to the original', () => {
    const [, ...rest] = wire.split('. ');
    const original = `By Wire Staff. ${wire} (c) Wire Agency. All rights reserved.`;
    const copy = `By Jo Bloggs, Coastal Courier. Our reporter adds a new first line about the weather today, and rewrites the opening. ${rest.join('. ')} Sign up for our newsletter. Follow the Coastal Courier for more local news.`;
    const found = findDuplicateOf({ text: copy, publishedAt: 2000, publisherId: 2 }, [
      { id: 10, text: original, publishedAt: 1000, publisherId: 1 },
      { id: 11, text: story(2, 40), publishedAt: 900, publisherId: 3 },
    ]);
    expect(found).toMatchObject({ id: 10, samePublisher: false, basis: 'exact' });
    expect(found!.similarity).toBeGreaterThan(0.9);
  });

  it('links against a stored signature alone, on the estimate', () => {
    const copy = `${wire} Sign up for our newsletter.`;
    const found = findDuplicateOf({ text: copy, publishedAt: 2, publisherId: 2 }, [
      { id: 3, signature: minhashSignature(wire)!, publishedAt: 1, publisherId: 1 },
    ]);
    expect(found).toMatchObject({ id: 3, basis: 'estimate' });
    expect(found!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(
      findDuplicateOf({ text: story(9, 40), publishedAt: 2, publisherId: 2 }, [
        { id: 3, signature: minhashSignature(wire)!, publishedAt: 1, publisherId: 1 },
      ]),
    ).toBeNull();
  });

  it('prefers the earliest of several copies and never an original published later', () => {
    const found = findDuplicateOf({ text: wire, publishedAt: 5000, publisherId: 9 }, [
      { id: 2, text: wire, publishedAt: 3000, publisherId: 2 },
      { id: 1, text: wire, publishedAt: 1000, publisherId: 1 },
      { id: 0, text: wire, publishedAt: 6000, publisherId: 3 },
    ]);
    expect(found?.id).toBe(1);
    expect(
      findDuplicateOf({ text: wire, publishedAt: 5000, publisherId: 9 }, [
        { id: 0, text: wire, publishedAt: 6000, publisherId: 3 },
      ]),
    ).toBeNull();
  });

  it('never matches an article with itself', () => {
    expect(
      findDuplicateOf({ id: 4, text: wire, publishedAt: 5, publisherId: 1 }, [
        { id: 4, text: wire, publishedAt: 5, publisherId: 1 },
      ]),
    ).toBeNull();
  });

  it('reports a publisher re-posting its own article', () => {
    expect(
      findDuplicateOf({ text: wire, publishedAt: 5, publisherId: 'p1' }, [
        { id: 4, text: wire, publishedAt: 1, publisherId: 'p1' },
      ]),
    ).toMatchObject({ id: 4, samePublisher: true });
  });

  it('does not merge different stories on the same subject', () => {
    const a = story(3, 40);
    const b = story(4, 40);
    expect(
      findDuplicateOf({ text: a, publishedAt: 2, publisherId: 1 }, [
        { id: 1, text: b, publishedAt: 1, publisherId: 2 },
      ]),
    ).toBeNull();
    // Two reports of one event sharing names, figures and a quote.
    expect(copySimilarity(shingleHashes(reportA), shingleHashes(reportB)).jaccard).toBeLessThan(0.1);
    expect(
      findDuplicateOf({ text: reportB, publishedAt: 2, publisherId: 1 }, [
        { id: 1, text: reportA, publishedAt: 1, publisherId: 2 },
      ]),
    ).toBeNull();
    // A short item quoted in full inside a long one is not a copy of it.
    const quoted = story(5, 6);
    expect(
      findDuplicateOf({ text: `${story(6, 60)} ${quoted}`, publishedAt: 2, publisherId: 1 }, [
        { id: 1, text: quoted, publishedAt: 1, publisherId: 2 },
      ]),
    ).toBeNull();
  });

  it('never merges short texts, even identical ones', () => {
    const brief = 'Final score: Harbour Rovers 2, Port Elsby Town 1. More to follow.';
    expect(
      findDuplicateOf({ text: brief, publishedAt: 2, publisherId: 1 }, [
        { id: 1, text: brief, publishedAt: 1, publisherId: 2 },
      ]),
    ).toBeNull();
    const fortyNine = story(7, 40).split(' ').slice(0, 49).join(' ');
    expect(
      findDuplicateOf({ text: fortyNine, publishedAt: 2, publisherId: 1 }, [
        { id: 1, text: fortyNine, publishedAt: 1, publisherId: 2 },
      ]),
    ).toBeNull();
    expect(
      findDuplicateOf({ text: wire, publishedAt: 2, publisherId: 1 }, [
        { id: 1, text: fortyNine, publishedAt: 1, publisherId: 2 },
      ]),
    ).toBeNull();
  });

  it('takes its thresholds from the options', () => {
    const half = story(8, 40).split('. ');
    const revised = [...half.slice(0, 30), ...story(9, 10).split('. ')].join('. ');
    const original = half.join('. ');
    expect(
      findDuplicateOf({ text: revised, publishedAt: 2, publisherId: 1 }, [
        { id: 1, text: original, publishedAt: 1, publisherId: 2 },
      ]),
    ).toBeNull();
    expect(
      findDuplicateOf(
        { text: revised, publishedAt: 2, publisherId: 1 },
        [{ id: 1, text: original, publishedAt: 1, publisherId: 2 }],
        { threshold: 0.5, containment: 1.01 },
      ),
    ).toMatchObject({ id: 1 });
  });
});

describe('duplicatePairs', () => {
  it('finds the copies in a batch through the LSH buckets', () => {
    const docs = [
      { id: 'a', text: wire },
      { id: 'b', text: story(2, 40) },
      { id: 'c', text: `New intro for readers here. ${wire} Footer.` },
      { id: 'd', text: 'too short' },
      { id: 'e', text: 'too short' },
      { id: 'f', text: reportA },
      { id: 'g', text: reportB },
    ];
    const pairs = duplicatePairs(docs);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['a', 'c']]);
  });
});
