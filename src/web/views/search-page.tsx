// The search page: the form (words, publisher, section, dates), how many
// stories match, the results with highlighted snippets, and paging.
import { articlePath, type Card } from '../../catalog/article-pages.ts';
import { SECTION_NAMES } from '../../catalog/publishers.ts';
import { MAX_TERMS } from '../../search/query.ts';
import type { SearchResult } from '../../search/search.ts';
import { timeAgo } from './cards.tsx';

export interface SearchQueryView {
  q: string;
  publisher?: string;
  section?: string;
  from?: string;
  to?: string;
  page: number;
}

export interface SearchPageView {
  query: SearchQueryView;
  publishers: { slug: string; name: string }[];
  sections: readonly string[];
  result: SearchResult | null;
  cards: Card[];
  now: number;
}

const pageLink = (q: SearchQueryView, p: number) =>
  `/search?${new URLSearchParams({ ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')), page: String(p) } as Record<string, string>)}`;

function SearchForm({ query: q, publishers, sections }: Pick<SearchPageView, 'query' | 'publishers' | 'sections'>) {
  return (
    <form method="get" action="/search" role="search" class="search-form">
      <label for="q">Search every title</label>
      <input
        id="q"
        name="q"
        type="text"
        value={q.q}
        placeholder='Words, "exact phrases", this OR that, -exclude'
        autocomplete="off"
      />
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
        {sections.map((s) => (
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
  );
}

type Hit = SearchResult['hits'][number];

/** What the count line says: how many, or why nothing was searched for. */
function status(q: SearchQueryView, result: SearchResult): string {
  const common = result.ignored.map((w) => `“${w}”`).join(', ');
  if (result.total === 0 && result.terms.length === 0 && result.ignored.length)
    return `${common} ${result.ignored.length === 1 ? 'is' : 'are'} too common to search for. Add a more specific word: a name, a place, a subject.`;
  const count =
    result.total === 0
      ? `No stories match “${q.q}”. Try fewer or different words, or OR between alternatives.`
      : result.total >= 1000
        ? 'More than 1,000 stories'
        : `${result.total} ${result.total === 1 ? 'story' : 'stories'}`;
  const notes = [
    ...(result.ignored.length ? [`common words left out: ${common}`] : []),
    ...(result.capped ? [`only the first ${MAX_TERMS} words were searched`] : []),
  ];
  return notes.length ? `${count} (${notes.join('; ')})` : count;
}

/** The hits as stories: each first report with the later reports listed under it. */
function byStory(hits: Hit[], cards: Card[]): { hit: Hit; card?: Card; later: { hit: Hit; card?: Card }[] }[] {
  const out: { hit: Hit; card?: Card; later: { hit: Hit; card?: Card }[] }[] = [];
  hits.forEach((hit, i) => {
    const last = out.at(-1);
    if (hit.followUp && last) last.later.push({ hit, card: cards[i] });
    else out.push({ hit, card: cards[i], later: [] });
  });
  return out;
}

export function SearchPage(v: SearchPageView) {
  const { query: q, result } = v;
  const pages = result ? Math.ceil(result.total / result.pageSize) : 0;
  return (
    <>
      <h1>Search</h1>
      <SearchForm {...v} />
      {result && (
        <p class="hint" role="status">
          {status(q, result)}
        </p>
      )}
      <ol class="results">
        {byStory(result?.hits ?? [], v.cards).map(({ hit: h, card, later }) => (
          <li class="card">
            <div class="masthead">{card?.publisher.name}</div>
            <h3>
              <a href={articlePath(h.article)}>{h.article.title}</a>
            </h3>
            <p>{h.snippet.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</p>
            <div class="meta">
              {later.length > 0 && !h.followUp ? 'First report · ' : ''}
              {timeAgo(h.article.published_at, v.now)}
            </div>
            {later.length > 0 && (
              <ul class="story-later" aria-label="Later reports of this story">
                {later.map((l) => (
                  <li>
                    <span class="masthead">{l.card?.publisher.name}</span>{' '}
                    <a href={articlePath(l.hit.article)}>{l.hit.article.title}</a>{' '}
                    <span class="meta">{timeAgo(l.hit.article.published_at, v.now)}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {pages > 1 && (
        <nav aria-label="Result pages" class="pager">
          {q.page > 1 && <a href={pageLink(q, q.page - 1)}>← Newer results</a>}{' '}
          <span class="hint">
            Page {q.page} of {pages}
          </span>{' '}
          {q.page < pages && <a href={pageLink(q, q.page + 1)}>More results →</a>}
        </nav>
      )}
    </>
  );
}
