// The editors' console: pick a story, the picks in order (move, annotate,
// feature, expire, remove), good news, and the log of every change.
import { articlePath, type Card } from '../../catalog/article-pages.ts';
import type { LogLine, PickRow } from '../../curation/picks.ts';
import { brandStyle } from './colour.ts';
import { Csrf } from './shell.tsx';

export interface EditorConsoleView {
  picks: PickRow[];
  cards: Map<number, Card>;
  good: Card[];
  log: LogLine[];
  now: number;
  csrfToken: string;
}

export const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export function EditorConsole(v: EditorConsoleView) {
  return (
    <div class="editor">
      <h1>Editors’ console</h1>
      <section aria-labelledby="add-h">
        <h2 id="add-h">Pick a story</h2>
        <form method="post" action="/editor/picks" class="stack">
          <Csrf token={v.csrfToken} />
          <label>
            Article link or number <input type="text" name="article" required placeholder="https://…/a/123/…" />
          </label>
          <label>
            Note for readers (optional) <input type="text" name="note" maxLength={280} />
          </label>
          <label>
            Show until (optional) <input type="date" name="expires" min={day(v.now + 86_400_000)} />
          </label>
          <label class="check">
            <input type="checkbox" name="featured" /> Feature it at the top of the front page
          </label>
          <button>Pick</button>
        </form>
      </section>
      <section aria-labelledby="picks-h">
        <h2 id="picks-h">Our picks, in order</h2>
        {v.picks.length === 0 ? (
          <p class="hint">No picks yet: until there are, "Our picks" shows recent long reads.</p>
        ) : (
          <ol class="picks">
            {v.picks.map((p, i) => {
              const c = v.cards.get(p.articleId);
              return (
                <li>
                  <div class="masthead" style={brandStyle(c?.publisher.color ?? null)}>
                    {c?.publisher.name}
                  </div>
                  <a href={c?.url ?? articlePath({ id: p.articleId, title: '' })}>
                    {c?.title ?? `Article ${p.articleId}`}
                  </a>
                  {p.featured && <strong class="badge"> Featured</strong>}
                  {p.expiresAt && <span class="hint"> · until {day(p.expiresAt)}</span>}
                  <div class="row">
                    <form method="post" action={`/editor/picks/${p.id}/move`}>
                      <Csrf token={v.csrfToken} />
                      <input type="hidden" name="direction" value="up" />
                      <button disabled={i === 0} aria-label={`Move “${c?.title ?? p.articleId}” up`}>
                        ↑
                      </button>
                    </form>
                    <form method="post" action={`/editor/picks/${p.id}/move`}>
                      <Csrf token={v.csrfToken} />
                      <input type="hidden" name="direction" value="down" />
                      <button disabled={i === v.picks.length - 1} aria-label={`Move “${c?.title ?? p.articleId}” down`}>
                        ↓
                      </button>
                    </form>
                    <form method="post" action={`/editor/picks/${p.id}/remove`}>
                      <Csrf token={v.csrfToken} />
                      <button class="secondary">Remove</button>
                    </form>
                  </div>
                  <form method="post" action={`/editor/picks/${p.id}`} class="row">
                    <Csrf token={v.csrfToken} />
                    <label>
                      Note <input type="text" name="note" value={p.note ?? ''} maxLength={280} />
                    </label>
                    <label>
                      Until <input type="date" name="expires" value={p.expiresAt ? day(p.expiresAt) : ''} />
                    </label>
                    <label class="check">
                      <input type="checkbox" name="featured" checked={p.featured} /> Featured
                    </label>
                    <button class="secondary">Save</button>
                  </form>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section aria-labelledby="good-h">
        <h2 id="good-h">Good news</h2>
        <p class="hint">
          Stories that read positive and are not about crime, war or disaster join by themselves. Add or remove one
          here; your say outlasts the machine's.
        </p>
        <form method="post" action="/editor/good-news" class="row">
          <Csrf token={v.csrfToken} />
          <label>
            Article link or number <input type="text" name="article" required />
          </label>
          <button name="include" value="1">
            Add
          </button>
          <button name="include" value="0" class="secondary">
            Remove
          </button>
        </form>
        <ul class="plain">
          {v.good.map((c) => (
            <li>
              <a href={c.url}>{c.title}</a> <span class="hint">· {c.publisher.name}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="log-h">
        <h2 id="log-h">Log</h2>
        {v.log.length === 0 ? (
          <p class="hint">No changes yet.</p>
        ) : (
          <table class="log">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Story</th>
              </tr>
            </thead>
            <tbody>
              {v.log.map((l) => (
                <tr>
                  <td>
                    <time dateTime={new Date(l.at).toISOString()}>
                      {new Date(l.at).toISOString().slice(0, 16).replace('T', ' ')}
                    </time>
                  </td>
                  <td>{l.who ?? 'someone since deleted'}</td>
                  <td>{l.action}</td>
                  <td>
                    {l.articleId ? (
                      <a href={articlePath({ id: l.articleId, title: l.title ?? '' })}>
                        {l.title ?? `Article ${l.articleId}`}
                      </a>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
