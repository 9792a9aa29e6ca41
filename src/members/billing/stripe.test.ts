import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test-support/databases.ts';
import { createUser } from '../accounts.ts';
import { membershipOf } from '../facts.ts';
import { createStripeProvider } from './stripe.ts';
import { WebhookError } from './types.ts';

const secret = 'whsec_test_secret';
const stripe = new Stripe('sk_test_dummy');
const DAY = 86_400;

describe.each(testDialects)('stripe webhooks on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('applies each event once, in any order, with signatures checked', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    let now = Date.parse('2026-11-24T09:00:00Z');
    const t = Math.floor(now / 1000);
    const user = await createUser(db, { email: 'payer@example.org', password: 'a long enough secret' }, now);
    const provider = createStripeProvider(db, { secretKey: 'sk_test_dummy', webhookSecret: secret }, () => now);
    let n = 0;
    const deliver = (type: string, object: object, created: number, id = `evt_${++n}`) => {
      const payload = JSON.stringify({ id, object: 'event', type, created, data: { object } });
      const header = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(now / 1000) });
      return provider.handleWebhook!(Buffer.from(payload), header);
    };
    const sub = (over: object) => ({
      id: 'sub_1',
      object: 'subscription',
      customer: 'cus_1',
      status: 'active',
      current_period_end: t + 30 * DAY,
      cancel_at_period_end: false,
      metadata: { user_id: String(user.id) },
      ...over,
    });
    const state = async () => (await membershipOf(db, user.id, now, 7)).state;

    // A forged or mangled delivery is refused.
    await expect(provider.handleWebhook!(Buffer.from('{"id":"evt_x"}'), 't=1,v1=deadbeef')).rejects.toThrow(
      WebhookError,
    );
    await expect(provider.handleWebhook!(Buffer.from('{}'), undefined)).rejects.toThrow(/signature/);

    expect(await state()).toBe('none');
    await deliver(
      'checkout.session.completed',
      {
        id: 'cs_1',
        object: 'checkout.session',
        client_reference_id: String(user.id),
        customer: 'cus_1',
        subscription: 'sub_1',
        metadata: {},
      },
      t,
    );
    expect(await state()).toBe('active');
    const created = await deliver('customer.subscription.created', sub({}), t + 1, 'evt_created');
    expect(created.applied).toBe(true);
    // Delivered twice: applied once.
    const again = await deliver('customer.subscription.created', sub({}), t + 1, 'evt_created');
    expect(again.applied).toBe(false);

    // Cancel at period end, then an older "active, not cancelling" update arrives late: ignored.
    await deliver('customer.subscription.updated', sub({ cancel_at_period_end: true }), t + 100);
    await deliver('customer.subscription.updated', sub({ cancel_at_period_end: false }), t + 50);
    expect(await state()).toBe('cancelling');

    // Payment fails: grace period, then access ends when it runs out; a paid invoice restores it.
    await deliver('customer.subscription.updated', sub({ cancel_at_period_end: false }), t + 200);
    now += 31 * DAY * 1000;
    await deliver(
      'invoice.payment_failed',
      { id: 'in_1', object: 'invoice', subscription: 'sub_1', lines: { data: [] } },
      Math.floor(now / 1000),
    );
    expect(await state()).toBe('grace');
    now += 8 * DAY * 1000;
    expect(await state()).toBe('lapsed');
    await deliver(
      'invoice.paid',
      {
        id: 'in_2',
        object: 'invoice',
        subscription: 'sub_1',
        lines: { data: [{ period: { end: Math.floor(now / 1000) + 30 * DAY } }] },
      },
      Math.floor(now / 1000),
    );
    expect(await state()).toBe('active');

    // Deleted: access to the end of the paid period, then lapsed.
    await deliver(
      'customer.subscription.deleted',
      sub({ status: 'canceled', current_period_end: Math.floor(now / 1000) + 5 * DAY }),
      Math.floor(now / 1000) + 1,
    );
    expect(await state()).toBe('cancelling');
    now += 6 * DAY * 1000;
    expect(await state()).toBe('lapsed');
    expect(await db.selectFrom('subscriptions').select('id').execute()).toHaveLength(1);
  });

  it('refuses a correctly signed event signed too long before it arrives (a replay)', async () => {
    database = await createTestDatabase(dialect);
    let now = Date.parse('2026-11-24T09:00:00Z');
    const provider = createStripeProvider(
      database.db,
      { secretKey: 'sk_test_dummy', webhookSecret: secret },
      () => now,
    );
    const payload = JSON.stringify({
      id: 'evt_old',
      object: 'event',
      type: 'customer.created',
      created: Math.floor(now / 1000),
      data: { object: {} },
    });
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(now / 1000) });
    now += 60 * 60_000; // an hour later
    await expect(provider.handleWebhook!(Buffer.from(payload), header)).rejects.toThrow(/tolerance/i);
    now -= 60 * 60_000 - 4 * 60_000; // four minutes after signing: within Stripe's five
    await expect(provider.handleWebhook!(Buffer.from(payload), header)).resolves.toMatchObject({
      type: 'customer.created',
    });
  });
});
