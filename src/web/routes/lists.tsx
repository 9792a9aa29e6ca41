// Paged lists of cards: /p/:slug, /s/:section, /t/:topic, /author/:publisher/:author.
// Cursor paging (?before=<published_at>.<id>) keeps deep pages as cheap as the first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listPage, parseCursor, type Card } from '../../catalog/article-pages.ts';
import { getPublisherBySlug, SECTION_NAMES } from '../../catalog/publishers.ts';
import { slugify } from '../../catalog/slug.ts';
import type { Database } from '../../db/connect.ts';
import { ListPage } from '../views/list-page.tsx';
import { notFoundPage } from '../views/not-found.tsx';
import { page } from '../views/shell.tsx';

const SECTIONS: Record<string, string> = SECTION_NAMES;
const PAGE = 24;

export function listRoutes(app: FastifyInstance, deps: { database: Database; now?: () => number; baseUrl: string }): void {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const cursor = (req: FastifyRequest) => parseCursor((req.query as { before?: unknown }).before);
  const notFound = (req: FastifyRequest, reply: FastifyReply, what: string) => reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(`No such ${what}`, !!req.account));

  const send = (req: FastifyRequest, reply: FastifyReply, view: { title: string; intro?: string | null; homepage?: string | null; logo?: string | null; path: string; cards: Card[]; next: string | null }) =>
    reply.type('text/html; charset=utf-8').send(
      page({
        title: view.title,
        signedIn: !!req.account,
        wide: true,
        head: <link rel="canonical" href={`${deps.baseUrl}${view.path}`} />,
        children: <ListPage {...view} paged={!!cursor(req)} now={now()} />,
      }),
    );

  app.get<{ Params: { slug: string } }>('/p/:slug', async (req, reply) => {
    const p = await getPublisherBySlug(db, req.params.slug);
    if (!p) return notFound(req, reply, 'publication');
    const { cards, next } = await listPage(db, { publisherId: p.id }, { limit: PAGE, before: cursor(req) });
    return send(req, reply, { title: p.name, intro: p.description, homepage: p.homepage, logo: p.logo_url, path: `/p/${p.slug}`, cards, next });
  });

  app.get<{ Params: { section: string } }>('/s/:section', async (req, reply) => {
    const name = SECTIONS[req.params.section];
    if (!name) return notFound(req, reply, 'section');
    const { cards, next } = await listPage(db, { section: req.params.section }, { limit: PAGE, before: cursor(req) });
    return send(req, reply, { title: name, path: `/s/${req.params.section}`, cards, next });
  });

  app.get<{ Params: { topic: string } }>('/t/:topic', async (req, reply) => {
    const topic = slugify(req.params.topic);
    if (!topic) return notFound(req, reply, 'topic');
    // Topics come from the feeds' own categories for now (a JSON list per article); "_" in LIKE matches the space or dash a slug replaced.
    const categoryLike = `%"${topic.replace(/[%_\\]/g, '').replace(/-/g, '_')}"%`;
    const before = cursor(req);
    const { cards, next } = await listPage(db, { categoryLike }, { limit: PAGE, before });
    if (!cards.length && !before) return notFound(req, reply, 'topic');
    // The topic as its feeds spell it, from the newest story that carries it.
    const first = cards.length ? await db.selectFrom('articles').select('categories').where('id', '=', cards[0]!.id).executeTakeFirst() : undefined;
    const label = (first ? (JSON.parse(first.categories) as string[]).find((c) => slugify(c) === topic) : undefined) ?? topic.replace(/-/g, ' ');
    return send(req, reply, { title: label.charAt(0).toUpperCase() + label.slice(1), path: `/t/${topic}`, cards, next });
  });

  app.get<{ Params: { publisher: string; author: string } }>('/author/:publisher/:author', async (req, reply) => {
    const p = await getPublisherBySlug(db, req.params.publisher);
    const author = p ? await db.selectFrom('authors').selectAll().where('publisher_id', '=', p.id).where('slug', '=', req.params.author).executeTakeFirst() : undefined;
    if (!p || !author) return notFound(req, reply, 'author');
    const { cards, next } = await listPage(db, { authorId: author.id }, { limit: PAGE, before: cursor(req) });
    return send(req, reply, { title: author.name, intro: `Writing for ${p.name}`, path: `/author/${p.slug}/${author.slug}`, cards, next });
  });
}
