// A paged list of cards (publisher, section, topic, author): heading, intro,
// the cards, and links to the newest and to older stories.
import type { Card } from '../../catalog/article-pages.ts';
import { CardList } from './cards.tsx';
import { LOGO_SLOT, useImage } from './images.tsx';

export interface ListView {
  title: string;
  intro?: string | null;
  /** A publisher's own site and logo, when the list is a publisher's. */
  homepage?: string | null;
  logo?: string | null;
  path: string;
  cards: Card[];
  /** Cursor of the next (older) page, if any. */
  next: string | null;
  /** Whether this is a later page (offer a way back to the newest). */
  paged: boolean;
  now: number;
}

export function ListPage(v: ListView) {
  const logo = useImage(v.logo, LOGO_SLOT);
  return (
    <>
      {logo && <img class="logo" {...logo} alt="" height={40} />}
      <h1>{v.title}</h1>
      {v.intro && <p class="standfirst">{v.intro}</p>}
      {v.homepage && (
        <p class="meta">
          <a href={v.homepage} rel="noopener">
            Visit {v.title}’s own site
          </a>
        </p>
      )}
      {v.cards.length ? (
        <CardList cards={v.cards} now={v.now} label={v.title} />
      ) : (
        <p class="hint">{v.paged ? 'No older stories.' : 'No stories here yet.'}</p>
      )}
      {(v.paged || v.next) && (
        <nav aria-label="More stories" class="pager">
          {v.paged && <a href={v.path}>← Newest</a>}{' '}
          {v.next && <a href={`${v.path}?before=${v.next}`}>Older stories →</a>}
        </nav>
      )}
    </>
  );
}
