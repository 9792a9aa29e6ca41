// Test support for the reader pages: a server over a real database, and
// articles written through the catalog's own functions.
import type { FastifyInstance } from 'fastify';
import { insertArticle } from '../catalog/articles.ts';
import { createPublisher, type PublisherInput } from '../catalog/publishers.ts';
import { loadConfig } from '../config.ts';
import type { NewArticle } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { silentLogger } from '../log.ts';
import { buildServer } from '../server.tsx';

export const NOW = Date.parse('2026-11-24T09:00:00Z');
export const HOUR = 3_600_000;

export interface ReaderFixture {
  database: TestDatabase;
  app: FastifyInstance;
  /** Moves the server's clock (shared lists are never cached when a clock is passed). */
  clock: { now: number };
  publisher(input: Partial<PublisherInput> & { slug: string }): Promise<number>;
  article(publisherId: number, fields?: Partial<NewArticle> & { authors?: string[] }): Promise<number>;
  close(): Promise<void>;
}

let guid = 0;

/** `cached`: the server runs on the real clock with its caches on, as in production (the clock is then unused). */
export async function readerFixture(
  dialect: 'sqlite' | 'postgres',
  opts: { cached?: boolean; /** configuration, as the environment would give it */ env?: NodeJS.ProcessEnv } = {},
): Promise<ReaderFixture> {
  const database = await createTestDatabase(dialect);
  const clock = { now: NOW };
  const app = await buildServer({
    config: { ...loadConfig(opts.env ?? {}), demo: false },
    database,
    log: silentLogger,
    ...(opts.cached ? {} : { now: () => clock.now }),
    baseUrl: 'http://masthead.test',
  });
  return {
    database,
    app,
    clock,
    async publisher(input) {
      const p = await createPublisher(
        database.db,
        { name: input.slug.replace(/-/g, ' '), sections: ['news'], ...input },
        NOW,
      );
      return p.id;
    },
    async article(publisherId, fields = {}) {
      const { authors = ['Ada Okonjo'], ...row } = fields;
      const n = ++guid;
      const paragraphs = Array.from(
        { length: 8 },
        (_, i) => `Paragraph ${i + 1} of story ${n}, about the harbour and the keeper of the light.`,
      );
      return insertArticle(
        database.db,
        {
          publisher_id: publisherId,
          feed_id: null,
          guid: `g${n}`,
          external_id: null,
          url: `https://example.org/story-${n}`,
          title: `Story number ${n}`,
          standfirst: `The standfirst of story ${n}.`,
          body_html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
          body_text: paragraphs.join('\n\n'),
          body_source: 'feed',
          section: 'news',
          categories: '["Harbour"]',
          language: 'en',
          image_url: `https://example.org/img-${n}.jpg`,
          image_caption: `Picture ${n}`,
          image_credit: 'Agency',
          image_width: 1200,
          image_height: 675,
          word_count: 120,
          reading_minutes: 1,
          published_at: NOW - n * 60_000,
          updated_at: null,
          content_hash: `h${n}`,
          source_hash: null,
          minhash: null,
          duplicate_of: null,
          status: 'published',
          is_free: 0,
          created_at: NOW,
          modified_at: NOW,
          ...row,
        },
        authors,
        [],
      );
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

/** GET as a browser would (HTML wanted). */
export function getHtml(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  return app.inject({ url, headers: { accept: 'text/html,application/xhtml+xml', ...headers } });
}
