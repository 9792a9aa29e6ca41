// People, organisations, places and things as stored entities: each name of
// an article gets the entity it stands for, found by its key or, across
// articles, by the rules of name-rules.ts (a bare surname for the one known
// full name ending in it), else created. Each entity has one page (/e/slug).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { entitySlug, type Entity } from '../analysis/entities.ts';
import { aliasTarget, canStandForLonger, entityTail, shorterForms } from './name-rules.ts';
import type { RunCache } from './run-cache.ts';

/** "paris", else "paris-place", else "paris-place-2", … */
async function freeSlug(db: Kysely<DB>, base: string, kind: string): Promise<string> {
  const options = [base, `${base}-${kind}`];
  for (let n = 2; ; n++) {
    const slug = options.shift() ?? `${base}-${kind}-${n}`;
    if (!(await db.selectFrom('entities').select('id').where('slug', '=', slug).executeTakeFirst())) return slug;
  }
}

/** The one known entity a new name stands for, if any: a few indexed lookups, none for names that cannot stand for another. */
async function knownFormOf(db: Kysely<DB>, key: string): Promise<{ id: number; key: string } | null> {
  const kind = key.slice(0, key.indexOf(':'));
  const shorter = shorterForms(key);
  const longer = canStandForLonger(key);
  if (!longer && shorter.length === 0) return null;
  const candidates: { id: number; key: string }[] = [];
  // Longer forms: the same kind and last word, ending in this name; three are enough to tell one from many.
  if (longer)
    candidates.push(
      ...(await db
        .selectFrom('entities')
        .select(['id', 'key'])
        .where('kind', '=', kind)
        .where('tail', '=', entityTail(key))
        .where('key', 'like', `${kind}:%-${key.slice(kind.length + 1)}`)
        .limit(3)
        .execute()),
    );
  if (shorter.length)
    candidates.push(...(await db.selectFrom('entities').select(['id', 'key']).where('key', 'in', shorter).execute()));
  const target = aliasTarget(
    key,
    candidates.map((c) => c.key),
  );
  return target ? candidates.find((c) => c.key === target)! : null;
}

/**
 * For each name, the entity it stands for (its id, and its key: the name's
 * own, or the known one it stands for), creating the missing ones. Only an
 * entity's own key is cached: whom a name stands for can change within a run
 * (a second known Lindqvist makes a bare "Lindqvist" nobody's guess).
 */
async function resolveEntities(
  db: Kysely<DB>,
  entities: readonly Entity[],
  cache: RunCache,
): Promise<Map<string, { id: number; key: string }>> {
  const known = cache.entityIds;
  if (known.size > 200_000) known.clear();
  const out = new Map<string, { id: number; key: string }>();
  for (const e of entities) {
    const id = known.get(e.key);
    if (id !== undefined) out.set(e.key, { id, key: e.key });
  }
  const keys = entities.map((e) => e.key).filter((k) => !out.has(k));
  if (keys.length)
    for (const r of await db.selectFrom('entities').select(['id', 'key']).where('key', 'in', keys).execute())
      out.set(r.key, { id: r.id, key: r.key });
  for (const e of entities) {
    if (out.has(e.key)) continue;
    const form = await knownFormOf(db, e.key);
    if (form) {
      out.set(e.key, form);
      continue;
    }
    const slug = await freeSlug(db, entitySlug(e.name) || 'entity', e.kind);
    const row = await db
      .insertInto('entities')
      .values({ key: e.key, kind: e.kind, name: e.name, slug, tail: entityTail(e.key) })
      .returning('id')
      .executeTakeFirstOrThrow();
    out.set(e.key, { id: row.id, key: e.key });
  }
  for (const [k, v] of out) if (k === v.key) known.set(k, v.id);
  return out;
}

/** Entity ids for these names (slugs unique across kinds). */
export async function entityIds(
  db: Kysely<DB>,
  entities: readonly Entity[],
  cache: RunCache,
): Promise<Map<string, number>> {
  if (entities.length === 0) return new Map();
  return new Map([...(await resolveEntities(db, entities, cache))].map(([k, v]) => [k, v.id]));
}

/**
 * An article's leading `keep` names as the entities they stand for across
 * articles ('Biden' as the known 'Joe Biden'): keys rewritten, names that
 * become one merged (the next names move up and are resolved in turn), and
 * their "@name" terms in `counts` renamed to match, so related stories,
 * stories and threads compare names, not spellings. Mutates `a`.
 */
export async function canonicalNames(
  db: Kysely<DB>,
  a: { entities: Entity[]; counts: Map<string, number> },
  keep: number,
  cache: RunCache,
): Promise<void> {
  const merged = new Map<string, Entity>();
  let next = 0;
  while (merged.size < keep && next < a.entities.length) {
    const batch = a.entities.slice(next, next + keep - merged.size);
    next += batch.length;
    const resolved = await resolveEntities(db, batch, cache);
    for (const e of batch) {
      const key = resolved.get(e.key)!.key;
      if (key !== e.key) {
        const term = a.counts.get(`@${e.key}`);
        if (term !== undefined) {
          a.counts.delete(`@${e.key}`);
          a.counts.set(`@${key}`, Math.max(term, a.counts.get(`@${key}`) ?? 0));
        }
      }
      const seen = merged.get(key);
      if (seen) seen.mentions += e.mentions;
      else merged.set(key, { ...e, key });
    }
  }
  a.entities = [...merged.values(), ...a.entities.slice(next)];
}

/** A person, organisation, place or thing by the slug of its page. */
export function entityBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('entities').selectAll().where('slug', '=', slug).executeTakeFirst();
}
