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
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { articlePath, toCards } from '../../catalog/article-pages.ts';
import { listPublishers, SECTION_NAMES, SECTIONS as SECTION_KEYS } from '../../catalog/publishers.ts';
import type { Database } from '../../db/connect.ts';
import type { ArticleRow } from '../../db/schema.ts';
import { canRead, type AccessPolicy } from '../../members/access.ts';
import { searchArticles } from '../../search/search.ts';
import type { ListCache } from '../list-cache.ts';
import { viewerOf } from '../session.ts';
import { timeAgo } from '../views/cards.tsx';
import { page } from '../views/shell.tsx';

const SECTIONS: readonly string[] = SECTION_KEYS;
const querySchema = z.object({
  q: z.string().max(500).default(''),
  publisher: z.string().max(80).optional(),
  section: z.string().max(40).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().or(z.literal('')),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().or(z.literal('')),
  page: z.coerce.number().int().min(1).max(100).default(1),
});

/** Which shared result pages a viewer may be given: null when what they may read is their own. */
function viewerClass(req: FastifyRequest): 'visitor' | 'reads-all' | null {
  const a = req.account;
  if (!a) return 'visitor';
  if (a.user.role === 'admin' || a.user.role === 'editor' || (a.user.role === 'member' && a.membership.hasAccess)) return 'reads-all';
  return null;
}

export function searchRoutes(app: FastifyInstance, deps: { database: Database; policy: AccessPolicy; now?: () => number; lists?: ListCache }): void {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const resultPages = deps.lists?.child();
  app.get('/search', async (req, reply) => {
    const parsed = querySchema.safeParse(req.query);
    const q = parsed.success ? parsed.data : { q: '', page: 1 } as z.infer<typeof querySchema>;
    const cls = viewerClass(req);
    const html =
      resultPages && cls && q.q.trim()
        ? await resultPages.get(`${cls}:${JSON.stringify([q.q, q.publisher, q.section, q.from, q.to, q.page])}`, () => render(req, q))
        : await render(req, q);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(html);
  });

  async function render(req: FastifyRequest, q: z.infer<typeof querySchema>): Promise<string> {
    const publishers = deps.lists ? await deps.lists.get('publishers', () => listPublishers(db)) : await listPublishers(db);
    const viewer = viewerOf(req);
    // What of an article this viewer may see, for its snippet: the paywall rule decides.
    const visibleText = (a: ArticleRow) =>
      canRead({ publisherId: a.publisher_id, isFree: a.is_free === 1, status: a.status }, viewer, deps.policy).full ? `${a.standfirst}\n${a.body_text}` : `${a.standfirst}\n${a.preview_text}`;
    const publisher = publishers.find((p) => p.slug === q.publisher);
    const result = q.q.trim()
      ? await searchArticles(
          db,
          {
            text: q.q,
            scope: viewerClass(req) === 'reads-all' ? 'all' : 'open',
            publisherIds: publisher ? [publisher.id] : undefined,
            sections: q.section && SECTIONS.includes(q.section) ? [q.section] : undefined,
            from: q.from ? Date.parse(`${q.from}T00:00:00Z`) : undefined,
            to: q.to ? Date.parse(`${q.to}T23:59:59Z`) : undefined,
            page: q.page,
          },
          { now: now(), snippetSource: visibleText },
        )
      : null;
    const cards = result ? await toCards(db, result.hits.map((h) => h.article)) : [];
    const link = (p: number) => `/search?${new URLSearchParams({ ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')), page: String(p) } as Record<string, string>)}`;
    const pages = result ? Math.ceil(result.total / result.pageSize) : 0;
    return page({
        title: q.q ? `Search: ${q.q}` : 'Search',
        signedIn: !!req.account,
        wide: true,
        children: (
          <>
            <h1>Search</h1>
            <form method="get" action="/search" role="search" class="search-form">
              <label for="q">Search every title</label>
              <input id="q" name="q" type="text" value={q.q} placeholder='Words, "exact phrases", -exclude' autocomplete="off" />
              <label for="publisher">Publisher</label>
              <select id="publisher" name="publisher">
                <option value="">All publishers</option>
                {publishers.map((p) => (
                  <option value={p.slug} selected={p.slug === q.publisher}>
                    {p.name}
                  </option>
                ))}
              </select>
              <label for="section">Section</label>
              <select id="section" name="section">
                <option value="">All sections</option>
                {SECTIONS.map((s) => (
                  <option value={s} selected={s === q.section}>
                    {(SECTION_NAMES as Record<string, string>)[s] ?? s}
                  </option>
                ))}
              </select>
              <label for="from">From</label>
              <input id="from" name="from" type="date" value={q.from ?? ''} />
              <label for="to">To</label>
              <input id="to" name="to" type="date" value={q.to ?? ''} />
              <button type="submit">Search</button>
            </form>
            {result && (
              <p class="hint" role="status">
                {result.total === 0 ? `No stories match “${q.q}”. Try fewer or different words.` : result.total >= 1000 ? 'More than 1,000 stories' : `${result.total} ${result.total === 1 ? 'story' : 'stories'}`}
              </p>
            )}
            <ol class="results">
              {result?.hits.map((h, i) => (
                <li class="card">
                  <div class="masthead">{cards[i]?.publisher.name}</div>
                  <h3>
                    <a href={articlePath(h.article)}>{h.article.title}</a>
                  </h3>
                  <p>
                    {h.snippet.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}
                  </p>
                  <div class="meta">{timeAgo(h.article.published_at, now())}</div>
                </li>
              ))}
            </ol>
            {pages > 1 && (
              <nav aria-label="Result pages" class="pager">
                {q.page > 1 && <a href={link(q.page - 1)}>← Newer results</a>} <span class="hint">Page {q.page} of {pages}</span>{' '}
                {q.page < pages && <a href={link(q.page + 1)}>More results →</a>}
              </nav>
            )}
          </>
        ),
      });
  }
}
