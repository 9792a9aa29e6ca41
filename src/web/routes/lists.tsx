// Paged lists of cards: /p/:slug, /s/:section, /t/:topic[/:child], /e/:entity, /author/:publisher/:author.
// Cursor paging (?before=<published_at>.<id>) keeps deep pages as cheap as the
// first; visitors' pages are shared, so each is rendered once per interval.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatCursor, listPage, parseCursor, type Card } from '../../catalog/article-pages.ts';
import { authorBySlug } from '../../catalog/articles.ts';
import { entityBySlug } from '../../curation/entity-store.ts';
import { nameReach } from '../../curation/coverage.ts';
import { storyListPage } from '../../curation/lists.ts';
import { getPublisherBySlug, SECTION_NAMES } from '../../catalog/publishers.ts';
import { topicBySlug } from '../../analysis/topics.ts';
import type { Database } from '../../db/connect.ts';
import { nameReachWords } from '../views/cards.tsx';
import { ListPage } from '../views/list-page.tsx';
import { notFoundPage } from '../views/not-found.tsx';
import { page } from '../views/shell.tsx';
import type { ListCache } from '../../http/list-cache.ts';
import type { ImageLinks } from '../../images/links.ts';

const SECTIONS: Record<string, string> = SECTION_NAMES;
const PAGE = 24;

type View = {
  title: string;
  intro?: string | null;
  homepage?: string | null;
  logo?: string | null;
  path: string;
  cards: Card[];
  next: string | null;
};

export function listRoutes(
  app: FastifyInstance,
  deps: { database: Database; now?: () => number; baseUrl: string; lists: ListCache; images?: ImageLinks },
): void {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const cursor = (req: FastifyRequest) => parseCursor((req.query as { before?: unknown }).before);

  const render = (req: FastifyRequest, view: View) =>
    page({
      title: view.title,
      signedIn: !!req.account,
      wide: true,
      head: <link rel="canonical" href={`${deps.baseUrl}${view.path}`} />,
      images: deps.images,
      children: <ListPage {...view} paged={!!cursor(req)} now={now()} />,
    });

  /** Loads and renders a list; visitors all see the same page, so theirs is rendered once per interval. */
  const list = (what: string, load: (req: FastifyRequest) => Promise<View | null>) =>
    async function showList(req: FastifyRequest, reply: FastifyReply) {
      const build = async () => {
        const view = await load(req);
        return view && render(req, view);
      };
      const html = req.account
        ? await build()
        : await deps.lists.get(
            `visitor-list:${req.url.split('?')[0]}?${cursor(req) ? formatCursor(cursor(req)!) : ''}`,
            build,
          );
      if (html === null)
        return reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(notFoundPage(`No such ${what}`, !!req.account));
      return reply.type('text/html; charset=utf-8').send(html);
    };

  async function publicationView(req: FastifyRequest): Promise<View | null> {
    const p = await getPublisherBySlug(db, (req.params as { slug: string }).slug);
    if (!p) return null;
    const { cards, next } = await listPage(db, { publisherId: p.id }, { limit: PAGE, before: cursor(req) });
    return {
      title: p.name,
      intro: p.description,
      homepage: p.homepage,
      logo: p.logo_url,
      path: `/p/${p.slug}`,
      cards,
      next,
    };
  }

  async function sectionView(req: FastifyRequest): Promise<View | null> {
    const section = (req.params as { section: string }).section;
    const name = SECTIONS[section];
    if (!name) return null;
    // Sections, topics and names are told story by story; a publisher's or author's page lists every article.
    const { cards, next } = await storyListPage(db, { section }, { limit: PAGE, before: cursor(req) });
    return { title: name, path: `/s/${section}`, cards, next };
  }

  /** Topic pages: IPTC Media Topics, top level (/t/politics) and second level (/t/politics/elections). */
  async function topicView(req: FastifyRequest): Promise<View | null> {
    const params = req.params as { topic: string; child?: string };
    const def = topicBySlug(params.child ? `${params.topic}/${params.child}` : params.topic);
    if (!def) return null;
    const parent = def.parent ? topicBySlug(def.parent) : undefined;
    const { cards, next } = await storyListPage(db, { topic: def.slug }, { limit: PAGE, before: cursor(req) });
    return { title: def.name, intro: parent ? `Part of ${parent.name}` : null, path: `/t/${def.slug}`, cards, next };
  }

  /** People, organisations, places and things named in the news. */
  async function nameView(req: FastifyRequest): Promise<View | null> {
    const e = await entityBySlug(db, (req.params as { slug: string }).slug);
    if (!e) return null;
    const [{ cards, next }, reach] = await Promise.all([
      storyListPage(db, { entityId: e.id }, { limit: PAGE, before: cursor(req) }),
      nameReach(db, e.id),
    ]);
    if (!cards.length && !cursor(req)) return null;
    const kind =
      (
        {
          person: 'Person',
          organisation: 'Organisation',
          place: 'Place',
          thing: 'Product, event or other name',
        } as Record<string, string>
      )[e.kind] ?? 'Name';
    return {
      title: e.name,
      intro: `${kind} · ${nameReachWords(reach, cards.length, !!cursor(req) || next !== null)}`,
      path: `/e/${e.slug}`,
      cards,
      next,
    };
  }

  async function authorView(req: FastifyRequest): Promise<View | null> {
    const params = req.params as { publisher: string; author: string };
    const p = await getPublisherBySlug(db, params.publisher);
    const author = p ? await authorBySlug(db, p.id, params.author) : undefined;
    if (!p || !author) return null;
    const { cards, next } = await listPage(db, { authorId: author.id }, { limit: PAGE, before: cursor(req) });
    return {
      title: author.name,
      intro: `Writing for ${p.name}`,
      path: `/author/${p.slug}/${author.slug}`,
      cards,
      next,
    };
  }

  app.get('/p/:slug', list('publication', publicationView));
  app.get('/s/:section', list('section', sectionView));
  app.get('/t/:topic', list('topic', topicView));
  app.get('/t/:topic/:child', list('topic', topicView));
  app.get('/e/:slug', list('person, organisation or place', nameView));
  app.get('/author/:publisher/:author', list('author', authorView));
}
