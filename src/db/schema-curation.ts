// Row types of the curation tables (migration 0004), as Kysely sees them; the
// conventions are schema.ts's: epoch-millisecond times, 0/1 booleans, JSON text.
import type { Generated } from 'kysely';

export interface ClustersTable {
  id: Generated<number>;
  first_article_id: number;
  first_published_at: number;
  last_published_at: number;
  article_count: number;
  publisher_count: number;
  /** JSON term vector: the sum of the story's reports' unit vectors, strongest terms (migration 7; the unit centroid before) */
  term_sum: string;
  /** JSON array of prominent entity keys */
  entities: string;
  updated_at: number;
  /** the developing story (thread) this story continues; its first cluster's id */
  thread_id: number | null;
}

/** A developing story's running profile (migration 0007); its id is the thread's, clusters.thread_id. */
export interface ThreadsTable {
  id: number;
  /** JSON term vector: the sum of the reports' unit vectors, strongest terms */
  term_sum: string;
  /** JSON [[entity key, weight], …], leading first */
  names: string;
  article_count: number;
  first_published_at: number;
  last_published_at: number;
  updated_at: number;
}

export interface ArticleFeaturesTable {
  article_id: number;
  /** JSON term vector */
  vector: string;
  /** JSON array of entity keys, most salient first */
  entities: string;
  /** JSON array of topic slugs */
  topics: string;
}

export interface TermPostingsTable {
  term: string;
  article_id: number;
  weight: number;
  published_at: number;
}

export interface TermDfTable {
  term: string;
  df: number;
}

export interface ArticleTopicsTable {
  article_id: number;
  topic: string;
  score: number;
  published_at: number;
}

export interface EntitiesTable {
  id: Generated<number>;
  key: string;
  /** 'person' | 'organisation' | 'place' | 'thing' */
  kind: string;
  name: string;
  slug: string;
  article_count: Generated<number>;
  /** the key's last word (migration 6): a surname, a model number; null before it ran */
  tail: string | null;
}

export interface ArticleEntitiesTable {
  article_id: number;
  entity_id: number;
  salience: number;
  published_at: number;
}

export interface ArticleRelatedTable {
  article_id: number;
  related_id: number;
  score: number;
}

export interface ReadEventsTable {
  /** YYYY-MM-DD, UTC */
  day: string;
  article_id: number;
  /** 'm:<user id>' for members, 'v:<daily hash>' for visitors */
  reader: string;
  /** 'view' | 'read' (a qualified read) */
  kind: string;
  at: number;
}

export interface ReadCountsTable {
  article_id: number;
  day: string;
  views: Generated<number>;
  qualified: Generated<number>;
}

export interface ReadSaltsTable {
  day: string;
  salt: string;
}

export interface TopStoriesTable {
  rank: number;
  article_id: number;
  cluster_id: number | null;
  score: number;
  publishers: number;
  computed_at: number;
}

export interface PicksTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  note: string | null;
  featured: Generated<number>;
  expires_at: number | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
  removed_at: number | null;
}

export interface GoodNewsOverridesTable {
  article_id: number;
  include: number;
  user_id: number | null;
  at: number;
}

export interface EditorLogTable {
  id: Generated<number>;
  user_id: number | null;
  action: string;
  article_id: number | null;
  detail: string | null;
  at: number;
}

export interface CurationQueueTable {
  article_id: number;
  queued_at: number;
}

export interface JobLeasesTable {
  name: string;
  owner: string;
  until: number;
}
