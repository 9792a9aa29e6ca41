// The audit log: one row for every change an admin or an editor makes (who,
// in what role, from which address, what, to what, with the details), written
// in the same transaction as the change. Read newest first by the admin
// console, filtered by actor or action.
import type { Migration } from './types.ts';

export const adminAudit: Migration = {
  id: 10,
  name: 'admin-audit',
  async up(db, { id }) {
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', id)
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('actor_label', 'text')
      .addColumn('actor_role', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text')
      .addColumn('target_id', 'text')
      .addColumn('target_label', 'text')
      .addColumn('details', 'text')
      .addColumn('client_ip', 'text')
      .execute();
    await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'id']).execute();
    await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'id']).execute();
  },
};
