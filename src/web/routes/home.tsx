// GET /: the front page. Top stories, our picks, for you (members) and the
// latest by section.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Card } from '../../catalog/article-pages.ts';
import { latestStoryCards, pickCards, topStoryCards } from '../../curation/lists.ts';
import { SECTION_NAMES } from '../../catalog/publishers.ts';
import type { Database } from '../../db/connect.ts';
import { favouritePublishers } from '../../members/saved-articles.ts';
import type { ListCache } from '../list-cache.ts';
import { CardItem, CardList } from '../views/cards.tsx';
import { page } from '../views/shell.tsx';

const SECTIONS = Object.entries(SECTION_NAMES);

export function homeRoutes(app: FastifyInstance, deps: { database: Database; now?: () => number; lists: ListCache }): void {
  const db = deps.database.db;
  const now = deps.now ?? Date.now;
  const lists = deps.lists;
  app.get('/', async (req, reply) => {
    // Visitors all see the same front page: render it once per interval.
    const html = req.account ? await front(req) : await lists.get('visitor-front', () => front(req));
    return reply.type('text/html; charset=utf-8').send(html);
  });

  async function front(req: FastifyRequest): Promise<string> {
    const t = now();
    const allPicks = await lists.get('picks', () => pickCards(db, { limit: 12, now: t }));
    // A story the editors feature leads the page.
    const featured = allPicks.find((c) => c.featured) ?? null;
    // Each story once on the page: every block takes only stories not shown above it (nor twice in itself).
    const shownIds = new Set<number>();
    const shownStories = new Set<number>();
    const take = (cards: Card[], n: number): Card[] => {
      const out: Card[] = [];
      for (const c of cards) {
        if (out.length >= n) break;
        if (shownIds.has(c.id) || (c.coverage && shownStories.has(c.coverage.clusterId))) continue;
        shownIds.add(c.id);
        if (c.coverage) shownStories.add(c.coverage.clusterId);
        out.push(c);
      }
      return out;
    };
    if (featured) take([featured], 1);
    const top = take(await lists.get('top', () => topStoryCards(db, { limit: 12, now: t })), 6);
    const picks = take(allPicks, 4);
    // "For you", until personal ranking lands: the newest from the titles this member reads most.
    let forYou: Card[] | null = null;
    if (req.account) {
      const favourites = await favouritePublishers(db, req.account.user.id, 3);
      const newest = await Promise.all(favourites.map((publisherId) => latestStoryCards(db, { limit: 8, publisherId })));
      forYou = newest.flatMap((cards) => take(cards, 2));
      // A reader with favourite titles whose news is all shown above needs no "read a few stories" hint.
      if (forYou.length === 0 && favourites.length) forYou = null;
    }
    // The sections' lists are shared by every reader (kept for the interval); what is shown above is left out per page.
    const latest = await Promise.all(SECTIONS.map(([slug]) => lists.get(`stories:${slug}`, () => latestStoryCards(db, { limit: 12, section: slug }))));
    const sections = SECTIONS.map(([slug, name], i) => ({ slug, name, cards: take(latest[i]!, 4) }));
    const empty = top.length === 0 && allPicks.length === 0 && sections.every((s) => s.cards.length === 0);
    return page({
        title: 'All your news in one place',
        signedIn: !!req.account,
        wide: true,
        head: <link rel="alternate" type="application/rss+xml" title="Masthead: latest" href="/feed.xml" />,
        children: empty ? (
          <>
            <h1>No stories yet</h1>
            <p>Add a publisher's feed with <code>masthead feeds add URL --publisher SLUG</code>, then <code>masthead refresh --once</code>.</p>
          </>
        ) : (
          <>
            {!req.account && (
              <p class="promo">
                All your news in one place: every title, one membership, no ads. <a href="/signup">Start your free trial</a>
              </p>
            )}
            {featured && (
              <section class="featured" aria-label="Featured by our editors">
                <p class="hint">Featured by our editors</p>
                <ul class="cards">
                  <CardItem card={featured} now={t} />
                </ul>
              </section>
            )}
            <h1>Top stories right now</h1>
            <CardList cards={top} now={t} label="Top stories right now" />
            {forYou && (
              <section>
                <h2>For you</h2>
                {forYou.length ? <CardList cards={forYou} now={t} label="For you" /> : <p class="hint">Read a few stories and this fills with more from the titles you like.</p>}
              </section>
            )}
            <h2>Our picks</h2>
            <CardList cards={picks} now={t} label="Our picks" />
            {sections
              .filter((s) => s.cards.length)
              .map((s) => (
                <section>
                  <h2>
                    <a class="plain" href={`/s/${s.slug}`}>
                      {s.name}
                    </a>
                  </h2>
                  <CardList cards={s.cards} now={t} label={s.name} />
                </section>
              ))}
          </>
        ),
      });
  }
}
