// The `stripe` provider: Checkout for sign-up, the customer portal for
// changes, webhooks for everything that happens afterwards. Every event is
// applied once (billing_events keeps delivered ids) and never lets older news
// overwrite newer state (events carry their creation time; subscriptions keep
// the time of the state they hold), so redelivery and reordering are harmless.
import type { Kysely } from 'kysely';
import Stripe from 'stripe';
import type { DB } from '../../db/schema.ts';
import { WebhookError, type BillingProvider } from './types.ts';

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
}

/** How old a signed webhook may be when it arrives (Stripe's own default). */
export const WEBHOOK_TOLERANCE_S = 300;

export function createStripeProvider(db: Kysely<DB>, cfg: StripeConfig, now: () => number): BillingProvider {
  const stripe = new Stripe(cfg.secretKey, { maxNetworkRetries: 2, timeout: 20_000 });
  return {
    name: 'stripe',
    async checkoutUrl(user, plan, urls) {
      if (!plan.provider_price_id)
        throw new Error(`plan ${plan.slug} has no Stripe price id (masthead plans set … --stripe-price price_…)`);
      const session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: plan.provider_price_id, quantity: 1 }],
        client_reference_id: String(user.id),
        ...(user.billing_customer_id ? { customer: user.billing_customer_id } : { customer_email: user.email }),
        success_url: urls.success,
        cancel_url: urls.cancel,
        metadata: { user_id: String(user.id), plan_id: String(plan.id) },
        subscription_data: { metadata: { user_id: String(user.id), plan_id: String(plan.id) } },
      });
      return session.url;
    },
    async portalUrl(user, returnUrl) {
      if (!user.billing_customer_id) return null;
      const s = await stripe.billingPortal.sessions.create({
        customer: user.billing_customer_id,
        return_url: returnUrl,
      });
      return s.url;
    },
    async handleWebhook(rawBody, signature) {
      let event: Stripe.Event;
      try {
        // Tolerance is checked against our clock (300 s, Stripe's default), injectable for tests.
        // stripe-node takes the receiving time in milliseconds (it divides by 1000 itself).
        event = stripe.webhooks.constructEvent(
          rawBody,
          signature ?? '',
          cfg.webhookSecret,
          WEBHOOK_TOLERANCE_S,
          undefined,
          now(),
        );
      } catch (err) {
        throw new WebhookError(`signature check failed: ${(err as Error).message}`);
      }
      return applyStripeEvent(db, event, now());
    },
  };
}

type SubscriptionLike = Pick<
  Stripe.Subscription,
  'id' | 'status' | 'current_period_end' | 'cancel_at_period_end' | 'customer' | 'metadata'
>;

export async function applyStripeEvent(
  db: Kysely<DB>,
  event: Stripe.Event,
  now: number,
): Promise<{ applied: boolean; type: string }> {
  return db.transaction().execute(async (trx) => {
    const fresh = await trx
      .insertInto('billing_events')
      .values({ event_id: event.id, provider: 'stripe', type: event.type, received_at: now })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .executeTakeFirst();
    if (Number(fresh.numInsertedOrUpdatedRows ?? 0n) === 0) return { applied: false, type: event.type };
    const at = event.created * 1000;

    switch (event.type) {
      case 'checkout.session.completed': {
        const s = event.data.object;
        const userId = Number(s.client_reference_id ?? s.metadata?.user_id);
        if (!userId) return { applied: false, type: event.type };
        const customer = typeof s.customer === 'string' ? s.customer : s.customer?.id;
        if (customer)
          await trx.updateTable('users').set({ billing_customer_id: customer }).where('id', '=', userId).execute();
        const subId = typeof s.subscription === 'string' ? s.subscription : s.subscription?.id;
        // The subscription's own events carry its state; until one arrives, access starts now (Checkout succeeded).
        if (subId)
          await upsertSubscription(
            trx,
            userId,
            {
              id: subId,
              status: 'active',
              current_period_end: Math.floor(now / 1000) + 86_400,
              cancel_at_period_end: false,
            },
            at,
            Number(s.metadata?.plan_id) || null,
            true,
          );
        return { applied: true, type: event.type };
      }
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted': {
        const sub = event.data.object as SubscriptionLike;
        const userId = await userFor(trx, sub);
        if (!userId) return { applied: false, type: event.type };
        const status = event.type === 'customer.subscription.deleted' ? 'canceled' : sub.status;
        await upsertSubscription(trx, userId, { ...sub, status }, at, Number(sub.metadata?.plan_id) || null);
        return { applied: true, type: event.type };
      }
      case 'invoice.paid':
      case 'invoice.payment_failed': {
        const inv = event.data.object;
        const subId = typeof inv.subscription === 'string' ? inv.subscription : inv.subscription?.id;
        if (!subId) return { applied: false, type: event.type };
        const row = await trx
          .selectFrom('subscriptions')
          .selectAll()
          .where('provider_subscription_id', '=', subId)
          .executeTakeFirst();
        if (!row || row.provider_updated_at > at) return { applied: false, type: event.type };
        if (event.type === 'invoice.paid') {
          const periodEnd = Math.max(...(inv.lines?.data ?? []).map((l) => l.period?.end ?? 0), 0) * 1000;
          await trx
            .updateTable('subscriptions')
            .set({
              status: 'active',
              past_due_since: null,
              provider_updated_at: at,
              ...(periodEnd > row.current_period_end ? { current_period_end: periodEnd } : {}),
            })
            .where('id', '=', row.id)
            .execute();
        } else {
          await trx
            .updateTable('subscriptions')
            .set({ status: 'past_due', past_due_since: row.past_due_since ?? at, provider_updated_at: at })
            .where('id', '=', row.id)
            .execute();
        }
        return { applied: true, type: event.type };
      }
      default:
        return { applied: false, type: event.type };
    }
  });
}

async function userFor(db: Kysely<DB>, sub: SubscriptionLike): Promise<number | null> {
  const fromMeta = Number(sub.metadata?.user_id);
  if (fromMeta) return fromMeta;
  const known = await db
    .selectFrom('subscriptions')
    .select('user_id')
    .where('provider_subscription_id', '=', sub.id)
    .executeTakeFirst();
  if (known) return known.user_id;
  const customer = typeof sub.customer === 'string' ? sub.customer : sub.customer?.id;
  if (!customer) return null;
  const u = await db.selectFrom('users').select('id').where('billing_customer_id', '=', customer).executeTakeFirst();
  return u?.id ?? null;
}

async function upsertSubscription(
  db: Kysely<DB>,
  userId: number,
  sub: { id: string; status: string; current_period_end: number; cancel_at_period_end: boolean },
  at: number,
  planId: number | null,
  provisional = false,
): Promise<void> {
  const existing = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('provider_subscription_id', '=', sub.id)
    .executeTakeFirst();
  const values = {
    status: sub.status,
    current_period_end: sub.current_period_end * 1000,
    cancel_at_period_end: sub.cancel_at_period_end ? 1 : 0,
    past_due_since: sub.status === 'past_due' ? (existing?.past_due_since ?? at) : null,
    provider_updated_at: at,
  };
  if (!existing) {
    await db
      .insertInto('subscriptions')
      .values({
        user_id: userId,
        provider: 'stripe',
        provider_subscription_id: sub.id,
        plan_id: planId,
        created_at: at,
        ...values,
      })
      .execute();
    return;
  }
  // Out of order: an event older than the state we hold changes nothing; a provisional guess never overrides real state.
  if (existing.provider_updated_at > at || provisional) return;
  await db
    .updateTable('subscriptions')
    .set({ ...values, ...(planId ? { plan_id: planId } : {}) })
    .where('id', '=', existing.id)
    .execute();
}
