// A developing story (thread) as a whole: the running profile of every report
// in it (the mean of their term vectors, and the names that lead them), so a
// new story can be compared with the thread, not only with its single reports.
// A thread's reports tell it from many angles; one new angle may share little
// with any one earlier report and still be plainly about what they share (a
// story about the missing after an attack, against thirty reports of the
// attack). Pure rules over plain objects; thread-store.ts keeps the profiles.
import { addVectors, normalise, type TermVector } from '../analysis/terms.ts';
import { continuesStory, DEFAULT_THREAD_RULES, type ThreadRules, type ThreadView } from './cluster-rules.ts';

export interface ThreadProfile {
  /** the thread's id: its first cluster's */
  id: number;
  /** the sum of its reports' unit vectors, cut to the strongest terms: adding and merging stay exact */
  sum: TermVector;
  /** the sum at unit length: the direction of the reports' mean, what a story is compared with */
  centroid: TermVector;
  /** name key → weight: each report gives its first name 1, its second 1/2, its third 1/3… */
  names: Map<string, number>;
  size: number;
  firstAt: number;
  lastAt: number;
}

/** Terms kept in a thread's sum, as in a story's centroid. */
export const THREAD_TERMS = 120;
/** Names kept in a thread's profile. */
export const THREAD_NAMES = 24;

export interface Report {
  vector: TermVector;
  /** entity keys, most salient first */
  entities: readonly string[];
  publishedAt: number;
}

function topNames(names: Map<string, number>): Map<string, number> {
  return new Map([...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, THREAD_NAMES));
}

function withSum(sum: TermVector): Pick<ThreadProfile, 'sum' | 'centroid'> {
  return { sum, centroid: normalise(sum) };
}

export function newProfile(id: number, r: Report): ThreadProfile {
  return addReport(
    {
      id,
      sum: new Map(),
      centroid: new Map(),
      names: new Map(),
      size: 0,
      firstAt: r.publishedAt,
      lastAt: r.publishedAt,
    },
    r,
  );
}

/** The profile with one more report in it: each report counts the same, whenever it came. */
export function addReport(p: ThreadProfile, r: Report): ThreadProfile {
  const sum = addVectors(p.sum, r.vector, THREAD_TERMS);
  const names = new Map(p.names);
  r.entities.forEach((k, i) => names.set(k, (names.get(k) ?? 0) + 1 / (i + 1)));
  return {
    id: p.id,
    ...withSum(sum),
    names: topNames(names),
    size: p.size + 1,
    firstAt: Math.min(p.firstAt, r.publishedAt),
    lastAt: Math.max(p.lastAt, r.publishedAt),
  };
}

/** Two threads become one, under `keep`'s id: their sums and names added up. */
export function mergeProfiles(keep: ThreadProfile, other: ThreadProfile): ThreadProfile {
  const sum = addVectors(keep.sum, other.sum, THREAD_TERMS);
  const names = new Map(keep.names);
  for (const [k, w] of other.names) names.set(k, (names.get(k) ?? 0) + w);
  return {
    id: keep.id,
    ...withSum(sum),
    names: topNames(names),
    size: keep.size + other.size,
    firstAt: Math.min(keep.firstAt, other.firstAt),
    lastAt: Math.max(keep.lastAt, other.lastAt),
  };
}

/** A stored profile: its sum (as stored) and the rest. */
export function profileFromSum(p: Omit<ThreadProfile, 'centroid'>): ThreadProfile {
  return { ...p, ...withSum(p.sum) };
}

/** A thread's names, most leading first. */
export function leadingNames(p: ThreadProfile): string[] {
  return [...p.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
}

/**
 * Whether a new story continues this thread: it falls within the thread
 * window of the thread's span, and it passes the rule for two stories
 * (continuesStory: a shared lead name, text at least the related-stories
 * floor) with the thread's profile standing for the earlier story.
 */
export function continuesThread(a: ThreadView, p: ThreadProfile, rules: ThreadRules = DEFAULT_THREAD_RULES): boolean {
  if (a.publishedAt < p.firstAt - rules.windowMs || a.publishedAt > p.lastAt + rules.windowMs) return false;
  const nearest = Math.min(Math.max(a.publishedAt, p.firstAt), p.lastAt);
  return continuesStory(a, { vector: p.centroid, entities: leadingNames(p), publishedAt: nearest }, rules);
}
