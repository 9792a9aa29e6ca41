// Deleting what has expired, a bounded batch at a time: each batch is one short
// statement (its own transaction), with a turn of the event loop between, so a
// large backlog never holds SQLite's single write lock for long and pages keep
// being answered. Domain modules describe what has expired in their own tables;
// this only does the deleting (or, for a dry run, the counting).
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from './schema.ts';

export interface PurgeOptions {
  /** Rows per statement (default 1000). */
  batchSize?: number;
  /** Count what would go instead of deleting it. */
  dryRun?: boolean;
  /** Stop between batches once aborted (what is left goes next time). */
  signal?: AbortSignal;
}

const DEFAULT_BATCH = 1000;

type AnyTables = Record<string, Record<string, unknown>>;

/**
 * Deletes the rows of `table` matching `where`, by primary key (`key`, one column or several), in
 * batches; returns how many went (or, on a dry run, how many would).
 */
export async function purge<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  key: readonly (keyof DB[T] & string)[],
  where: (eb: ExpressionBuilder<DB, T>) => Expression<SqlBool>,
  opts: PurgeOptions = {},
): Promise<number> {
  // Kysely cannot type a table chosen by a parameter; the names come from the callers' literals.
  const anyDb = db as unknown as Kysely<AnyTables>;
  const name: string = table;
  const cond = where as unknown as (eb: ExpressionBuilder<AnyTables, string>) => Expression<SqlBool>;
  if (opts.dryRun) {
    const row = await anyDb
      .selectFrom(name)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(cond)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
  const limit = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  const columns = sql.join(key.map((k) => sql.ref(k)));
  const lhs = key.length === 1 ? sql.ref(key[0]!) : sql`(${columns})`;
  let total = 0;
  for (;;) {
    const batch = anyDb
      .selectFrom(name)
      .select(key.map((k) => sql.ref(k).as(k)))
      .where(cond)
      .limit(limit);
    const res = await anyDb
      .deleteFrom(name)
      .where(sql<SqlBool>`${lhs} in (${batch})`)
      .executeTakeFirst();
    const n = Number(res.numDeletedRows);
    total += n;
    if (n < limit || opts.signal?.aborted) return total;
    await new Promise((r) => setImmediate(r));
  }
}
