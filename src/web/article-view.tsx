// Renders the article page for one request. What differs between readers is
// decided per request: the paywall decision, saved or not, staff forms, the
// CSRF token. The page itself is rendered once per interval for each
// combination of those (the token spliced in), so members' pages cost what
// visitors' do; visitors' pages carry no form token at all.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { articlePath, latestCards, type ArticlePageData, type Card } from '../catalog/article-pages.ts';
import { jsonLdText, newsArticle } from '../catalog/structured-data.ts';
import { articleCoverage, storiesOf } from '../curation/coverage.ts';
import { articleTags, coverageCards, pickCards, relatedCards, topStoryCards } from '../curation/lists.ts';
import type { DB } from '../db/schema.ts';
import type { ImageLinks } from '../images/links.ts';
import { rewriteBodyImages } from '../images/rewrite-html.ts';
import type { AccessDecision, AccessPolicy } from '../members/access.ts';
import { canEditAccess, canPick } from '../members/policies.ts';
import type { ReadingHistory } from '../members/reading-history.ts';
import { isSaved } from '../members/saved-articles.ts';
import { accessFor, readableWith } from '../http/article-access.ts';
import { actorOf } from '../http/session.ts';
import type { ListCache } from '../http/list-cache.ts';
import { ArticlePage } from './views/article-page.tsx';
import { page } from './views/shell.tsx';
import { site } from '../site.ts';

/** Stands for the member's CSRF token in a cached page; random per process, so no article text can contain it. */
const CSRF_SLOT = `csrf-${crypto.randomBytes(18).toString('base64url')}`;

export interface ArticleViewDeps {
  db: Kysely<DB>;
  lists: ListCache;
  policy: AccessPolicy;
  trialDays: number;
  baseUrl: string;
  now: () => number;
  history: ReadingHistory;
  /** The qualified-read thresholds a full-text page carries, when reads are counted. */
  readThresholds?: { seconds: number; percent: number };
  /** Links to our image endpoint: pictures, og:image and JSON-LD point there, never at the publisher. */
  images?: ImageLinks;
}

interface Shown {
  decision: AccessDecision;
  saved: boolean;
  canEditAccess: boolean;
  canPick: boolean;
  signedIn: boolean;
}

export function articleRenderer(deps: ArticleViewDeps) {
  const { db, lists, now } = deps;

  /** The page for this request; with a reply, also the headers the service worker reads. */
  async function render(req: FastifyRequest, data: ArticlePageData, reply?: FastifyReply): Promise<string> {
    const id = data.article.id;
    const t = now();
    const decision = await accessFor(db, req, data.article, deps.policy, t);
    const account = req.account;
    const saved = account ? await isSaved(db, account.user.id, id) : false;
    if (account && decision.full) deps.history.record(account.user.id, id, t);
    const actor = actorOf(req);
    const shown: Shown = {
      decision,
      saved,
      canEditAccess: canEditAccess(actor, { publisherId: data.article.publisher_id }),
      canPick: canPick(actor),
      signedIn: !!account,
    };
    if (reply) {
      reply.header('cache-control', 'private, no-store').header('vary', 'Cookie');
      // For the service worker: keep this page offline only if it is saved by someone who may read it; forget everything otherwise.
      reply.header('x-masthead-saved', saved && decision.full ? '1' : '0');
      if (!account || !decision.full) reply.header('x-masthead-access', 'none');
    }
    if (!account) return renderPage(data, shown, '');
    // The key holds everything the page depends on besides the article: a page never serves another decision.
    const key = `member-page:${id}:${decision.full ? 'full' : 'preview'}:${decision.reason}:${saved ? 1 : 0}:${shown.canEditAccess ? 1 : 0}:${shown.canPick ? 1 : 0}`;
    const parts = await lists.get(key, async () => (await renderPage(data, shown, CSRF_SLOT)).split(CSRF_SLOT));
    return parts.join(req.csrfToken);
  }

  /** The lists beside the story: each story once on the page (this one and its copies, then related, top and picks). */
  async function besides(data: ArticlePageData) {
    const id = data.article.id;
    const section = data.article.section ?? '';
    const [latest, topAll, picksAll, relatedAll, coverage, tags, counts] = await Promise.all([
      lists.get(`latest:${section}`, () => latestCards(db, { limit: 12, section: section || undefined })),
      lists.get('top', () => topStoryCards(db, { limit: 12, now: now() })),
      lists.get('picks', () => pickCards(db, { limit: 12, now: now() })),
      relatedCards(db, id, 4),
      coverageCards(db, data.article, 6),
      articleTags(db, id),
      articleCoverage(db, data.article),
    ]);
    const shown = new Set([id, ...coverage.map((c) => c.id)]);
    // This story's other reports are its coverage, counted above: never shown again as another story.
    const story = data.article.cluster_id;
    const storyOf =
      story === null
        ? new Map()
        : await storiesOf(
            db,
            [...latest, ...topAll, ...picksAll, ...relatedAll].map((c) => c.id),
          );
    const pick4 = (cards: Card[]) => {
      const out = cards.filter((c) => !shown.has(c.id) && (story === null || storyOf.get(c.id) !== story)).slice(0, 4);
      for (const c of out) shown.add(c.id);
      return out;
    };
    // Related stories from the curation job; the latest in the section while it has not run yet.
    const related = pick4(relatedAll.length ? relatedAll : latest);
    return { coverage, counts, related, top: pick4(topAll), picks: pick4(picksAll), tags };
  }

  async function renderPage(data: ArticlePageData, shown: Shown, csrfToken: string): Promise<string> {
    const a = data.article;
    const path = articlePath(a);
    const url = `${deps.baseUrl}${path}`;
    const readable = readableWith(shown.decision, a);
    const { coverage, counts, related, top, picks, tags } = await besides(data);
    // Read by other sites (link previews, search engines): absolute, and through our endpoint too.
    const shareImage = a.image_url ? (deps.images?.absolute(a.image_url, 1280) ?? null) : null;
    const structured = newsArticle({
      headline: a.title,
      description: a.standfirst,
      publishedAt: a.published_at,
      updatedAt: a.updated_at,
      authors: data.authors.map((x) => x.name),
      publisher: { name: data.publisher.name },
      image: shareImage,
      url,
      free: a.is_free === 1,
    });
    const head = (
      <>
        <link rel="canonical" href={url} />
        <meta name="description" content={a.standfirst} />
        <meta property="og:type" content="article" />
        <meta property="og:title" content={a.title} />
        <meta property="og:description" content={a.standfirst} />
        <meta property="og:url" content={url} />
        <meta property="og:site_name" content={site().name} />
        {shareImage && <meta property="og:image" content={shareImage} />}
        <meta name="twitter:card" content={shareImage ? 'summary_large_image' : 'summary'} />
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(structured) }} />
      </>
    );
    const view = {
      ...shown,
      data: { ...data, copies: coverage },
      coverage: counts,
      bodyHtml: rewriteBodyImages(readable.bodyHtml, deps.images ?? null),
      decision: readable.decision,
      trialDays: deps.trialDays,
      csrfToken,
      related,
      top,
      picks,
      tags,
      now: now(),
      path,
    };
    return page({
      title: a.title,
      signedIn: shown.signedIn,
      wide: true,
      head,
      images: deps.images,
      children: (
        <>
          {!shown.signedIn && (
            <p class="promo">
              {site().name} {site().offer}. <a href="/signup">Start reading</a>
            </p>
          )}
          <ArticlePage {...view} read={readable.decision.full ? deps.readThresholds : undefined} />
        </>
      ),
    });
  }

  return { render };
}
