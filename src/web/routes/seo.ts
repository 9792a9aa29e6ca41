// robots.txt and sitemap.xml: what search engines may crawl, and where the
// articles are (structured data on each page marks the paywalled part).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeXml } from '../../analysis/markup.ts';
import { articlePath, sitemapRows } from '../../catalog/article-pages.ts';
import type { Database } from '../../db/connect.ts';

const DISALLOWED = ['/account', '/saved', '/history', '/api/', '/demo/source/', '/search'];

export function seoRoutes(app: FastifyInstance, deps: { database: Database; baseUrl: string }): void {
  async function robots(_req: FastifyRequest, reply: FastifyReply) {
    const lines = [
      'User-agent: *',
      ...DISALLOWED.map((p) => `Disallow: ${p}`),
      `Sitemap: ${deps.baseUrl}/sitemap.xml`,
      '',
    ];
    return reply.type('text/plain; charset=utf-8').send(lines.join('\n'));
  }

  async function sitemap(_req: FastifyRequest, reply: FastifyReply) {
    const rows = await sitemapRows(deps.database.db, 5000);
    const url = (loc: string, lastmod?: number) =>
      `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${new Date(lastmod).toISOString()}</lastmod>` : ''}</url>`;
    const urls = [
      url(`${deps.baseUrl}/`),
      ...rows.map((r) => url(`${deps.baseUrl}${articlePath(r)}`, r.updated_at ?? r.published_at)),
    ].join('');
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
      );
  }

  app.get('/robots.txt', robots);
  app.get('/sitemap.xml', sitemap);
}
