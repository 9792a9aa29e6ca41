// GET /: the front page. Top stories, our picks, for you (members) and the
// latest by section; each story once on the page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Card } from '../../catalog/article-pages.ts';
import { SECTION_NAMES } from '../../catalog/publishers.ts';
import { latestStoryCards, pickCards, topStoryCards } from '../../curation/lists.ts';
import type { Database } from '../../db/connect.ts';
import { favouritePublishers } from '../../members/saved-articles.ts';
import type { ListCache } from '../../http/list-cache.ts';
import type { ImageLinks } from '../../images/links.ts';
import { FrontPage } from '../views/front-page.tsx';
import { page } from '../views/shell.tsx';
import { site } from '../../site.ts';

const SECTIONS = Object.entries(SECTION_NAMES);

/** Takes cards for one block after another, each story once on the page (by article and by story cluster). */
function onceEach() {
  const ids = new Set<number>();
  const stories = new Set<number>();
  return (cards: Card[], n: number): Card[] => {
    const out: Card[] = [];
    for (const c of cards) {
      if (out.length >= n) break;
      if (ids.has(c.id) || (c.coverage && stories.has(c.coverage.clusterId))) continue;
      ids.add(c.id);
      if (c.coverage) stories.add(c.coverage.clusterId);
      out.push(c);
    }
    return out;
  };
}

export function homeRoutes(
  app: FastifyInstance,
  deps: { database: Database; now?: () => number; lists: ListCache; images?: ImageLinks },
): void {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const lists = deps.lists;

  /** "For you", until personal ranking lands: the newest from the titles this member reads most (null: no block). */
  async function forYouCards(userId: number, take: ReturnType<typeof onceEach>): Promise<Card[] | null> {
    const favourites = await favouritePublishers(db, userId, 3);
    const newest = await Promise.all(favourites.map((publisherId) => latestStoryCards(db, { limit: 8, publisherId })));
    const cards = newest.flatMap((c) => take(c, 2));
    // A reader with favourite titles whose news is all shown above needs no "read a few stories" hint.
    return cards.length === 0 && favourites.length ? null : cards;
  }

  async function front(req: FastifyRequest): Promise<string> {
    const t = now();
    const take = onceEach();
    const allPicks = await lists.get('picks', () => pickCards(db, { limit: 12, now: t }));
    // A story the editors feature leads the page.
    const featured = allPicks.find((c) => c.featured) ?? null;
    if (featured) take([featured], 1);
    const top = take(await lists.get('top', () => topStoryCards(db, { limit: 12, now: t })), 6);
    const picks = take(allPicks, 4);
    const forYou = req.account ? await forYouCards(req.account.user.id, take) : null;
    // The sections' lists are shared by every reader (kept for the interval); what is shown above is left out per page.
    const latest = await Promise.all(
      SECTIONS.map(([slug]) => lists.get(`stories:${slug}`, () => latestStoryCards(db, { limit: 12, section: slug }))),
    );
    const sections = SECTIONS.map(([slug, name], i) => ({ slug, name, cards: take(latest[i]!, 4) }));
    const empty = top.length === 0 && allPicks.length === 0 && sections.every((s) => s.cards.length === 0);
    const view = { signedIn: !!req.account, now: t, empty, featured, top, forYou, picks, sections };
    const head = <link rel="alternate" type="application/rss+xml" title={`${site().name}: latest`} href="/feed.xml" />;
    return page({
      title: 'All your news in one place',
      signedIn: !!req.account,
      wide: true,
      head,
      images: deps.images,
      children: <FrontPage {...view} />,
    });
  }

  async function frontPage(req: FastifyRequest, reply: FastifyReply) {
    // Visitors all see the same front page: render it once per interval.
    const html = req.account ? await front(req) : await lists.get('visitor-front', () => front(req));
    return reply.type('text/html; charset=utf-8').send(html);
  }

  app.get('/', frontPage);
}
