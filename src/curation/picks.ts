// Editors' picks and good-news rulings: every change is one transaction that
// also writes a line to the editors' log (who, what, when) and to the audit log
// (members/audit.ts: also the role and the client address).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { recordAudit, type AuditActor } from '../members/audit.ts';

/** The editor: an account id, or the fuller actor the audit log records (role, client address). */
type By = number | AuditActor;
const AUDIT_ACTIONS: Record<string, string> = {
  pick: 'pick.add',
  'edit pick': 'pick.edit',
  'move pick up': 'pick.move',
  'move pick down': 'pick.move',
  unpick: 'pick.remove',
  'add to good news': 'good-news.add',
  'remove from good news': 'good-news.remove',
};

export class PickError extends Error {}

export interface PickRow {
  id: number;
  articleId: number;
  position: number;
  note: string | null;
  featured: boolean;
  expiresAt: number | null;
  createdBy: number | null;
  updatedAt: number;
}

async function log(
  trx: Kysely<DB>,
  by: By,
  action: string,
  articleId: number | null,
  detail: Record<string, unknown> | null,
  at: number,
): Promise<void> {
  const userId = typeof by === 'number' ? by : by.userId;
  await trx
    .insertInto('editor_log')
    .values({ user_id: userId, action, article_id: articleId, detail: detail ? JSON.stringify(detail) : null, at })
    .execute();
  const title = articleId
    ? ((await trx.selectFrom('articles').select('title').where('id', '=', articleId).executeTakeFirst())?.title ?? null)
    : null;
  const details = { ...(detail ?? {}), ...(action.startsWith('move') ? { direction: action.split(' ').at(-1) } : {}) };
  await recordAudit(
    trx,
    by,
    {
      action: AUDIT_ACTIONS[action] ?? action,
      target: articleId ? { kind: 'article', id: articleId, label: title } : null,
      details: Object.keys(details).length ? details : null,
    },
    at,
  );
}

/** Current picks in the editors' order: not removed, not expired. */
export async function currentPicks(db: Kysely<DB>, now: number): Promise<PickRow[]> {
  const rows = await db
    .selectFrom('picks')
    .selectAll()
    .where('removed_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    position: r.position,
    note: r.note,
    featured: r.featured === 1,
    expiresAt: r.expires_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  }));
}

const MAX_NOTE = 280;
function cleanNote(note: string | null | undefined): string | null {
  const n = (note ?? '').replace(/\s+/g, ' ').trim();
  if (n.length > MAX_NOTE) throw new PickError(`A note can be at most ${MAX_NOTE} characters.`);
  return n || null;
}

export async function addPick(
  db: Kysely<DB>,
  input: { articleId: number; note?: string | null; featured?: boolean; expiresAt?: number | null; by: By },
  now: number,
): Promise<number> {
  const note = cleanNote(input.note);
  if (input.expiresAt != null && input.expiresAt <= now) throw new PickError('The expiry must be in the future.');
  return db.transaction().execute(async (trx) => {
    const article = await trx
      .selectFrom('articles')
      .select(['id', 'status', 'title'])
      .where('id', '=', input.articleId)
      .executeTakeFirst();
    if (!article || article.status !== 'published') throw new PickError('No published article has that id.');
    const current = await currentPicks(trx, now);
    if (current.some((p) => p.articleId === input.articleId)) throw new PickError('That story is already picked.');
    const position = (current.at(-1)?.position ?? 0) + 1;
    const row = await trx
      .insertInto('picks')
      .values({
        article_id: input.articleId,
        position,
        note,
        featured: input.featured ? 1 : 0,
        expires_at: input.expiresAt ?? null,
        created_by: typeof input.by === 'number' ? input.by : input.by.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await log(
      trx,
      input.by,
      'pick',
      input.articleId,
      { title: article.title, note, featured: !!input.featured, expiresAt: input.expiresAt ?? null },
      now,
    );
    return row.id;
  });
}

async function pickById(trx: Kysely<DB>, id: number): Promise<NonNullable<Awaited<ReturnType<typeof findPick>>>> {
  const p = await findPick(trx, id);
  if (!p || p.removed_at !== null) throw new PickError('That pick no longer exists.');
  return p;
}
const findPick = (trx: Kysely<DB>, id: number) =>
  trx.selectFrom('picks').selectAll().where('id', '=', id).executeTakeFirst();

export async function updatePick(
  db: Kysely<DB>,
  id: number,
  changes: { note?: string | null; featured?: boolean; expiresAt?: number | null },
  by: By,
  now: number,
): Promise<void> {
  const note = changes.note === undefined ? undefined : cleanNote(changes.note);
  if (changes.expiresAt != null && changes.expiresAt <= now) throw new PickError('The expiry must be in the future.');
  await db.transaction().execute(async (trx) => {
    const p = await pickById(trx, id);
    const set = {
      ...(note !== undefined ? { note } : {}),
      ...(changes.featured !== undefined ? { featured: changes.featured ? 1 : 0 } : {}),
      ...(changes.expiresAt !== undefined ? { expires_at: changes.expiresAt } : {}),
      updated_at: now,
    };
    await trx.updateTable('picks').set(set).where('id', '=', id).execute();
    await log(
      trx,
      by,
      'edit pick',
      p.article_id,
      { note, featured: changes.featured, expiresAt: changes.expiresAt },
      now,
    );
  });
}

/** Moves a pick one place up or down among the current picks. */
export async function movePick(
  db: Kysely<DB>,
  id: number,
  direction: 'up' | 'down',
  by: By,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await pickById(trx, id);
    const current = await currentPicks(trx, now);
    const i = current.findIndex((c) => c.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= current.length) return;
    const order = [...current];
    [order[i], order[j]] = [order[j]!, order[i]!];
    for (const [k, c] of order.entries())
      if (c.position !== k + 1)
        await trx
          .updateTable('picks')
          .set({ position: k + 1 })
          .where('id', '=', c.id)
          .execute();
    await log(trx, by, `move pick ${direction}`, p.article_id, null, now);
  });
}

export async function removePick(db: Kysely<DB>, id: number, by: By, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await pickById(trx, id);
    await trx.updateTable('picks').set({ removed_at: now, updated_at: now }).where('id', '=', id).execute();
    await log(trx, by, 'unpick', p.article_id, null, now);
  });
}

/** An editor's ruling on whether a story is good news; it outlasts later re-analysis. */
export async function setGoodNews(
  db: Kysely<DB>,
  articleId: number,
  include: boolean,
  by: By,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const article = await trx.selectFrom('articles').select('id').where('id', '=', articleId).executeTakeFirst();
    if (!article) throw new PickError('No article has that id.');
    const userId = typeof by === 'number' ? by : by.userId;
    await trx
      .insertInto('good_news_overrides')
      .values({ article_id: articleId, include: include ? 1 : 0, user_id: userId, at: now })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ include: include ? 1 : 0, user_id: userId, at: now }))
      .execute();
    await trx
      .updateTable('articles')
      .set({ good_news: include ? 1 : 0 })
      .where('id', '=', articleId)
      .execute();
    await log(trx, by, include ? 'add to good news' : 'remove from good news', articleId, null, now);
  });
}

export interface LogLine {
  id: number;
  at: number;
  action: string;
  who: string | null;
  articleId: number | null;
  title: string | null;
  detail: string | null;
}

export async function editorLog(db: Kysely<DB>, limit = 50): Promise<LogLine[]> {
  const rows = await db
    .selectFrom('editor_log as l')
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .leftJoin('articles as a', 'a.id', 'l.article_id')
    .select(['l.id', 'l.at', 'l.action', 'l.article_id', 'l.detail', 'u.email', 'u.display_name', 'a.title'])
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    who: r.display_name ?? r.email ?? null,
    articleId: r.article_id,
    title: r.title ?? null,
    detail: r.detail,
  }));
}
