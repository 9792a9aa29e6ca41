// Paged lists of cards: /s/:section, /t/:topic, /author/:publisher/:author.
// Cursor paging (?before=<published_at>) keeps deep pages as cheap as the first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { toCards } from '../../catalog/article-pages.ts';
import { getPublisherBySlug, SECTION_NAMES } from '../../catalog/publishers.ts';
import { slugify } from '../../catalog/slug.ts';
import type { Database } from '../../db/connect.ts';
import { CardList } from '../views/cards.tsx';
import { page } from '../views/shell.tsx';

const SECTIONS: Record<string, string> = SECTION_NAMES;
const PAGE = 24;
const CARD = ['articles.id', 'articles.title', 'articles.standfirst', 'articles.url', 'articles.publisher_id', 'articles.published_at', 'articles.reading_minutes', 'articles.image_url', 'articles.image_caption', 'articles.image_width', 'articles.image_height', 'articles.section'] as const;

export function listRoutes(app: FastifyInstance, deps: { database: Database; now?: () => number }): void {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const before = (req: FastifyRequest) => {
    const b = Number((req.query as { before?: string }).before);
    return Number.isFinite(b) && b > 0 ? b : undefined;
  };
  const base = () => db.selectFrom('articles').select([...CARD]).where('articles.status', '=', 'published').where('articles.duplicate_of', 'is', null);
  const notFound = (req: FastifyRequest, reply: FastifyReply, what: string) =>
    reply.code(404).type('text/html; charset=utf-8').send(page({ title: 'Not found', signedIn: !!req.account, children: <><h1>No such {what}</h1><p><a href="/">Back to the front page</a></p></> }));

  const render = async (req: FastifyRequest, reply: FastifyReply, title: string, intro: string | null, rows: Parameters<typeof toCards>[1], path: string) => {
    const cards = await toCards(db, rows.slice(0, PAGE));
    const more = rows.length > PAGE ? cards.at(-1)!.publishedAt : null;
    return reply.type('text/html; charset=utf-8').send(
      page({
        title,
        signedIn: !!req.account,
        wide: true,
        children: (
          <>
            <h1>{title}</h1>
            {intro && <p class="standfirst">{intro}</p>}
            <CardList cards={cards} now={now()} label={title} />
            <nav aria-label="More stories" class="pager">
              {before(req) && <a href={path}>← Latest</a>} {more && <a href={`${path}?before=${more}`}>Older stories →</a>}
            </nav>
          </>
        ),
      }),
    );
  };

  app.get<{ Params: { section: string } }>('/s/:section', async (req, reply) => {
    const name = SECTIONS[req.params.section];
    if (!name) return notFound(req, reply, 'section');
    let q = base().where('articles.section', '=', req.params.section);
    const b = before(req);
    if (b) q = q.where('articles.published_at', '<', b);
    return render(req, reply, name, null, await q.orderBy('articles.published_at', 'desc').limit(PAGE + 1).execute(), `/s/${req.params.section}`);
  });

  app.get<{ Params: { topic: string } }>('/t/:topic', async (req, reply) => {
    const topic = slugify(req.params.topic);
    // Topics come from the feeds' own categories for now (a JSON list per article); "_" in LIKE matches the space or dash a slug replaced.
    const pattern = `%"${topic.replace(/[%_\\]/g, '').replace(/-/g, '_')}"%`;
    let q = base().select('articles.categories').where(sql`lower(articles.categories)`, 'like', pattern);
    const b = before(req);
    if (b) q = q.where('articles.published_at', '<', b);
    const rows = await q.orderBy('articles.published_at', 'desc').limit(PAGE + 1).execute();
    if (!rows.length && !b) return notFound(req, reply, 'topic');
    const label = rows.length ? ((JSON.parse(rows[0]!.categories) as string[]).find((c) => slugify(c) === topic) ?? topic) : topic;
    return render(req, reply, label.charAt(0).toUpperCase() + label.slice(1), null, rows, `/t/${topic}`);
  });

  app.get<{ Params: { publisher: string; author: string } }>('/author/:publisher/:author', async (req, reply) => {
    const p = await getPublisherBySlug(db, req.params.publisher);
    const author = p ? await db.selectFrom('authors').selectAll().where('publisher_id', '=', p.id).where('slug', '=', req.params.author).executeTakeFirst() : undefined;
    if (!p || !author) return notFound(req, reply, 'author');
    let q = base().innerJoin('article_authors', 'article_authors.article_id', 'articles.id').where('article_authors.author_id', '=', author.id);
    const b = before(req);
    if (b) q = q.where('articles.published_at', '<', b);
    return render(req, reply, author.name, `Writing for ${p.name}`, await q.orderBy('articles.published_at', 'desc').limit(PAGE + 1).execute(), `/author/${p.slug}/${author.slug}`);
  });
}
