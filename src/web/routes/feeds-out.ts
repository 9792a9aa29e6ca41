// GET /feed.xml: the latest headlines and standfirsts (never bodies), so any
// reader app can follow Masthead without going round the paywall. Readers take
// <description> as HTML: the standfirst (plain text) is escaped as HTML, then as XML.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { escapeHtml, escapeXml as xml } from '../../analysis/markup.ts';
import { latestCards, type Card } from '../../catalog/article-pages.ts';
import type { DB } from '../../db/schema.ts';
import { site } from '../../site.ts';

function item(c: Card, baseUrl: string): string {
  const link = `${baseUrl}${c.url}`;
  return `<item><title>${xml(c.title)}</title><link>${xml(link)}</link><guid isPermaLink="true">${xml(link)}</guid><pubDate>${new Date(c.publishedAt).toUTCString()}</pubDate><description>${xml(escapeHtml(c.standfirst))}</description><source url="${xml(`${baseUrl}/feed.xml`)}">${xml(c.publisher.name)}</source></item>`;
}

export function feedsOutRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; baseUrl: string }): void {
  async function latestFeed(_req: FastifyRequest, reply: FastifyReply) {
    const items = (await latestCards(deps.db, { limit: 50 })).map((c) => item(c, deps.baseUrl)).join('');
    return reply
      .type('application/rss+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(
        `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${xml(site().name)}: latest</title><link>${xml(deps.baseUrl)}/</link><description>${xml(site().tagline)}</description>${items}</channel></rss>`,
      );
  }
  app.get('/feed.xml', latestFeed);
}
