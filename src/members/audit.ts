// The audit log: every change an admin or an editor makes, written in the same
// transaction as the change (who, in what role, from which address, what, to
// what, with details), and read back newest first with filters and paging.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Who acted. A bare id (older callers, tests) is completed from the users table. */
export interface AuditActor {
  userId: number | null;
  /** email at the time; looked up when absent */
  label?: string | null;
  role?: string | null;
  ip?: string | null;
}

/** The operator at the command line (masthead feeds add, publishers key…): no account, no address. */
export const OPERATOR: AuditActor = { userId: null, label: null, role: 'operator', ip: null };

export interface AuditEntry {
  action: string;
  target?: { kind: string; id: string | number; label?: string | null } | null;
  details?: Record<string, unknown> | null;
}

/** Writes one line; call it with the transaction that makes the change. */
export async function recordAudit(
  db: Kysely<DB>,
  actor: AuditActor | number,
  entry: AuditEntry,
  at: number,
): Promise<void> {
  const a: AuditActor = typeof actor === 'number' ? { userId: actor } : actor;
  let { label = null, role = null } = a;
  if (a.userId !== null && (label === null || role === null)) {
    const u = await db.selectFrom('users').select(['email', 'role']).where('id', '=', a.userId).executeTakeFirst();
    label ??= u?.email ?? null;
    role ??= u?.role ?? null;
  }
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor_id: a.userId,
      actor_label: label,
      actor_role: role,
      action: entry.action,
      target_kind: entry.target?.kind ?? null,
      target_id: entry.target ? String(entry.target.id) : null,
      target_label: entry.target?.label ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      client_ip: a.ip ?? null,
    })
    .execute();
}

/**
 * Runs a change and its audit line in one transaction: the change returns its
 * value and the entry that describes it (the entry may name what the change
 * created). Nothing is written when the change throws.
 */
export function audited<T>(
  db: Kysely<DB>,
  actor: AuditActor,
  at: number,
  change: (trx: Kysely<DB>) => Promise<{ value: T; entry: AuditEntry }>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const { value, entry } = await change(trx);
    await recordAudit(trx, actor, entry, at);
    return value;
  });
}

export interface AuditLine {
  id: number;
  at: number;
  actorId: number | null;
  actor: string | null;
  role: string | null;
  action: string;
  target: { kind: string; id: string; label: string | null } | null;
  details: Record<string, unknown> | null;
  ip: string | null;
}

export interface AuditQuery {
  actorId?: number;
  action?: string;
  /** keyset paging: lines older than this id */
  before?: number;
  limit: number;
}

/** Newest first; `next` is the id to pass as `before` for the following page, or null on the last. */
export async function auditLog(db: Kysely<DB>, q: AuditQuery): Promise<{ lines: AuditLine[]; next: number | null }> {
  let sel = db.selectFrom('audit_log').selectAll();
  if (q.actorId !== undefined) sel = sel.where('actor_id', '=', q.actorId);
  if (q.action) sel = sel.where('action', '=', q.action);
  if (q.before !== undefined) sel = sel.where('id', '<', q.before);
  const rows = await sel
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const lines = rows.slice(0, q.limit).map((r) => ({
    id: r.id,
    at: Number(r.at),
    actorId: r.actor_id,
    actor: r.actor_label,
    role: r.actor_role,
    action: r.action,
    target: r.target_kind ? { kind: r.target_kind, id: r.target_id ?? '', label: r.target_label } : null,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    ip: r.client_ip,
  }));
  return { lines, next: rows.length > q.limit ? lines.at(-1)!.id : null };
}

/** What the filters offer: every action and every actor that appears in the log. */
export async function auditFacets(
  db: Kysely<DB>,
): Promise<{ actions: string[]; actors: { id: number; label: string }[] }> {
  const actions = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  const actors = await db
    .selectFrom('audit_log')
    .select(['actor_id', 'actor_label'])
    .where('actor_id', 'is not', null)
    .distinct()
    .orderBy('actor_label')
    .execute();
  const seen = new Map<number, string>();
  for (const a of actors) if (!seen.has(a.actor_id!)) seen.set(a.actor_id!, a.actor_label ?? `#${a.actor_id}`);
  return { actions: actions.map((a) => a.action), actors: [...seen].map(([id, label]) => ({ id, label })) };
}
