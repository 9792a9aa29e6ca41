// A named lease in the database: one holder at a time across processes and
// machines, taken over when its holder stops renewing it.
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Takes or renews the lease; false when someone else holds it and it has not expired. */
export async function acquireLease(
  db: Kysely<DB>,
  name: string,
  owner: string,
  now: number,
  ttlMs: number,
): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ name, owner, until: now + ttlMs })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ owner, until: now + ttlMs })
        .where((eb) => eb.or([eb('job_leases.until', '<', now), eb('job_leases.owner', '=', owner)])),
    )
    .execute();
  const row = await db.selectFrom('job_leases').select('owner').where('name', '=', name).executeTakeFirst();
  return row?.owner === owner;
}

export async function releaseLease(db: Kysely<DB>, name: string, owner: string): Promise<void> {
  await db.deleteFrom('job_leases').where('name', '=', name).where('owner', '=', owner).execute();
}

/**
 * Keeps a lease this process holds alive while its work goes on: renewed every `everyMs`, so the lease
 * itself can be short and a process that dies (kill -9) hands it over within `ttlMs`. Calls onLost when a
 * renewal finds another holder (this process stalled past the lease); a failed renewal is tried again.
 */
export function keepLease(
  db: Kysely<DB>,
  name: string,
  owner: string,
  opts: { ttlMs: number; everyMs?: number; now?: () => number; onLost?: () => void },
): { stop(): void } {
  const now = opts.now ?? Date.now;
  let busy = false;
  const timer = setInterval(
    () => {
      if (busy) return;
      busy = true;
      acquireLease(db, name, owner, now(), opts.ttlMs)
        .then((held) => {
          if (!held) opts.onLost?.();
        })
        .catch(() => undefined)
        .finally(() => (busy = false));
    },
    opts.everyMs ?? Math.max(100, Math.floor(opts.ttlMs / 3)),
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
