import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaState, assertSchemaCurrent, SchemaError } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';

describe.each(testDialects)('migrations on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('brings an empty database to the latest schema, once', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await expect(assertSchemaCurrent(database)).rejects.toThrow(/Run `masthead migrate`/);
    const applied = await migrate(database);
    expect(applied.map((m) => m.id)).toEqual(migrations.map((m) => m.id));
    expect(await migrate(database)).toEqual([]);
    const state = await schemaState(database);
    expect(state.current).toBe(migrations.at(-1)!.id);
    await expect(assertSchemaCurrent(database)).resolves.toBeUndefined();
  });

  it('refuses a schema newer than this build knows', async () => {
    database = await createTestDatabase(dialect);
    await database.db
      .insertInto('schema_migrations')
      .values({ id: 9999, name: 'from-the-future', applied_at: Date.now() })
      .execute();
    await expect(schemaState(database)).rejects.toThrow(SchemaError);
    await expect(assertSchemaCurrent(database)).rejects.toThrow(/9999.*does not know/);
  });

  it('rolls back a failing migration as a whole', async () => {
    database = await createTestDatabase(dialect);
    const broken = {
      id: 10_000,
      name: 'broken',
      async up(db: any) {
        await db.schema.createTable('half_done').addColumn('x', 'integer').execute();
        throw new Error('boom');
      },
    };
    await expect(migrate(database, [...migrations, broken])).rejects.toThrow('boom');
    const state = await schemaState(database);
    expect(state.current).toBe(migrations.at(-1)!.id);
    // DDL is transactional on both dialects, so the half-made table is gone too.
    await expect(
      database.db
        .selectFrom('half_done' as any)
        .selectAll()
        .execute(),
    ).rejects.toThrow();
  });
});
