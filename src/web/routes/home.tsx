// GET /: the latest stories, one card each. An interim front page: the Reader
// issue replaces it with the curated one; it already shows what ingestion stored.
import type { FastifyInstance } from 'fastify';
import { render } from 'preact-render-to-string';
import { authorsOf, latestArticles } from '../../catalog/articles.ts';
import { getPublishersByIds } from '../../catalog/publishers.ts';
import type { Database } from '../../db/connect.ts';
import { LatestPage, type LatestCard } from '../views/latest-page.tsx';

export function homeRoutes(app: FastifyInstance, deps: { database: Database }): void {
  app.get('/', async (_req, reply) => {
    const db = deps.database.db;
    const rows = await latestArticles(db, { limit: 60 });
    const publishers = new Map((await getPublishersByIds(db, [...new Set(rows.map((r) => r.publisher_id))])).map((p) => [p.id, p]));
    const authors = await authorsOf(db, rows.map((r) => r.id));
    const cards: LatestCard[] = rows.map((r) => ({
      title: r.title,
      standfirst: r.standfirst,
      url: r.url,
      publisher: publishers.get(r.publisher_id)?.name ?? '',
      authors: (authors.get(r.id) ?? []).map((a) => a.name),
      publishedAt: r.published_at,
      readingMinutes: r.reading_minutes,
      imageUrl: r.image_url,
    }));
    reply.type('text/html; charset=utf-8');
    return '<!doctype html>' + render(<LatestPage cards={cards} />);
  });
}
