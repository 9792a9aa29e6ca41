// The editors' console (/editor, role editor or admin): pick stories for "Our
// picks", order, annotate, feature and expire them, rule on good news, and
// read the log of every change. Plain forms, so it works without JavaScript;
// every post carries the CSRF token (session.ts) and ends in a redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { articlePath, cardRowsByIds, goodNewsRows, toCards } from '../../catalog/article-pages.ts';
import type { DB } from '../../db/schema.ts';
import { addPick, currentPicks, editorLog, movePick, PickError, removePick, setGoodNews, updatePick } from '../../curation/picks.ts';
import type { ListCache } from '../list-cache.ts';
import { brandStyle } from '../views/colour.ts';
import { Csrf, page } from '../views/shell.tsx';

const NOTICES: Record<string, string> = {
  picked: 'Picked. It shows in "Our picks" now.',
  saved: 'Saved.',
  moved: 'Moved.',
  removed: 'Removed from our picks.',
  good: 'Added to good news.',
  notgood: 'Removed from good news.',
};

/** An article from what an editor pastes: its id, its path on this site, or a full link to it. */
export function articleRef(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  const m = /^(\d{1,12})$/.exec(v) ?? /\/a\/(\d{1,12})(?:[/?#]|$)/.exec(v);
  return m ? Number(m[1]) : null;
}

/** "2026-12-31" (end of that day, UTC) → epoch ms; empty → null; anything else → undefined. */
export function expiryDate(value: unknown): number | null | undefined {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const t = Date.parse(`${value}T23:59:59Z`);
  return Number.isNaN(t) ? undefined : t;
}

const isEditor = (req: FastifyRequest) => req.account?.user.role === 'editor' || req.account?.user.role === 'admin';
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export function editorRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; now: () => number; lists: ListCache }): void {
  const { db, now } = deps;

  /** Signed-out editors are sent to sign in; other accounts are refused. */
  const guard = (req: FastifyRequest, reply: FastifyReply): boolean => {
    if (!req.account) {
      void reply.redirect(`/signin?next=${encodeURIComponent('/editor')}`, 303);
      return false;
    }
    if (!isEditor(req)) {
      void reply.code(403).type('text/html; charset=utf-8').send(page({ title: 'Editors only', signedIn: true, children: <><h1>Editors only</h1><p>This console is for Masthead's editors. Ask an administrator for the editor role.</p></> }));
      return false;
    }
    return true;
  };

  /** Runs a change, then back to the console (or where the form asked) with a notice, or the error. */
  const act = (fn: (req: FastifyRequest, body: Record<string, string>) => Promise<string>) => async (req: FastifyRequest, reply: FastifyReply) => {
    if (!guard(req, reply)) return reply;
    const body = (req.body ?? {}) as Record<string, string>;
    try {
      const notice = await fn(req, body);
      deps.lists.clear();
      const back = typeof body.back === 'string' && /^\/a\/\d+/.test(body.back) ? body.back : '/editor';
      return reply.redirect(`${back}?notice=${notice}`, 303);
    } catch (err) {
      if (!(err instanceof PickError)) throw err;
      return reply.code(400).type('text/html; charset=utf-8').send(await consolePage(req, err.message));
    }
  };

  app.get('/editor', async (req, reply) => {
    if (!guard(req, reply)) return reply;
    return reply.header('cache-control', 'private, no-store').type('text/html; charset=utf-8').send(await consolePage(req, null));
  });

  app.post(
    '/editor/picks',
    act(async (req, b) => {
      const id = articleRef(b.article);
      if (id === null) throw new PickError('Paste an article link from this site, or its number.');
      const expiresAt = expiryDate(b.expires);
      if (expiresAt === undefined) throw new PickError('The expiry date must look like 2026-12-31.');
      await addPick(db, { articleId: id, note: b.note, featured: b.featured === 'on', expiresAt, by: req.account!.user.id }, now());
      return 'picked';
    }),
  );
  app.post<{ Params: { id: string } }>(
    '/editor/picks/:id',
    act(async (req, b) => {
      const expiresAt = expiryDate(b.expires);
      if (expiresAt === undefined) throw new PickError('The expiry date must look like 2026-12-31.');
      await updatePick(db, Number((req.params as { id: string }).id), { note: b.note ?? null, featured: b.featured === 'on', expiresAt }, req.account!.user.id, now());
      return 'saved';
    }),
  );
  app.post<{ Params: { id: string } }>(
    '/editor/picks/:id/move',
    act(async (req, b) => {
      await movePick(db, Number((req.params as { id: string }).id), b.direction === 'up' ? 'up' : 'down', req.account!.user.id, now());
      return 'moved';
    }),
  );
  app.post<{ Params: { id: string } }>(
    '/editor/picks/:id/remove',
    act(async (req) => {
      await removePick(db, Number((req.params as { id: string }).id), req.account!.user.id, now());
      return 'removed';
    }),
  );
  app.post(
    '/editor/good-news',
    act(async (req, b) => {
      const id = articleRef(b.article);
      if (id === null) throw new PickError('Paste an article link from this site, or its number.');
      const include = b.include !== '0';
      await setGoodNews(db, id, include, req.account!.user.id, now());
      return include ? 'good' : 'notgood';
    }),
  );

  async function consolePage(req: FastifyRequest, error: string | null): Promise<string> {
    const t = now();
    const picks = await currentPicks(db, t);
    const cards = new Map((await toCards(db, await cardRowsByIds(db, picks.map((p) => p.articleId)))).map((c) => [c.id, c]));
    const good = await toCards(db, await goodNewsRows(db, 8));
    const log = await editorLog(db, 40);
    const notice = NOTICES[String((req.query as { notice?: string }).notice ?? '')];
    return page({
      title: 'Editors’ console',
      signedIn: true,
      wide: true,
      notice: error ? { kind: 'error', text: error } : notice ? { kind: 'ok', text: notice } : null,
      children: (
        <div class="editor">
          <h1>Editors’ console</h1>
          <section aria-labelledby="add-h">
            <h2 id="add-h">Pick a story</h2>
            <form method="post" action="/editor/picks" class="stack">
              <Csrf token={req.csrfToken} />
              <label>Article link or number <input type="text" name="article" required placeholder="https://…/a/123/…" /></label>
              <label>Note for readers (optional) <input type="text" name="note" maxLength={280} /></label>
              <label>Show until (optional) <input type="date" name="expires" min={day(t + 86_400_000)} /></label>
              <label class="check"><input type="checkbox" name="featured" /> Feature it at the top of the front page</label>
              <button>Pick</button>
            </form>
          </section>
          <section aria-labelledby="picks-h">
            <h2 id="picks-h">Our picks, in order</h2>
            {picks.length === 0 ? (
              <p class="hint">No picks yet: until there are, "Our picks" shows recent long reads.</p>
            ) : (
              <ol class="picks">
                {picks.map((p, i) => {
                  const c = cards.get(p.articleId);
                  return (
                    <li>
                      <div class="masthead" style={brandStyle(c?.publisher.color ?? null)}>{c?.publisher.name}</div>
                      <a href={c?.url ?? articlePath({ id: p.articleId, title: '' })}>{c?.title ?? `Article ${p.articleId}`}</a>
                      {p.featured && <strong class="badge"> Featured</strong>}
                      {p.expiresAt && <span class="hint"> · until {day(p.expiresAt)}</span>}
                      <div class="row">
                        <form method="post" action={`/editor/picks/${p.id}/move`}>
                          <Csrf token={req.csrfToken} />
                          <input type="hidden" name="direction" value="up" />
                          <button disabled={i === 0} aria-label={`Move “${c?.title ?? p.articleId}” up`}>↑</button>
                        </form>
                        <form method="post" action={`/editor/picks/${p.id}/move`}>
                          <Csrf token={req.csrfToken} />
                          <input type="hidden" name="direction" value="down" />
                          <button disabled={i === picks.length - 1} aria-label={`Move “${c?.title ?? p.articleId}” down`}>↓</button>
                        </form>
                        <form method="post" action={`/editor/picks/${p.id}/remove`}>
                          <Csrf token={req.csrfToken} />
                          <button class="secondary">Remove</button>
                        </form>
                      </div>
                      <form method="post" action={`/editor/picks/${p.id}`} class="row">
                        <Csrf token={req.csrfToken} />
                        <label>Note <input type="text" name="note" value={p.note ?? ''} maxLength={280} /></label>
                        <label>Until <input type="date" name="expires" value={p.expiresAt ? day(p.expiresAt) : ''} /></label>
                        <label class="check"><input type="checkbox" name="featured" checked={p.featured} /> Featured</label>
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
            <p class="hint">Stories that read positive and are not about crime, war or disaster join by themselves. Add or remove one here; your say outlasts the machine's.</p>
            <form method="post" action="/editor/good-news" class="row">
              <Csrf token={req.csrfToken} />
              <label>Article link or number <input type="text" name="article" required /></label>
              <button name="include" value="1">Add</button>
              <button name="include" value="0" class="secondary">Remove</button>
            </form>
            <ul class="plain">
              {good.map((c) => (
                <li>
                  <a href={c.url}>{c.title}</a> <span class="hint">· {c.publisher.name}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="log-h">
            <h2 id="log-h">Log</h2>
            {log.length === 0 ? (
              <p class="hint">No changes yet.</p>
            ) : (
              <table class="log">
                <thead>
                  <tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Story</th></tr>
                </thead>
                <tbody>
                  {log.map((l) => (
                    <tr>
                      <td><time dateTime={new Date(l.at).toISOString()}>{new Date(l.at).toISOString().slice(0, 16).replace('T', ' ')}</time></td>
                      <td>{l.who ?? 'someone since deleted'}</td>
                      <td>{l.action}</td>
                      <td>{l.articleId ? <a href={articlePath({ id: l.articleId, title: l.title ?? '' })}>{l.title ?? `Article ${l.articleId}`}</a> : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      ),
    });
  }
}
