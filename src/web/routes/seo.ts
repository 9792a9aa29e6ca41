// robots.txt and sitemap.xml: what search engines may crawl, and where the
// articles are (structured data on each page marks the paywalled part).
import type { FastifyInstance } from 'fastify';
import { articlePath, sitemapRows } from '../../catalog/article-pages.ts';
import type { Database } from '../../db/connect.ts';

export function seoRoutes(app: FastifyInstance, deps: { database: Database; baseUrl: string }): void {
  app.get('/robots.txt', async (_req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(['User-agent: *', 'Disallow: /account', 'Disallow: /saved', 'Disallow: /history', 'Disallow: /api/', 'Disallow: /demo/source/', 'Disallow: /search', `Sitemap: ${deps.baseUrl}/sitemap.xml`, ''].join('\n')),
  );

  app.get('/sitemap.xml', async (_req, reply) => {
    const rows = await sitemapRows(deps.database.db, 5000);
    const urls = rows
      .map((r) => `<url><loc>${deps.baseUrl}${articlePath(r).replace(/&/g, '&amp;')}</loc><lastmod>${new Date(r.updated_at ?? r.published_at).toISOString()}</lastmod></url>`)
      .join('');
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${deps.baseUrl}/</loc></url>${urls}</urlset>`);
  });
}
