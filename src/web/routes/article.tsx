// GET /a/:id/:slug, the article page; POST /a/:id/save; GET /saved; the JSON
// article API and the public RSS feed. All of them show article text only
// through readableFor (the paywall rule).
import crypto from 'node:crypto';
import { escapeHtml, escapeXml as xml } from '../../analysis/markup.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { articlePageData, articlePath, latestCards, toCards, type Card } from '../../catalog/article-pages.ts';
import { setArticleFree } from '../../catalog/articles.ts';
import { articleTags, coverageCards, pickCards, relatedCards, topStoryCards } from '../../curation/lists.ts';
import type { Database } from '../../db/connect.ts';
import type { AccessPolicy } from '../../members/access.ts';
import { ReadingHistory } from '../../members/reading-history.ts';
import { accessFor, readableFor, readableWith } from '../article-access.ts';
import type { ListCache } from '../list-cache.ts';
import type { ReadCounting } from '../reads.ts';
import { ArticlePage } from '../views/article-page.tsx';
import { CardList } from '../views/cards.tsx';
import { notFoundPage } from '../views/not-found.tsx';
import { page } from '../views/shell.tsx';

const jsonLd = (o: unknown) => JSON.stringify(o).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
/** Stands for the member's CSRF token in a cached page; random per process, so no article text can contain it. */
const CSRF_SLOT = `csrf-${crypto.randomBytes(18).toString('base64url')}`;

export function articleRoutes(app: FastifyInstance, deps: { database: Database; policy: AccessPolicy; trialDays: number; baseUrl: string; now?: () => number; lists: ListCache; reads?: ReadCounting }): void {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const lists = deps.lists;
  // Members' reads are written in batches (a convenience list): every second, before the history page, at close.
  const history = new ReadingHistory(db, { onError: (err, dropped) => app.log.warn({ err, dropped }, 'reading history rows dropped') });
  app.addHook('onClose', () => history.close());
  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(notFoundPage('We could not find that article', !!req.account, 'It may have been withdrawn by its publisher, or the link may be mistyped.'));

  app.get<{ Params: { id: string; slug?: string } }>('/a/:id/:slug?', async (req, reply) => {
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id)) return notFound(req, reply);
    // Visitors all see the same page (preview and offer, no forms): render it once per interval.
    if (!req.account) {
      const cached = await lists.get(`visitor-page:${id}`, async () => {
        const data = await articlePageData(db, id);
        if (!data || data.article.status !== 'published') return null;
        return { path: articlePath(data.article), html: await renderArticle(req, data) };
      });
      if (!cached) return notFound(req, reply);
      if (req.url.split('?')[0] !== cached.path) return reply.redirect(cached.path, 301);
      deps.reads?.view(req, id);
      reply.header('cache-control', 'private, no-store').header('vary', 'Cookie').header('x-masthead-saved', '0').header('x-masthead-access', 'none');
      return reply.type('text/html; charset=utf-8').send(cached.html);
    }
    // Members: the article's data is shared for the interval too (cleared with the pages on any change).
    const data = await lists.get(`article:${id}`, () => articlePageData(db, id));
    if (!data || data.article.status !== 'published') return notFound(req, reply);
    const path = articlePath(data.article);
    if (req.url.split('?')[0] !== path) return reply.redirect(path, 301);
    deps.reads?.view(req, id);
    return reply.type('text/html; charset=utf-8').send(await renderArticle(req, data, reply));
  });

  /**
   * The article page for this request; sets the service-worker headers when a reply is given.
   * What differs between members is decided here, per request: the paywall decision, saved or not,
   * staff forms, the CSRF token. The page itself is rendered once per interval for each combination
   * of those (the token spliced in), so members' pages cost what visitors' do.
   */
  async function renderArticle(req: FastifyRequest, data: NonNullable<Awaited<ReturnType<typeof articlePageData>>>, reply?: FastifyReply): Promise<string> {
    const id = data.article.id;
    const t = now();
    const decision = await accessFor(db, req, data.article, deps.policy, t);
    const account = req.account;
    let saved = false;
    if (account) {
      saved = !!(await db.selectFrom('saved_articles').select('article_id').where('user_id', '=', account.user.id).where('article_id', '=', id).executeTakeFirst());
      if (decision.full) history.record(account.user.id, id, t);
    }
    const canEditAccess = !!account && (account.user.role === 'editor' || account.user.role === 'admin' || (account.user.role === 'publisher' && account.user.publisher_id === data.article.publisher_id));
    if (reply) {
      reply.header('cache-control', 'private, no-store').header('vary', 'Cookie');
      // For the service worker: keep this page offline only if it is saved by someone who may read it; forget everything otherwise.
      reply.header('x-masthead-saved', saved && decision.full ? '1' : '0');
      if (!account || !decision.full) reply.header('x-masthead-access', 'none');
    }
    const canPick = !!account && (account.user.role === 'editor' || account.user.role === 'admin');
    const view = { decision, saved, canEditAccess, canPick, signedIn: !!account };
    if (!account) return renderPage(data, view, '');
    // The key holds everything the page depends on besides the article: a page never serves another decision.
    const key = `member-page:${id}:${decision.full ? 'full' : 'preview'}:${decision.reason}:${saved ? 1 : 0}:${canEditAccess ? 1 : 0}:${canPick ? 1 : 0}`;
    const parts = await lists.get(key, async () => (await renderPage(data, view, CSRF_SLOT)).split(CSRF_SLOT));
    return parts.join(req.csrfToken);
  }

  async function renderPage(
    data: NonNullable<Awaited<ReturnType<typeof articlePageData>>>,
    { decision, saved, canEditAccess, canPick, signedIn }: { decision: Awaited<ReturnType<typeof accessFor>>; saved: boolean; canEditAccess: boolean; canPick: boolean; signedIn: boolean },
    csrfToken: string,
  ): Promise<string> {
    const id = data.article.id;
    const path = articlePath(data.article);
    const t = now();
    const readable = readableWith(decision, data.article);
    const section = data.article.section ?? '';
    const [latest, topAll, picksAll, relatedAll, coverage, tags] = await Promise.all([
      lists.get(`latest:${section}`, () => latestCards(db, { limit: 12, section: section || undefined })),
      lists.get('top', () => topStoryCards(db, { limit: 12, now: now() })),
      lists.get('picks', () => pickCards(db, { limit: 12, now: now() })),
      relatedCards(db, id, 4),
      coverageCards(db, data.article, 6),
      articleTags(db, id),
    ]);
    data.copies = coverage;
    // Each story once on the page: this one and its copies, then related, top and picks in page order.
    const shown = new Set([id, ...data.copies.map((c) => c.id)]);
    const pick4 = (cards: Card[]) => {
      const out = cards.filter((c) => !shown.has(c.id)).slice(0, 4);
      for (const c of out) shown.add(c.id);
      return out;
    };
    // Related stories from the curation job; the latest in the section while it has not run yet.
    const related = pick4(relatedAll.length ? relatedAll : latest);
    const top = pick4(topAll);
    const picks = pick4(picksAll);
    const a = data.article;
    const url = `${deps.baseUrl}${path}`;
    const structured = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: a.title,
      description: a.standfirst,
      datePublished: new Date(a.published_at).toISOString(),
      ...(a.updated_at ? { dateModified: new Date(a.updated_at).toISOString() } : {}),
      author: data.authors.map((x) => ({ '@type': 'Person', name: x.name })),
      publisher: { '@type': 'Organization', name: data.publisher.name },
      ...(a.image_url ? { image: [a.image_url] } : {}),
      mainEntityOfPage: url,
      isAccessibleForFree: a.is_free === 1,
      ...(a.is_free === 1 ? {} : { hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.body' } }),
    };
    const head = (
      <>
        <link rel="canonical" href={url} />
        <meta name="description" content={a.standfirst} />
        <meta property="og:type" content="article" />
        <meta property="og:title" content={a.title} />
        <meta property="og:description" content={a.standfirst} />
        <meta property="og:url" content={url} />
        <meta property="og:site_name" content="Masthead" />
        {a.image_url && <meta property="og:image" content={a.image_url} />}
        <meta name="twitter:card" content={a.image_url ? 'summary_large_image' : 'summary'} />
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd(structured) }} />
      </>
    );
    return page({
        title: a.title,
        signedIn,
        wide: true,
        head,
        children: (
          <>
            {!signedIn && (
              <p class="promo">
                Get all your news in one place: hundreds of premium titles, one app. <a href="/signup">Start reading</a>
              </p>
            )}
            <ArticlePage data={data} bodyHtml={readable.bodyHtml} decision={readable.decision} signedIn={signedIn} trialDays={deps.trialDays} csrfToken={csrfToken} saved={saved} related={related} top={top} picks={picks} tags={tags} read={readable.decision.full ? deps.reads?.beacon(id) : undefined} canPick={canPick} now={t} path={path} canEditAccess={canEditAccess} />
          </>
        ),
      });
  }

  app.post<{ Params: { id: string } }>('/a/:id/save', async (req, reply) => {
    const id = Number(req.params.id);
    if (!req.account) {
      return reply
        .code(401)
        .type('text/html; charset=utf-8')
        .send(page({ title: 'Sign in to save', signedIn: false, children: <><h1>Sign in to save articles</h1><p>Members keep a list of stories to read later, on any device and offline in the app.</p><p><a href={`/signin?next=${encodeURIComponent(`/a/${Number.isSafeInteger(id) ? id : ''}`)}`}>Sign in</a> or <a href="/signup">start your free trial</a>.</p></> }));
    }
    const article = await db.selectFrom('articles').select(['id', 'title', 'status']).where('id', '=', id).executeTakeFirst();
    if (!article || article.status !== 'published') return notFound(req, reply);
    const userId = req.account.user.id;
    const existing = await db.selectFrom('saved_articles').select('article_id').where('user_id', '=', userId).where('article_id', '=', id).executeTakeFirst();
    if (existing) await db.deleteFrom('saved_articles').where('user_id', '=', userId).where('article_id', '=', id).execute();
    else await db.insertInto('saved_articles').values({ user_id: userId, article_id: id, saved_at: now() }).execute();
    return reply.redirect(articlePath(article), 303);
  });

  // Editors and admins, or the publisher's own accounts, can make an article free to read (or premium again).
  app.post<{ Params: { id: string } }>('/a/:id/access', async (req, reply) => {
    const id = Number(req.params.id);
    const article = Number.isSafeInteger(id) ? await db.selectFrom('articles').select(['id', 'title', 'publisher_id', 'is_free', 'status']).where('id', '=', id).executeTakeFirst() : undefined;
    if (!article || article.status !== 'published') return notFound(req, reply);
    const u = req.account?.user;
    const allowed = !!u && (u.role === 'editor' || u.role === 'admin' || (u.role === 'publisher' && u.publisher_id === article.publisher_id));
    if (!allowed) return reply.code(403).type('text/html; charset=utf-8').send(page({ title: 'Not allowed', signedIn: !!u, children: <p>Only editors and the article's publisher can change who may read it.</p> }));
    await setArticleFree(db, id, !article.is_free, now()); // the search index follows: what anyone may read changed
    lists.clear(); // visitors' cached pages must follow at once
    req.log.info({ article: id, by: u!.id, free: !article.is_free }, 'article access changed');
    return reply.redirect(articlePath(article), 303);
  });

  for (const [path, table, column, title, empty] of [
    ['/saved', 'saved_articles', 'saved_at', 'Saved for later', 'Nothing saved yet. Use “Save for later” on any article.'],
    ['/history', 'reading_history', 'read_at', 'Reading history', 'Articles you read appear here.'],
  ] as const) {
    app.get(path, async (req, reply) => {
      if (!req.account) return reply.redirect(`/signin?next=${path}`, 303);
      if (table === 'reading_history') await history.flush(); // what was just read is listed
      const rows = await db
        .selectFrom(`${table} as s` as 'saved_articles as s')
        .innerJoin('articles as a', 'a.id', 's.article_id')
        .select(['a.id', 'a.title', 'a.standfirst', 'a.url', 'a.publisher_id', 'a.published_at', 'a.reading_minutes', 'a.image_url', 'a.image_caption', 'a.image_width', 'a.image_height', 'a.section'])
        .where('s.user_id', '=', req.account.user.id)
        .where('a.status', '=', 'published')
        .orderBy(`s.${column}` as 's.saved_at', 'desc')
        .limit(100)
        .execute();
      const cards = await toCards(db, rows);
      return reply.header('cache-control', 'private, no-store').type('text/html; charset=utf-8').send(page({ title, signedIn: true, wide: true, children: <><h1>{title}</h1>{cards.length ? <CardList cards={cards} now={now()} label={title} /> : <p class="hint">{empty}</p>}</> }));
    });
  }

  // JSON API: the article as this caller may see it.
  app.get<{ Params: { id: string } }>('/api/v1/articles/:id', async (req, reply) => {
    const id = Number(req.params.id);
    const data = Number.isSafeInteger(id) ? await articlePageData(db, id) : null;
    if (!data || data.article.status !== 'published') return reply.code(404).send({ error: 'not_found', message: 'No such article.' });
    const a = data.article;
    const readable = await readableFor(db, req, a, deps.policy, now());
    reply.header('cache-control', 'private, no-store').header('vary', 'Cookie');
    return {
      id: a.id,
      url: `${deps.baseUrl}${articlePath(a)}`,
      original_url: a.url,
      title: a.title,
      standfirst: a.standfirst,
      publisher: { slug: data.publisher.slug, name: data.publisher.name },
      authors: data.authors.map((x) => x.name),
      published_at: new Date(a.published_at).toISOString(),
      updated_at: a.updated_at ? new Date(a.updated_at).toISOString() : null,
      reading_minutes: a.reading_minutes,
      image: a.image_url ? { url: a.image_url, caption: a.image_caption, credit: a.image_credit, width: a.image_width, height: a.image_height } : null,
      access: { full: readable.decision.full, reason: readable.decision.reason },
      body_html: readable.bodyHtml,
      truncated: !readable.decision.full && readable.truncated,
    };
  });

  // Feeds out: headlines and standfirsts only, so any reader app can follow Masthead without bypassing the paywall.
  // Readers take <description> as HTML: the standfirst (plain text) is escaped as HTML, then as XML.
  app.get('/feed.xml', async (_req, reply) => {
    const cards = await latestCards(db, { limit: 50 });
    const items = cards
      .map((c) => `<item><title>${xml(c.title)}</title><link>${deps.baseUrl}${c.url}</link><guid isPermaLink="true">${deps.baseUrl}${c.url}</guid><pubDate>${new Date(c.publishedAt).toUTCString()}</pubDate><description>${xml(escapeHtml(c.standfirst))}</description><source url="${deps.baseUrl}/feed.xml">${xml(c.publisher.name)}</source></item>`)
      .join('');
    return reply
      .type('application/rss+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Masthead: latest</title><link>${deps.baseUrl}/</link><description>All your news in one place.</description>${items}</channel></rss>`);
  });

}
