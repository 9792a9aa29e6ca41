// Texts → weighted term vectors for similarity: words (tokens.ts), English
// stop words dropped, Porter-stemmed, counted per field (headline counts three
// times, standfirst twice, body once), then TF-IDF, cut to the strongest terms
// and L2-normalised so that a dot product is a cosine.
import { stemmer } from 'stemmer';
import { words } from './tokens.ts';

/** A sparse vector: term → weight, strongest first when built here. */
export type TermVector = Map<string, number>;

const STOP = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both but by can can't could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over own per same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those through to too under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
  said says say saying told according year years week weeks day days month months time times new one two three first last many much may might must also like just even still well back made make makes get got go going went come came take took since around across another every however although though yet already told ago today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr people way could would include including includes including per cent percent`.split(
    /\s+/,
  ),
);

const stemCache = new Map<string, string>();
function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** The terms of a text: stop words and one-letter words out, numbers kept only when mixed with letters (mh370). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOP.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w.replace(/'s$/, '')));
  }
  return out;
}

export interface Fields {
  title: string;
  standfirst: string;
  text: string;
}

/** Weighted term counts of an article; the body is read up to `maxWords` words (the lead carries the story). */
export function termCounts(a: Fields, maxWords = 800): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number, limit = Infinity) => {
    let n = 0;
    for (const t of terms(text)) {
      if (n++ >= limit) break;
      counts.set(t, (counts.get(t) ?? 0) + weight);
    }
  };
  add(a.title, 3);
  add(a.standfirst, 2);
  add(a.text, 1, maxWords);
  return counts;
}

/** Smoothed inverse document frequency: rare terms weigh more, a term in every document still weighs a little. */
export function idf(df: number, docs: number): number {
  return Math.log((docs + 1) / (df + 1)) + 1;
}

/** TF-IDF with sub-linear term frequency, the `k` strongest terms, unit length. */
export function tfidfVector(
  counts: Map<string, number>,
  dfOf: (term: string) => number,
  docs: number,
  k = 40,
): TermVector {
  const scored: [string, number][] = [];
  for (const [t, c] of counts) scored.push([t, (1 + Math.log(c)) * idf(dfOf(t), docs)]);
  scored.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return normalise(new Map(scored.slice(0, k)));
}

export function normalise(v: TermVector): TermVector {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  const norm = Math.sqrt(sum);
  if (norm === 0) return new Map();
  const out: TermVector = new Map();
  for (const [t, w] of v) out.set(t, w / norm);
  return out;
}

/** Dot product; the cosine for unit vectors. */
export function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) s += w * o;
  }
  return s;
}

/**
 * A running sum of unit vectors (a story's or a thread's reports) with one more
 * vector, or another such sum, added: cut to its `k` strongest terms so it stays
 * small. Its direction, normalise(sum), is the members' mean; every member
 * counts the same whatever order they came in.
 */
export function addVectors(sum: TermVector, v: TermVector, k = 120): TermVector {
  const out = new Map(sum);
  for (const [t, w] of v) out.set(t, (out.get(t) ?? 0) + w);
  return new Map([...out].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, k));
}

/** Compact JSON for storage: [[term, weight], …] with weights rounded to 4 places. */
export function serialiseVector(v: TermVector): string {
  return JSON.stringify([...v].map(([t, w]) => [t, Math.round(w * 10_000) / 10_000]));
}

export function parseVector(json: string | null | undefined): TermVector {
  if (!json) return new Map();
  try {
    const pairs = JSON.parse(json) as [string, number][];
    return new Map(pairs.filter((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number'));
  } catch {
    return new Map();
  }
}
