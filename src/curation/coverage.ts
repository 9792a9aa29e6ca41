// What every page means by "N publishers cover this story", "N reports" and
// "named in N reports" (docs/glossary.md, "Coverage"): a story's coverage is
// told by its reports that are published now (withdrawn ones drop out),
// syndicated copies included, one publisher counted once. The rule is pure;
// the queries below only fetch what it counts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface Coverage {
  /** distinct publishers of the story's published reports */
  publishers: number;
  /** the story's published reports, copies included */
  reports: number;
}

/** A story's reports as the rule reads them: who published it, and whether it is still published. */
export interface CoverageReport {
  publisherId: number;
  published: boolean;
}

/** The rule: published reports count, copies too; each publisher once. */
export function coverageOf(reports: readonly CoverageReport[]): Coverage {
  const live = reports.filter((r) => r.published);
  return { publishers: new Set(live.map((r) => r.publisherId)).size, reports: live.length };
}

/** A name's reports and the stories they belong to (a report not yet placed in a story is one of its own). */
export interface NameReach {
  reports: number;
  stories: number;
}

/**
 * The rule for a name: its published reports, copies included, and their
 * distinct stories, from its published reports counted by story (`clusterId`
 * null: reports not placed in a story yet, each a story of its own).
 */
export function nameReachOf(byStory: readonly { clusterId: number | null; reports: number }[]): NameReach {
  let reports = 0;
  let stories = 0;
  for (const s of byStory) {
    reports += s.reports;
    stories += s.clusterId === null ? s.reports : s.reports > 0 ? 1 : 0;
  }
  return { reports, stories };
}

/** Coverage of each of these stories (clusters), by the rule; a story with no published report is absent. */
export async function storyCoverage(db: Kysely<DB>, clusterIds: readonly number[]): Promise<Map<number, Coverage>> {
  const ids = [...new Set(clusterIds)];
  if (ids.length === 0) return new Map();
  // One row per story and publisher, counted in the database (a story may hold hundreds of reports).
  const rows = await db
    .selectFrom('articles')
    .select(['cluster_id', 'publisher_id', sql<number>`count(*)`.as('n')])
    .where('cluster_id', 'in', ids)
    .where('status', '=', 'published')
    .groupBy(['cluster_id', 'publisher_id'])
    .execute();
  const byStory = new Map<number, CoverageReport[]>();
  for (const r of rows) {
    const list = byStory.get(r.cluster_id!) ?? [];
    for (let i = 0; i < Number(r.n); i++) list.push({ publisherId: r.publisher_id, published: true });
    byStory.set(r.cluster_id!, list);
  }
  return new Map([...byStory].map(([id, reports]) => [id, coverageOf(reports)]));
}

/**
 * An article's story coverage: its cluster's; before the curation job has
 * placed it, the article, its original and the original's copies.
 */
export async function articleCoverage(
  db: Kysely<DB>,
  article: { id: number; cluster_id: number | null; duplicate_of: number | null },
): Promise<Coverage> {
  if (article.cluster_id !== null)
    return (await storyCoverage(db, [article.cluster_id])).get(article.cluster_id) ?? { publishers: 0, reports: 0 };
  const root = article.duplicate_of ?? article.id;
  // Two indexed lookups, not one OR (which SQLite answers by scanning every article).
  const base = () => db.selectFrom('articles').select(['publisher_id', 'status']);
  const [original, copies] = await Promise.all([
    base().where('id', '=', root).execute(),
    base().where('duplicate_of', '=', root).execute(),
  ]);
  return coverageOf(
    [...original, ...copies].map((r) => ({ publisherId: r.publisher_id, published: r.status === 'published' })),
  );
}

/** A name's published reports and their stories, by the rule. */
export async function nameReach(db: Kysely<DB>, entityId: number): Promise<NameReach> {
  const rows = await db
    .selectFrom('article_entities as ae')
    .innerJoin('articles as a', 'a.id', 'ae.article_id')
    .select(['a.cluster_id', sql<number>`count(*)`.as('n')])
    .where('ae.entity_id', '=', entityId)
    .where('a.status', '=', 'published')
    .groupBy('a.cluster_id')
    .execute();
  return nameReachOf(rows.map((r) => ({ clusterId: r.cluster_id, reports: Number(r.n) })));
}

/** The story (cluster) of each of these articles, null when not placed yet: to keep a story's reports out of other lists. */
export async function storiesOf(db: Kysely<DB>, articleIds: readonly number[]): Promise<Map<number, number | null>> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'cluster_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.cluster_id]));
}
