// The admin console's catalogue: every publisher with its feeds and their
// health (resume, pause, refresh now), a publisher's details, adding a feed.
import { feedHealth, type FeedHealthRow } from '../../catalog/feeds.ts';
import { SECTION_NAMES, SECTIONS } from '../../catalog/publishers.ts';
import type { PublisherRow } from '../../db/schema.ts';
import { AdminFrame, Empty, HealthBadge, When } from './admin-layout.tsx';
import { Csrf } from './shell.tsx';

export interface CatalogView {
  publishers: PublisherRow[];
  feeds: FeedHealthRow[];
  articles: Map<number, number>;
  problemsOnly: boolean;
  now: number;
  csrfToken: string;
}

function FeedActions({ f, csrf, back }: { f: FeedHealthRow; csrf: string; back: string }) {
  const action = (verb: string, label: string, cls?: string) => (
    <form method="post" action={`/admin/feeds/${f.id}/${verb}`}>
      <Csrf token={csrf} />
      <input type="hidden" name="back" value={back} />
      <button class={cls} aria-label={`${label}: ${f.title ?? f.url}`}>
        {label}
      </button>
    </form>
  );
  return (
    <div class="row">
      {f.status === 'active'
        ? [action('refresh', 'Refresh now'), action('pause', 'Pause', 'secondary')]
        : action('resume', 'Resume')}
    </div>
  );
}

export function FeedItem({ f, now, csrf, back }: { f: FeedHealthRow; now: number; csrf: string; back: string }) {
  const health = feedHealth(f);
  return (
    <li>
      <div class="feed-head">
        <HealthBadge health={health} /> <strong>{f.title ?? 'Untitled feed'}</strong> <span class="hint">#{f.id}</span>
      </div>
      <div class="feed-url">{f.url}</div>
      <div class="facts">
        <span>
          Last success: <When t={f.last_success_at} now={now} />
        </span>
        <span>Next due: {f.status === 'active' ? <When t={f.next_fetch_at} now={now} /> : '—'}</span>
        <span>{f.items_total} items</span>
        {f.consecutive_failures > 0 && (
          <span>
            {f.consecutive_failures} failure{f.consecutive_failures > 1 ? 's' : ''} in a row
          </span>
        )}
      </div>
      {f.last_error && health !== 'ok' && (
        <p class="error-text">
          Last error
          {f.last_error_at ? (
            <>
              {' '}
              (<When t={f.last_error_at} now={now} />)
            </>
          ) : (
            ''
          )}
          : {f.last_error}
        </p>
      )}
      <FeedActions f={f} csrf={csrf} back={back} />
    </li>
  );
}

export function AddFeedForm(p: { publishers: PublisherRow[]; fixed?: PublisherRow; csrf: string; back: string }) {
  return (
    <form method="post" action="/admin/feeds" class="stack">
      <Csrf token={p.csrf} />
      <input type="hidden" name="back" value={p.back} />
      <label>
        Feed address (RSS, Atom, RDF or JSON Feed)
        <input type="url" name="url" required placeholder="https://example.org/feed.xml" />
      </label>
      {p.fixed ? (
        <input type="hidden" name="publisher" value={String(p.fixed.id)} />
      ) : (
        <label>
          Publisher
          <select name="publisher" required>
            {p.publishers.map((x) => (
              <option value={String(x.id)}>{x.name}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        Display title (optional: the feed's own)
        <input type="text" name="title" maxLength={200} />
      </label>
      <div class="row">
        <label>
          Section for items that carry none
          <select name="section">
            <option value="">None</option>
            {SECTIONS.map((s) => (
              <option value={s}>{SECTION_NAMES[s]}</option>
            ))}
          </select>
        </label>
        <label>
          Full text
          <select name="fullText">
            <option value="auto">When the feed has only summaries</option>
            <option value="always">Always fetch the article page</option>
            <option value="never">Never</option>
          </select>
        </label>
      </div>
      <button>Add feed</button>
    </form>
  );
}

function Summary({ feeds }: { feeds: FeedHealthRow[] }) {
  const n = { ok: 0, failing: 0, parked: 0, disabled: 0 };
  for (const f of feeds) n[feedHealth(f)]++;
  return (
    <p class="facts">
      <span>{feeds.length} feeds</span>
      <span>{n.ok} healthy</span>
      <span class={n.failing ? 'warn-text' : undefined}>{n.failing} failing</span>
      <span class={n.parked ? 'error-text' : undefined}>{n.parked} parked</span>
      <span>{n.disabled} paused</span>
    </p>
  );
}

export function CatalogPage(v: CatalogView) {
  const back = v.problemsOnly ? '/admin?show=problems' : '/admin';
  const byPublisher = new Map<number, FeedHealthRow[]>();
  for (const f of v.feeds) byPublisher.set(f.publisher_id, [...(byPublisher.get(f.publisher_id) ?? []), f]);
  const shown = v.feeds.filter((f) => !v.problemsOnly || feedHealth(f) !== 'ok');
  const publishers = v.problemsOnly
    ? v.publishers.filter((p) => shown.some((f) => f.publisher_id === p.id))
    : v.publishers;
  return (
    <AdminFrame current="/admin">
      <h1>Publishers &amp; feeds</h1>
      <Summary feeds={v.feeds} />
      <div class="row">
        <a href="/admin/publishers/new">Add a publisher</a>
        {v.problemsOnly ? (
          <a href="/admin">Show every feed</a>
        ) : (
          <a href="/admin?show=problems">Only feeds with problems</a>
        )}
      </div>
      {v.publishers.length === 0 ? (
        <Empty>
          No publishers yet. <a href="/admin/publishers/new">Add the first one</a>, then its feeds.
        </Empty>
      ) : publishers.length === 0 ? (
        <Empty>Every feed is healthy: nothing failing, parked or paused.</Empty>
      ) : (
        publishers.map((p) => {
          const feeds = (byPublisher.get(p.id) ?? []).filter((f) => !v.problemsOnly || feedHealth(f) !== 'ok');
          return (
            <section class="publisher" aria-labelledby={`p-${p.id}`}>
              <h2 id={`p-${p.id}`}>
                <a class="plain" href={`/admin/publishers/${p.id}`}>
                  {p.name}
                </a>
              </h2>
              <p class="facts">
                <span>{p.slug}</span>
                <span>{v.articles.get(p.id) ?? 0} articles</span>
                <span>{p.api_key_prefix ? `push key mh_${p.api_key_prefix}_…` : 'no push key'}</span>
                <a href={`/admin/publishers/${p.id}`}>Edit, add a feed</a>
              </p>
              {feeds.length === 0 ? (
                <Empty>
                  No feeds yet: <a href={`/admin/publishers/${p.id}#add-feed`}>add one</a>.
                </Empty>
              ) : (
                <ul class="feeds">
                  {feeds.map((f) => (
                    <FeedItem f={f} now={v.now} csrf={v.csrfToken} back={back} />
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </AdminFrame>
  );
}
