// The front page: the editors' featured story, top stories right now, "For
// you" (members), our picks, and the latest by section; each story once.
import type { Card } from '../../catalog/article-pages.ts';
import { CardItem, CardList } from './cards.tsx';

export interface FrontPageView {
  signedIn: boolean;
  now: number;
  empty: boolean;
  featured: Card | null;
  top: Card[];
  /** null: no "For you" block (visitors, or nothing left to show) */
  forYou: Card[] | null;
  picks: Card[];
  sections: { slug: string; name: string; cards: Card[] }[];
}

export function FrontPage(v: FrontPageView) {
  return v.empty ? (
    <>
      <h1>No stories yet</h1>
      <p>
        Add a publisher's feed with <code>masthead feeds add URL --publisher SLUG</code>, then{' '}
        <code>masthead refresh --once</code>.
      </p>
    </>
  ) : (
    <>
      {!v.signedIn && (
        <p class="promo">
          All your news in one place: every title, one membership, no ads. <a href="/signup">Start your free trial</a>
        </p>
      )}
      {v.featured && (
        <section class="featured" aria-label="Featured by our editors">
          <p class="hint">Featured by our editors</p>
          <ul class="cards">
            <CardItem card={v.featured} now={v.now} />
          </ul>
        </section>
      )}
      <h1>Top stories right now</h1>
      <CardList cards={v.top} now={v.now} label="Top stories right now" />
      {v.forYou && (
        <section>
          <h2>For you</h2>
          {v.forYou.length ? (
            <CardList cards={v.forYou} now={v.now} label="For you" />
          ) : (
            <p class="hint">Read a few stories and this fills with more from the titles you like.</p>
          )}
        </section>
      )}
      <h2>Our picks</h2>
      <CardList cards={v.picks} now={v.now} label="Our picks" />
      {v.sections
        .filter((s) => s.cards.length)
        .map((s) => (
          <section>
            <h2>
              <a class="plain" href={`/s/${s.slug}`}>
                {s.name}
              </a>
            </h2>
            <CardList cards={s.cards} now={v.now} label={s.name} />
          </section>
        ))}
    </>
  );
}
