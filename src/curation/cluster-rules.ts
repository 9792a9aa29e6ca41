// When does an incoming article join an existing story cluster? Pure rules
// over plain objects; the job (job.ts) gathers the candidates and stores the
// outcome. A story is one event told by several publishers: the texts must be
// close (TF-IDF cosine to the cluster's centroid or to its closest member),
// the names in them should overlap, and the cluster must be recent, so a
// cluster never swallows weeks of loosely related news.
import { dot, type TermVector } from '../analysis/terms.ts';
import { sameName } from './name-rules.ts';

export interface ClusterRules {
  /** A joining article must be published within this distance of the cluster's span. */
  windowMs: number;
  /** A cluster never spans more than this from its first to its last report. */
  maxSpanMs: number;
  /** Combined similarity needed to join. */
  threshold: number;
  /** Share of the score that comes from shared people, organisations and places. */
  entityWeight: number;
}

export const DEFAULT_CLUSTER_RULES: ClusterRules = {
  windowMs: 2 * 86_400_000,
  maxSpanMs: 5 * 86_400_000,
  threshold: 0.3,
  entityWeight: 0.2,
};

export interface ClusterView {
  id: number;
  centroid: TermVector;
  /** entity keys prominent in the cluster */
  entities: ReadonlySet<string>;
  firstAt: number;
  lastAt: number;
}

export interface Incoming {
  vector: TermVector;
  entities: readonly string[];
  publishedAt: number;
  /** the best cosine to any single member of each candidate cluster, when known */
  bestMember?: ReadonlyMap<number, number>;
}

/** Overlap of two entity sets relative to the smaller: 1 when one names everything the other does. */
export function entityOverlap(a: Iterable<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  let size = 0;
  for (const k of a) {
    size++;
    if (b.has(k)) shared++;
  }
  const smaller = Math.min(size, b.size);
  return smaller === 0 ? 0 : shared / smaller;
}

export function inWindow(
  c: Pick<ClusterView, 'firstAt' | 'lastAt'>,
  t: number,
  rules: Pick<ClusterRules, 'windowMs' | 'maxSpanMs'>,
): boolean {
  if (t < c.firstAt - rules.windowMs || t > c.lastAt + rules.windowMs) return false;
  return Math.max(c.lastAt, t) - Math.min(c.firstAt, t) <= rules.maxSpanMs;
}

/** How strongly an article belongs to a cluster, 0..1. */
export function clusterScore(a: Incoming, c: ClusterView, rules: Pick<ClusterRules, 'entityWeight'>): number {
  const text = Math.max(dot(a.vector, c.centroid), 0.95 * (a.bestMember?.get(c.id) ?? 0));
  const names = a.entities.length && c.entities.size ? entityOverlap(a.entities, c.entities) : 0;
  return (1 - rules.entityWeight) * text + rules.entityWeight * names * Math.min(1, text * 4);
}

/** The cluster this article joins, or null to start a new one. */
export function chooseCluster(
  a: Incoming,
  candidates: readonly ClusterView[],
  rules: ClusterRules = DEFAULT_CLUSTER_RULES,
): { id: number; score: number } | null {
  let best: { id: number; score: number } | null = null;
  for (const c of candidates) {
    if (!inWindow(c, a.publishedAt, rules)) continue;
    const score = clusterScore(a, c, rules);
    if (score >= rules.threshold && (!best || score > best.score)) best = { id: c.id, score };
  }
  return best;
}

/**
 * Developing stories (threads): a new story continues an earlier one when the
 * two are related (text similarity at least the related-stories floor) and
 * about the same lead name (one's leading person, organisation or place is
 * among the other's first few). Follow-ups weeks apart join this way, where
 * the event clusters above stay tight.
 */
export interface ThreadRules {
  windowMs: number;
  minText: number;
  /** how many of each story's leading names count as its lead */
  leadNames: number;
  /** among how many of the other's names the lead must appear */
  otherNames: number;
}

export const DEFAULT_THREAD_RULES: ThreadRules = {
  windowMs: 30 * 86_400_000,
  minText: 0.12,
  leadNames: 1,
  otherNames: 3,
};

export interface ThreadView {
  vector: TermVector;
  /** entity keys, most salient first */
  entities: readonly string[];
  publishedAt: number;
}

export function continuesStory(a: ThreadView, b: ThreadView, rules: ThreadRules = DEFAULT_THREAD_RULES): boolean {
  if (Math.abs(a.publishedAt - b.publishedAt) > rules.windowMs) return false;
  const leads = (x: ThreadView, y: ThreadView) =>
    x.entities.slice(0, rules.leadNames).some((k) => y.entities.slice(0, rules.otherNames).some((o) => sameName(k, o)));
  if (!leads(a, b) && !leads(b, a)) return false;
  return dot(a.vector, b.vector) >= rules.minText;
}
