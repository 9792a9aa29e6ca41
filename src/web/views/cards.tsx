// The article card used in every list.
import type { Card } from '../../catalog/article-pages.ts';
import { brandStyle } from './colour.ts';
import { CARD_SLOT, useImage } from './images.tsx';

export function timeAgo(ms: number, now: number): string {
  const m = Math.round((now - ms) / 60_000);
  if (m < 60) return `${Math.max(1, m)} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(ms).toUTCString().slice(5, 16);
}

/** "9 publishers cover this story · 13 reports": a story's coverage (curation/coverage.ts) in words, the same on every page. */
export function coverageWords(c: { publishers: number; reports: number }): string {
  return `${c.publishers} ${c.publishers === 1 ? 'publisher covers' : 'publishers cover'} this story · ${c.reports} ${
    c.reports === 1 ? 'report' : 'reports'
  }`;
}

/** What a capped list says of its count: "showing 6 of 8". */
export function showingWords(shown: number, of: number, what: string): string | null {
  return shown < of ? `showing ${shown} of ${of} ${what}` : null;
}

/** A name page's count, "named in 13 reports of 2 stories", and how many of the stories a page lists when fewer. */
export function nameReachWords(r: { reports: number; stories: number }, listed: number, paged: boolean): string {
  const words = `named in ${r.reports} ${r.reports === 1 ? 'report' : 'reports'} of ${r.stories} ${
    r.stories === 1 ? 'story' : 'stories'
  }`;
  if (listed >= r.stories) return words;
  return `${words} · ${paged ? `${listed} on this page` : showingWords(listed, r.stories, 'stories')}`;
}

/** A card's words: masthead, headline, standfirst, note and the line of facts (also used without a picture). */
export function CardBody({ card, now }: { card: Card; now: number }) {
  return (
    <>
      <div class="masthead" style={brandStyle(card.publisher.color)}>
        {card.publisher.name}
      </div>
      <h3>
        <a href={card.url}>{card.title}</a>
      </h3>
      <p>{card.standfirst}</p>
      {card.note && <p class="note">{card.note}</p>}
      <div class="meta">
        <time dateTime={new Date(card.publishedAt).toISOString()}>{timeAgo(card.publishedAt, now)}</time> ·{' '}
        {card.readingMinutes} min read
        {card.coverage && card.coverage.publishers > 1 && (
          <>
            {' · '}
            <a href={`/c/${card.coverage.clusterId}`}>{card.coverage.publishers} publishers</a>
          </>
        )}
      </div>
    </>
  );
}

export function CardItem({ card, now }: { card: Card; now: number }) {
  const picture = useImage(card.image?.url, CARD_SLOT);
  return (
    <li class="card">
      {card.image && picture && (
        <a href={card.url} tabIndex={-1} aria-hidden="true">
          <img
            {...picture}
            alt=""
            width={card.image.width ?? 1200}
            height={card.image.height ?? 675}
            loading="lazy"
            decoding="async"
          />
        </a>
      )}
      <CardBody card={card} now={now} />
    </li>
  );
}

export function CardList({ cards, now, label }: { cards: Card[]; now: number; label: string }) {
  if (!cards.length) return <p class="hint">Nothing here yet.</p>;
  return (
    <ul class="cards" aria-label={label}>
      {cards.map((c) => (
        <CardItem card={c} now={now} />
      ))}
    </ul>
  );
}
