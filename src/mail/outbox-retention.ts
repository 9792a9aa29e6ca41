// How long the mail outbox (outbox.ts) keeps what it is done with, and the clean-up job's delete.
import type { Kysely } from 'kysely';
import { purge, type PurgeOptions } from '../db/purge.ts';
import type { DB } from '../db/schema.ts';

/** How long a sent job is kept (its body is already gone), and a job given up (for the operator to look into). */
export const SENT_KEEP_MS = 7 * 86_400_000;
export const FAILED_KEEP_MS = 30 * 86_400_000;

/** Forgets jobs sent or given up long enough ago; for the clean-up job. Mail still waiting is never touched. */
export function deleteOldOutboxMail(db: Kysely<DB>, now: number, opts?: PurgeOptions): Promise<number> {
  return purge(
    db,
    'mail_outbox',
    ['id'],
    (eb) => eb.or([eb('sent_at', '<', now - SENT_KEEP_MS), eb('failed_at', '<', now - FAILED_KEEP_MS)]),
    opts,
  );
}
