// Names across articles: each entity keeps the last word of its name (its
// "tail": a surname, a model number), indexed with its kind, so a bare
// surname or another form of a product's name can find the one entity it
// stands for (curation/entity-store.ts) without scanning every entity.
import { sql } from 'kysely';
import type { Migration } from './types.ts';

// A frozen copy of curation/name-rules.ts entityTail, as this migration ran.
const tailOf = (key: string): string => key.slice(key.lastIndexOf(key.includes('-') ? '-' : ':') + 1);

export const entityTails: Migration = {
  id: 6,
  name: 'entity-tails',
  async up(db, { dialect }) {
    await db.schema.alterTable('entities').addColumn('tail', 'text').execute();
    if (dialect === 'postgres') {
      // One statement: the text after the last '-' or ':'.
      await sql`update entities set tail = substring(key from '[^:-]*$')`.execute(db);
    } else {
      // SQLite has no such function: a thousand rows to a statement.
      for (let after = 0; ;) {
        const rows: { id: number; key: string }[] = await db
          .selectFrom('entities')
          .select(['id', 'key'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(1000)
          .execute();
        if (rows.length === 0) break;
        const cases = sql.join(
          rows.map((r) => sql`when ${r.id} then ${tailOf(r.key)}`),
          sql` `,
        );
        await sql`update entities set tail = case id ${cases} end where id in (${sql.join(rows.map((r) => r.id))})`.execute(
          db,
        );
        after = rows[rows.length - 1]!.id;
      }
    }
    await db.schema.createIndex('entities_tail').on('entities').columns(['kind', 'tail']).execute();
  },
};
