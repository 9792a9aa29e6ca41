// The offer and billing: the plans page, checkout, the billing portal, and
// the provider's webhooks (raw body, signature checked by the provider).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { activePlan, activePlans } from '../../members/billing/plans.ts';
import type { BillingProvider } from '../../members/billing/types.ts';
import { WebhookError } from '../../members/billing/types.ts';
import { Csrf, page } from '../views/shell.tsx';

export function planRoutes(app: FastifyInstance, deps: { db: Kysely<DB>; billing: BillingProvider; baseUrl: string; trialDays: number }): void {
  const html = (reply: FastifyReply, code: number, body: string) => reply.code(code).type('text/html; charset=utf-8').send(body);

  app.get('/plans', async (req, reply) => {
    const plans = await activePlans(deps.db);
    const member = req.account?.membership;
    return html(
      reply,
      200,
      page({
        title: 'Plans',
        signedIn: !!req.account,
        children: (
          <>
            <h1>One membership. Every title.</h1>
            <p>All your news in one place: every article from every publisher we carry, curated for you, without ads. Publishers are paid for the reads they get.</p>
            <p class="hint">{deps.trialDays} days free to start, no card needed. Cancel any time; you keep reading to the end of the period you paid for.</p>
            {!req.account && (
              <p>
                <a href="/signup">Start your free trial →</a>
              </p>
            )}
            {member && <p>{member.hasAccess ? 'You can read everything now.' : 'Your free trial or membership has ended.'}</p>}
            <div class="plans">
              {plans.length === 0 && <p class="hint">Plans have not been set up on this server yet. Ask its operator (masthead plans set …).</p>}
              {plans.map((p) => (
                <div class="plan">
                  <h2>{p.name}</h2>
                  <p class="price">
                    {(p.price_cents / 100).toLocaleString('en', { style: 'currency', currency: p.currency })}
                    <span class="hint"> / {p.interval}</span>
                  </p>
                  {req.account ? (
                    <form method="post" action={`/plans/${p.slug}/checkout`} class="inline">
                      <Csrf token={req.csrfToken} />
                      <button type="submit">Choose {p.name}</button>
                    </form>
                  ) : (
                    <a href={`/signup?next=/plans`}>Start with a free trial</a>
                  )}
                </div>
              ))}
            </div>
            {deps.billing.name === 'manual' && <p class="hint">This server takes no payments online: memberships are granted by its operator.</p>}
          </>
        ),
      }),
    );
  });

  app.post<{ Params: { slug: string } }>('/plans/:slug/checkout', async (req, reply) => {
    if (!req.account) return reply.redirect('/signin?next=/plans', 303);
    const plan = await activePlan(deps.db, req.params.slug);
    if (!plan) return reply.code(404).send({ error: 'not_found', message: 'No such plan.' });
    const url = await deps.billing.checkoutUrl(req.account.user, plan, { success: `${deps.baseUrl}/account?welcome=member`, cancel: `${deps.baseUrl}/plans` });
    if (!url) {
      return html(reply, 200, page({ title: 'Membership', signedIn: true, notice: { kind: 'ok', text: 'This server takes no payments online. Its operator grants memberships: ask them, and mention the plan you would like.' }, children: <p><a href="/account">Back to your account</a></p> }));
    }
    return reply.redirect(url, 303);
  });

  app.post('/account/billing', async (req, reply) => {
    if (!req.account) return reply.redirect('/signin?next=/account', 303);
    const url = await deps.billing.portalUrl(req.account.user, `${deps.baseUrl}/account`);
    return reply.redirect(url ?? '/plans', 303);
  });

  // Webhooks need the exact bytes that were signed.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/webhooks/billing', async (req, reply) => {
      if (!deps.billing.handleWebhook) return reply.code(404).send({ error: 'not_found', message: 'This server has no billing webhooks.' });
      try {
        const result = await deps.billing.handleWebhook(req.body as Buffer, req.headers['stripe-signature'] as string | undefined);
        return { received: true, applied: result.applied, type: result.type };
      } catch (err) {
        if (err instanceof WebhookError) return reply.code(400).send({ error: 'bad_signature', message: err.message });
        throw err;
      }
    });
  });
}
