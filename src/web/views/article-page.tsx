// The article page: masthead, headline, standfirst, byline, lead picture with
// caption and credit, the body (or the preview and the offer), then related
// stories, top stories and our picks.
import type { ArticlePageData, Card } from '../../catalog/article-pages.ts';
import type { Coverage } from '../../curation/coverage.ts';
import type { ArticleTags } from '../../curation/lists.ts';
import type { AccessDecision } from '../../members/access.ts';
import { CardList, coverageWords, showingWords, timeAgo } from './cards.tsx';
import { brandStyle } from './colour.ts';
import { LEAD_SLOT, LOGO_SLOT, useImage } from './images.tsx';
import { Csrf } from './shell.tsx';
import { site } from '../../site.ts';

export interface ArticleView {
  data: ArticlePageData;
  bodyHtml: string;
  decision: AccessDecision;
  signedIn: boolean;
  trialDays: number;
  csrfToken: string;
  saved: boolean;
  related: Card[];
  top: Card[];
  picks: Card[];
  tags: ArticleTags;
  /** the story's coverage (curation/coverage.ts): what "More coverage" counts, whatever it lists */
  coverage: Coverage;
  /** present when the full text is shown: the qualified-read beacon's thresholds */
  read?: { seconds: number; percent: number };
  /** editors and admins: pick this story, rule on good news */
  canPick?: boolean;
  now: number;
  path: string;
  /** Editors, admins and the publisher's own accounts may make it free or premium. */
  canEditAccess?: boolean;
}

export function Paywall({ decision, trialDays, path }: { decision: AccessDecision; trialDays: number; path: string }) {
  const lapsed = decision.reason === 'lapsed' || decision.reason === 'allowance-used';
  return (
    <section class="paywall" aria-labelledby="paywall-title">
      <h2 id="paywall-title">{lapsed ? 'Keep reading with a membership' : 'Sign up to read this article'}</h2>
      <p>
        {site().name} {site().offer}.
      </p>
      {lapsed ? (
        <p>
          <a href="/plans">See plans</a>
        </p>
      ) : (
        <>
          <p>
            <a href={`/signup?next=${encodeURIComponent(path)}`}>
              <strong>Start your {trialDays}-day free trial</strong>
            </a>{' '}
            — no card needed, cancel any time.
          </p>
          <p>
            Already a member? <a href={`/signin?next=${encodeURIComponent(path)}`}>Sign in</a>
          </p>
        </>
      )}
    </section>
  );
}

/**
 * The slot for the article text: the whole body, or (for a reader who may not
 * read it) the preview the paywall rule chose, followed by the offer. Bodies
 * are sanitised at ingest, so they are rendered as they are.
 */
export function ArticleBody({
  bodyHtml,
  decision,
  trialDays,
  path,
}: {
  bodyHtml: string;
  decision: AccessDecision;
  trialDays: number;
  path: string;
}) {
  return (
    <>
      <div class={`body${decision.full ? '' : ' fade'}`} dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {!decision.full && <Paywall decision={decision} trialDays={trialDays} path={path} />}
    </>
  );
}

/**
 * "Save for later": a form post for members; for visitors (whose page is
 * shared and carries no form token) a form that leads to signing in first.
 */
export function SaveButton({
  id,
  path,
  signedIn,
  saved,
  csrfToken,
}: {
  id: number;
  path: string;
  signedIn: boolean;
  saved: boolean;
  csrfToken: string;
}) {
  if (!signedIn) {
    return (
      <form method="get" action="/signin" class="bare" data-save>
        <input type="hidden" name="next" value={path} />
        <button class="secondary" type="submit">
          Save for later
        </button>
      </form>
    );
  }
  return (
    <form method="post" action={`/a/${id}/save`} class="bare" data-save>
      <Csrf token={csrfToken} />
      <button class="secondary" type="submit" aria-pressed={saved ? 'true' : 'false'}>
        {saved ? 'Saved ✓ (remove)' : 'Save for later'}
      </button>
    </form>
  );
}

const longDate = (ms: number) => new Date(ms).toUTCString().replace(' GMT', ' UTC');

function Tags({ tags }: { tags: ArticleTags }) {
  if (!tags.topics.length && !tags.entities.length) return null;
  return (
    <>
      {tags.topics.length > 0 && (
        <p class="tags">
          <span>Topics</span>
          {tags.topics.map((t) => (
            <a href={`/t/${t.slug}`}>{t.name}</a>
          ))}
        </p>
      )}
      {tags.entities.length > 0 && (
        <p class="tags">
          <span>In this story</span>
          {tags.entities.map((e) => (
            <a href={`/e/${e.slug}`}>{e.name}</a>
          ))}
        </p>
      )}
    </>
  );
}

export function ArticlePage(v: ArticleView) {
  const { article: a, publisher: p, authors, copies } = v.data;
  const others = showingWords(copies.length, v.coverage.publishers - 1, 'other publishers');
  const logo = useImage(p.logo_url, LOGO_SLOT);
  const lead = useImage(a.image_url, LEAD_SLOT);
  return (
    <article
      class="article"
      data-article={a.id}
      data-read={v.read ? '1' : undefined}
      data-read-s={v.read?.seconds}
      data-read-pct={v.read?.percent}
    >
      <div class="masthead" style={brandStyle(p.brand_color)}>
        <a href={`/p/${p.slug}`}>{logo ? <img class="logo" {...logo} alt={p.name} height={32} /> : p.name}</a>
      </div>
      <h1>{a.title}</h1>
      {a.standfirst && <p class="standfirst">{a.standfirst}</p>}
      <p class="byline">
        {authors.length > 0 && (
          <>
            By{' '}
            {authors.map((x, i) => (
              <>
                {i > 0 && ' and '}
                <a href={`/author/${p.slug}/${x.slug}`}>{x.name}</a>
              </>
            ))}{' '}
            ·{' '}
          </>
        )}
        <time dateTime={new Date(a.published_at).toISOString()} title={longDate(a.published_at)}>
          {timeAgo(a.published_at, v.now)}
        </time>
        {a.updated_at && a.updated_at > a.published_at && (
          <>
            {' '}
            · updated{' '}
            <time dateTime={new Date(a.updated_at).toISOString()} title={longDate(a.updated_at)}>
              {timeAgo(a.updated_at, v.now)}
            </time>
          </>
        )}{' '}
        · {a.reading_minutes} min read
      </p>
      {lead && (
        <figure>
          <img
            {...lead}
            alt={a.image_caption ?? ''}
            width={a.image_width ?? 1200}
            height={a.image_height ?? 675}
            decoding="async"
          />
          {(a.image_caption || a.image_credit) && (
            <figcaption>
              {a.image_caption} {a.image_credit && <span class="credit">({a.image_credit})</span>}
            </figcaption>
          )}
        </figure>
      )}
      <ArticleBody bodyHtml={v.bodyHtml} decision={v.decision} trialDays={v.trialDays} path={v.path} />
      <Tags tags={v.tags} />
      {v.decision.full && (
        <p class="meta">
          <a href={a.url} rel="noopener">
            Read the original at {p.name}
          </a>
        </p>
      )}
      <SaveButton id={a.id} path={v.path} signedIn={v.signedIn} saved={v.saved} csrfToken={v.csrfToken} />
      {v.canEditAccess && (
        <form method="post" action={`/a/${a.id}/access`} class="bare">
          <Csrf token={v.csrfToken} />
          <button class="secondary" type="submit">
            {a.is_free ? 'Make premium (members only)' : 'Make free to read for everyone'}
          </button>
        </form>
      )}
      {v.canPick && (
        <form method="post" action="/editor/picks" class="bare">
          <Csrf token={v.csrfToken} />
          <input type="hidden" name="article" value={String(a.id)} />
          <input type="hidden" name="back" value={v.path} />
          <button class="secondary" type="submit">
            Add to our picks
          </button>{' '}
          <a href="/editor">Editors’ console</a>
        </form>
      )}
      {v.canPick && (
        <form method="post" action="/editor/good-news" class="bare">
          <Csrf token={v.csrfToken} />
          <input type="hidden" name="article" value={String(a.id)} />
          <input type="hidden" name="back" value={v.path} />
          <input type="hidden" name="include" value={a.good_news ? '0' : '1'} />
          <button class="secondary" type="submit">
            {a.good_news ? 'Remove from good news' : 'Add to good news'}
          </button>
        </form>
      )}
      {copies.length > 0 && (
        <section>
          <h2>More coverage</h2>
          <p class="hint">
            {coverageWords(v.coverage)}
            {others && <> · {others}</>}
            {a.cluster_id !== null && (
              <>
                {' '}
                · <a href={`/c/${a.cluster_id}`}>See every angle</a>
              </>
            )}
          </p>
          <CardList cards={copies} now={v.now} label="More coverage of this story" />
        </section>
      )}
      <section>
        <h2>Related stories</h2>
        <CardList cards={v.related} now={v.now} label="Related stories" />
      </section>
      <section>
        <h2>Top stories right now</h2>
        <CardList cards={v.top} now={v.now} label="Top stories right now" />
      </section>
      <section>
        <h2>Our picks</h2>
        <CardList cards={v.picks} now={v.now} label="Our picks" />
      </section>
    </article>
  );
}
