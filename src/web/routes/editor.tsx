// The editors' console (/editor, role editor or admin): pick stories for "Our
// picks", order, annotate, feature and expire them, rule on good news, and
// read the log of every change. Plain forms, so it works without JavaScript;
// every post carries the CSRF token (http/session.ts) and ends in a redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { cardRowsByIds, goodNewsRows, toCards } from '../../catalog/article-pages.ts';
import {
  addPick,
  currentPicks,
  editorLog,
  movePick,
  PickError,
  removePick,
  setGoodNews,
  updatePick,
} from '../../curation/picks.ts';
import type { DB } from '../../db/schema.ts';
import { canSeeEditorConsole } from '../../members/policies.ts';
import type { ListCache } from '../../http/list-cache.ts';
import { localPath } from '../../http/local-path.ts';
import { auditActorOf } from '../../http/audit-actor.ts';
import { actorOf } from '../../http/session.ts';
import { EditorConsole } from '../views/editor-console.tsx';
import { page } from '../views/shell.tsx';

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

const text = (max: number) => z.string().max(max).optional();
/** Every field the console's forms send (each form uses some of them). */
const consoleForm = z.object({
  article: text(2000),
  note: text(280),
  expires: text(20),
  featured: text(10),
  direction: z.enum(['up', 'down']).optional(),
  include: z.enum(['0', '1']).optional(),
  back: text(2000),
});
type ConsoleForm = z.infer<typeof consoleForm>;
const pickParams = z.object({ id: z.coerce.number().int().positive() });

export function editorRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; now: () => number; lists: ListCache },
): void {
  const { db, now } = deps;
  const html = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);
  const pickId = (req: FastifyRequest) => {
    const p = pickParams.safeParse(req.params);
    if (!p.success) throw new PickError('No such pick.');
    return p.data.id;
  };
  const articleOf = (b: ConsoleForm) => {
    const id = articleRef(b.article);
    if (id === null) throw new PickError('Paste an article link from this site, or its number.');
    return id;
  };
  const expiryOf = (b: ConsoleForm) => {
    const at = expiryDate(b.expires);
    if (at === undefined) throw new PickError('The expiry date must look like 2026-12-31.');
    return at;
  };

  /** Signed-out editors are sent to sign in; other accounts are refused. */
  function guard(req: FastifyRequest, reply: FastifyReply): boolean {
    if (!req.account) void reply.redirect(`/signin?next=${encodeURIComponent('/editor')}`, 303);
    else if (!canSeeEditorConsole(actorOf(req)))
      void html(
        reply,
        403,
        page({
          title: 'Editors only',
          signedIn: true,
          children: (
            <>
              <h1>Editors only</h1>
              <p>This console is for Masthead's editors. Ask an administrator for the editor role.</p>
            </>
          ),
        }),
      );
    else return true;
    return false;
  }

  async function consolePage(req: FastifyRequest, error: string | null): Promise<string> {
    const t = now();
    const picks = await currentPicks(db, t);
    const cards = new Map(
      (
        await toCards(
          db,
          await cardRowsByIds(
            db,
            picks.map((p) => p.articleId),
          ),
        )
      ).map((c) => [c.id, c]),
    );
    const view = {
      picks,
      cards,
      good: await toCards(db, await goodNewsRows(db, 8)),
      log: await editorLog(db, 40),
      now: t,
      csrfToken: req.csrfToken,
    };
    const notice = NOTICES[String((req.query as { notice?: string }).notice ?? '')];
    return page({
      title: 'Editors’ console',
      signedIn: true,
      wide: true,
      notice: error ? { kind: 'error', text: error } : notice ? { kind: 'ok', text: notice } : null,
      children: <EditorConsole {...view} />,
    });
  }

  /** Runs a change, then back to the console (or the article page the form came from) with a notice, or the error. */
  const act = (change: (req: FastifyRequest, b: ConsoleForm) => Promise<string>) =>
    async function editorChange(req: FastifyRequest, reply: FastifyReply) {
      if (!guard(req, reply)) return reply;
      try {
        const b = consoleForm.safeParse(req.body);
        if (!b.success)
          throw new PickError(
            `The form is not valid: ${b.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
          );
        const notice = await change(req, b.data);
        deps.lists.clear();
        const back = localPath(b.data.back);
        return reply.redirect(`${back && /^\/a\/\d+/.test(back) ? back : '/editor'}?notice=${notice}`, 303);
      } catch (err) {
        if (!(err instanceof PickError)) throw err;
        return html(reply, 400, await consolePage(req, err.message));
      }
    };

  async function showConsole(req: FastifyRequest, reply: FastifyReply) {
    if (!guard(req, reply)) return reply;
    return reply
      .header('cache-control', 'private, no-store')
      .type('text/html; charset=utf-8')
      .send(await consolePage(req, null));
  }

  const pick = act(
    async (req, b) => (
      await addPick(
        db,
        {
          articleId: articleOf(b),
          note: b.note,
          featured: b.featured === 'on',
          expiresAt: expiryOf(b),
          by: auditActorOf(req),
        },
        now(),
      ),
      'picked'
    ),
  );
  const edit = act(
    async (req, b) => (
      await updatePick(
        db,
        pickId(req),
        { note: b.note ?? null, featured: b.featured === 'on', expiresAt: expiryOf(b) },
        auditActorOf(req),
        now(),
      ),
      'saved'
    ),
  );
  const move = act(
    async (req, b) => (
      await movePick(db, pickId(req), b.direction === 'up' ? 'up' : 'down', auditActorOf(req), now()),
      'moved'
    ),
  );
  const remove = act(async (req) => (await removePick(db, pickId(req), auditActorOf(req), now()), 'removed'));
  const goodNews = act(async (req, b) => {
    const include = b.include !== '0';
    await setGoodNews(db, articleOf(b), include, auditActorOf(req), now());
    return include ? 'good' : 'notgood';
  });

  app.get('/editor', showConsole);
  app.post('/editor/picks', pick);
  app.post('/editor/picks/:id', edit);
  app.post('/editor/picks/:id/move', move);
  app.post('/editor/picks/:id/remove', remove);
  app.post('/editor/good-news', goodNews);
}
