// GET /search: full-text search with filters (publisher, section, dates),
// highlighted snippets and paging. Matches and snippets come only from text the
// viewer may read: members search whole bodies, everyone else what anyone may
// read (the preview, or a free article's whole text), so a phrase that exists
// only behind the paywall finds nothing.
//
// Popular searches repeat: a result page is the same for every viewer who may
// read the same things (visitors; staff and members with access), so it is
// kept for the shared-lists interval (cleared with them on a takedown or an
// access change). Other viewers (allowance readers, publishers' own staff)
// get theirs computed each time.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toCards } from '../../catalog/article-pages.ts';
import { listPublishers, SECTIONS as SECTION_KEYS } from '../../catalog/publishers.ts';
import type { Database } from '../../db/connect.ts';
import type { ArticleRow } from '../../db/schema.ts';
import { canRead, type AccessPolicy } from '../../members/access.ts';
import { searchArticles } from '../../search/search.ts';
import type { ListCache } from '../../http/list-cache.ts';
import { actorOf, viewerOf } from '../../http/session.ts';
import { readsEverything } from '../../members/policies.ts';
import { SearchPage } from '../views/search-page.tsx';
import { page } from '../views/shell.tsx';

const SECTIONS: readonly string[] = SECTION_KEYS;
const querySchema = z.object({
  q: z.string().max(500).default(''),
  publisher: z.string().max(80).optional(),
  section: z.string().max(40).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .or(z.literal('')),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .or(z.literal('')),
  page: z.coerce.number().int().min(1).max(100).default(1),
});

/** Which shared result pages a viewer may be given: null when what they may read is their own. */
function viewerClass(req: FastifyRequest): 'visitor' | 'reads-all' | null {
  if (!req.account) return 'visitor';
  return readsEverything(actorOf(req), req.account.membership.hasAccess) ? 'reads-all' : null;
}

export function searchRoutes(
  app: FastifyInstance,
  deps: { database: Database; policy: AccessPolicy; now?: () => number; lists?: ListCache },
): void {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const resultPages = deps.lists?.child();

  async function render(req: FastifyRequest, q: z.infer<typeof querySchema>): Promise<string> {
    const publishers = deps.lists
      ? await deps.lists.get('publishers', () => listPublishers(db))
      : await listPublishers(db);
    const viewer = viewerOf(req);
    // What of an article this viewer may see, for its snippet: the paywall rule decides.
    const visibleText = (a: ArticleRow) =>
      canRead({ publisherId: a.publisher_id, isFree: a.is_free === 1, status: a.status }, viewer, deps.policy).full
        ? `${a.standfirst}\n${a.body_text}`
        : `${a.standfirst}\n${a.preview_text}`;
    const publisher = publishers.find((p) => p.slug === q.publisher);
    const query = {
      text: q.q,
      scope: viewerClass(req) === 'reads-all' ? ('all' as const) : ('open' as const),
      publisherIds: publisher ? [publisher.id] : undefined,
      sections: q.section && SECTIONS.includes(q.section) ? [q.section] : undefined,
      from: q.from ? Date.parse(`${q.from}T00:00:00Z`) : undefined,
      to: q.to ? Date.parse(`${q.to}T23:59:59Z`) : undefined,
      page: q.page,
    };
    const result = q.q.trim() ? await searchArticles(db, query, { now: now(), snippetSource: visibleText }) : null;
    const cards = result
      ? await toCards(
          db,
          result.hits.map((h) => h.article),
        )
      : [];
    const view = {
      query: { ...q, from: q.from || undefined, to: q.to || undefined },
      publishers,
      sections: SECTIONS,
      result,
      cards,
      now: now(),
    };
    return page({
      title: q.q ? `Search: ${q.q}` : 'Search',
      signedIn: !!req.account,
      wide: true,
      children: <SearchPage {...view} />,
    });
  }

  async function searchPage(req: FastifyRequest, reply: FastifyReply) {
    const parsed = querySchema.safeParse(req.query);
    const q = parsed.success ? parsed.data : ({ q: '', page: 1 } as z.infer<typeof querySchema>);
    const cls = viewerClass(req);
    const html =
      resultPages && cls && q.q.trim()
        ? await resultPages.get(`${cls}:${JSON.stringify([q.q, q.publisher, q.section, q.from, q.to, q.page])}`, () =>
            render(req, q),
          )
        : await render(req, q);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(html);
  }

  app.get('/search', searchPage);
}
