// What the curation job reads of stored articles and stories, as it works
// with them (store.ts reads and writes them).
import type { TermVector } from '../analysis/terms.ts';

export interface StoredProfile {
  id: number;
  publisherId: number;
  clusterId: number | null;
  duplicateOf: number | null;
  publishedAt: number;
  vector: TermVector;
  entities: Set<string>;
  topics: Set<string>;
}

export interface ClusterRow {
  id: number;
  /** the sum of its reports' unit vectors (stored) */
  sum: TermVector;
  /** the sum at unit length: the direction of its reports' mean */
  centroid: TermVector;
  entities: string[];
  firstAt: number;
  lastAt: number;
  size: number;
}
