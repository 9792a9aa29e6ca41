// Recomputes "top stories right now" (at least once a minute, from the
// background loop) into the small top_stories table, which pages read as is.
// One entry per story cluster; the article shown is the story's most-read
// report, else its first report with a picture, else its first.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { DEFAULT_TRENDING_RULES, rankStories, type StoryActivity, type TrendingRules } from './trending-rules.ts';

const HOUR = 3_600_000;
export const TOP_STORIES_KEPT = 50;

export async function computeTopStories(
  db: Kysely<DB>,
  now: number,
  rules: TrendingRules = DEFAULT_TRENDING_RULES,
): Promise<number> {
  // Reads per article and hour within the horizon.
  const buckets = await db
    .selectFrom('read_events')
    .select(['article_id', db.fn.countAll<number>().as('n'), db.fn.max('at').as('at')])
    .where('kind', '=', 'read')
    .where('at', '>=', now - rules.horizonMs)
    // Integer division on both dialects: the hour a read fell in.
    .groupBy(['article_id', (eb) => eb('at', '/', HOUR)])
    .execute();
  const readsByArticle = new Map<number, { at: number; count: number }[]>();
  for (const b of buckets) {
    const list = readsByArticle.get(b.article_id) ?? [];
    list.push({ at: Number(b.at), count: Number(b.n) });
    readsByArticle.set(b.article_id, list);
  }

  // "Right now" is measured from the newest story we have, so an install whose feeds paused still shows its latest news.
  const newest = await db
    .selectFrom('articles')
    .select(db.fn.max('published_at').as('t'))
    .where('status', '=', 'published')
    .executeTakeFirst();
  const clock = Math.min(now, Number(newest?.t ?? now));
  const readArticles = [...readsByArticle.keys()];
  const readClusters = readArticles.length
    ? (
        await db
          .selectFrom('articles')
          .select('cluster_id')
          .where('id', 'in', readArticles)
          .where('cluster_id', 'is not', null)
          .execute()
      ).map((r) => r.cluster_id!)
    : [];
  const clusters = await db
    .selectFrom('clusters')
    .select(['id', 'publisher_count', 'last_published_at'])
    .where((eb) =>
      eb.or([
        eb('last_published_at', '>=', clock - rules.maxAgeMs),
        ...(readClusters.length ? [eb('id', 'in', readClusters)] : []),
      ]),
    )
    .execute();
  if (clusters.length === 0) {
    await db.transaction().execute((trx) => trx.deleteFrom('top_stories').execute());
    return 0;
  }
  const clusterIds = clusters.map((c) => c.id);
  const members = [];
  for (let i = 0; i < clusterIds.length; i += 500) {
    members.push(
      ...(await db
        .selectFrom('articles')
        .select(['id', 'cluster_id', 'published_at', 'image_url'])
        .where('cluster_id', 'in', clusterIds.slice(i, i + 500))
        .where('status', '=', 'published')
        .where('duplicate_of', 'is', null)
        .execute()),
    );
  }
  const picks = await db
    .selectFrom('picks')
    .select(['article_id', 'featured'])
    .where('removed_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  const pickWeight = new Map(picks.map((p) => [p.article_id, p.featured ? 3 : 1.5]));

  const byCluster = new Map<number, typeof members>();
  for (const m of members) {
    const list = byCluster.get(m.cluster_id!) ?? [];
    list.push(m);
    byCluster.set(m.cluster_id!, list);
  }
  const stories: (StoryActivity & { clusterId: number })[] = [];
  for (const c of clusters) {
    const list = byCluster.get(c.id);
    if (!list?.length) continue;
    const reads = list.flatMap((m) => readsByArticle.get(m.id) ?? []);
    const total = (id: number) => (readsByArticle.get(id) ?? []).reduce((s, r) => s + r.count, 0);
    const shown = [...list].sort(
      (a, b) =>
        total(b.id) - total(a.id) ||
        Number(!!b.image_url) - Number(!!a.image_url) ||
        a.published_at - b.published_at ||
        a.id - b.id,
    )[0]!;
    const editorWeight = Math.max(1, ...list.map((m) => pickWeight.get(m.id) ?? 1));
    stories.push({
      key: String(c.id),
      clusterId: c.id,
      articleId: shown.id,
      publishers: c.publisher_count,
      latestAt: c.last_published_at,
      reads,
      editorWeight,
    });
  }
  // Read velocity uses the real clock; freshness of the fallback the news clock.
  const ranked = rankStories(
    stories.map((s) => ({ ...s, latestAt: s.latestAt + (now - clock) })),
    now,
    TOP_STORIES_KEPT,
    rules,
  );
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('top_stories').execute();
    if (ranked.length)
      await trx
        .insertInto('top_stories')
        .values(
          ranked.map((s, i) => ({
            rank: i + 1,
            article_id: s.articleId,
            cluster_id: Number(s.key),
            score: Math.round(s.score * 1e6) / 1e6,
            publishers: s.publishers,
            computed_at: now,
          })),
        )
        .execute();
  });
  return ranked.length;
}
