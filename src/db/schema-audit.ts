// The audit log's table (migration 0010): every admin and editor change.
import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  /** the account that acted; null for the operator's command line or an account since deleted */
  actor_id: number | null;
  /** its email at the time, so the line still reads after the account is gone */
  actor_label: string | null;
  actor_role: string | null;
  /** e.g. "feed.pause", "user.role", "pick.add" */
  action: string;
  target_kind: string | null;
  target_id: string | null;
  target_label: string | null;
  /** JSON object, or null */
  details: string | null;
  client_ip: string | null;
}
