import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';

export interface MigrationHelpers {
  dialect: Dialect;
  /** An integer primary key the database assigns, in each dialect's own way. */
  id: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

export interface Migration {
  /** Sequential, never reused; a migration is never edited once released. */
  id: number;
  name: string;

  up(db: Kysely<any>, helpers: MigrationHelpers): Promise<void>;
}
