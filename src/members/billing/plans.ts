// Membership plans: what the plans page offers and the operator sets.
import type { Kysely } from 'kysely';
import type { DB, PlanRow } from '../../db/schema.ts';

export interface PlanInput {
  name: string;
  interval: 'month' | 'year';
  priceCents: number;
  currency: string;
  providerPriceId: string | null;
  active: boolean;
}

/** Plans on offer, cheapest first. */
export function activePlans(db: Kysely<DB>): Promise<PlanRow[]> {
  return db.selectFrom('plans').selectAll().where('active', '=', 1).orderBy('price_cents').execute();
}

export function activePlan(db: Kysely<DB>, slug: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('slug', '=', slug).where('active', '=', 1).executeTakeFirst();
}

/** Every plan, offered or not, cheapest first. */
export function allPlans(db: Kysely<DB>): Promise<PlanRow[]> {
  return db.selectFrom('plans').selectAll().orderBy('price_cents').execute();
}

/** Creates the plan or updates it in place; says which. */
export async function savePlan(
  db: Kysely<DB>,
  slug: string,
  input: PlanInput,
  now: number,
): Promise<'created' | 'updated'> {
  const values = {
    name: input.name,
    interval: input.interval,
    price_cents: input.priceCents,
    currency: input.currency.toUpperCase(),
    provider_price_id: input.providerPriceId,
    active: input.active ? 1 : 0,
  };
  const existing = await db.selectFrom('plans').select('id').where('slug', '=', slug).executeTakeFirst();
  if (existing) {
    await db.updateTable('plans').set(values).where('id', '=', existing.id).execute();
    return 'updated';
  }
  await db
    .insertInto('plans')
    .values({ slug, ...values, created_at: now })
    .execute();
  return 'created';
}
