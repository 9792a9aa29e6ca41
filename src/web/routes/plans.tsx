// The offer and billing: the plans page, checkout and the billing portal (the
// provider's webhooks are in api/webhooks/billing.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, PlanRow } from '../../db/schema.ts';
import { activePlan, activePlans } from '../../members/billing/plans.ts';
import type { BillingProvider } from '../../members/billing/types.ts';
import type { Membership } from '../../members/membership.ts';
import { Csrf, page } from '../views/shell.tsx';

const planParams = z.object({ slug: z.string().max(80) });

function PlansPage(v: {
  plans: PlanRow[];
  member: Membership | null;
  signedIn: boolean;
  trialDays: number;
  manual: boolean;
  csrfToken: string;
}) {
  return (
    <>
      <h1>One membership. Every title.</h1>
      <p>
        All your news in one place: every article from every publisher we carry, curated for you, without ads.
        Publishers are paid for the reads they get.
      </p>
      <p class="hint">
        {v.trialDays} days free to start, no card needed. Cancel any time; you keep reading to the end of the period you
        paid for.
      </p>
      {!v.signedIn && (
        <p>
          <a href="/signup">Start your free trial →</a>
        </p>
      )}
      {v.member && (
        <p>{v.member.hasAccess ? 'You can read everything now.' : 'Your free trial or membership has ended.'}</p>
      )}
      <div class="plans">
        {v.plans.length === 0 && (
          <p class="hint">Plans have not been set up on this server yet. Ask its operator (masthead plans set …).</p>
        )}
        {v.plans.map((p) => (
          <div class="plan">
            <h2>{p.name}</h2>
            <p class="price">
              {(p.price_cents / 100).toLocaleString('en', { style: 'currency', currency: p.currency })}
              <span class="hint">
                {' '}
                {p.currency} / {p.interval}
              </span>
            </p>
            {v.signedIn ? (
              <form method="post" action={`/plans/${p.slug}/checkout`} class="inline">
                <Csrf token={v.csrfToken} />
                <button type="submit">Choose {p.name}</button>
              </form>
            ) : (
              <a href={`/signup?next=/plans`}>Start with a free trial</a>
            )}
          </div>
        ))}
      </div>
      {v.manual && <p class="hint">This server takes no payments online: memberships are granted by its operator.</p>}
    </>
  );
}

export function planRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; billing: BillingProvider; baseUrl: string; trialDays: number },
): void {
  const html = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  async function showPlans(req: FastifyRequest, reply: FastifyReply) {
    const view = {
      plans: await activePlans(deps.db),
      member: req.account?.membership ?? null,
      signedIn: !!req.account,
      trialDays: deps.trialDays,
      manual: deps.billing.name === 'manual',
      csrfToken: req.csrfToken,
    };
    return html(reply, 200, page({ title: 'Plans', signedIn: !!req.account, children: <PlansPage {...view} /> }));
  }

  async function checkout(req: FastifyRequest, reply: FastifyReply) {
    if (!req.account) return reply.redirect('/signin?next=/plans', 303);
    const p = planParams.safeParse(req.params);
    const plan = p.success ? await activePlan(deps.db, p.data.slug) : undefined;
    if (!plan) return reply.code(404).send({ error: 'not_found', message: 'No such plan.' });
    const url = await deps.billing.checkoutUrl(req.account.user, plan, {
      success: `${deps.baseUrl}/account?welcome=member`,
      cancel: `${deps.baseUrl}/plans`,
    });
    if (!url) {
      const notice = {
        kind: 'ok' as const,
        text: 'This server takes no payments online. Its operator grants memberships: ask them, and mention the plan you would like.',
      };
      return html(
        reply,
        200,
        page({
          title: 'Membership',
          signedIn: true,
          notice,
          children: (
            <p>
              <a href="/account">Back to your account</a>
            </p>
          ),
        }),
      );
    }
    return reply.redirect(url, 303);
  }

  async function billingPortal(req: FastifyRequest, reply: FastifyReply) {
    if (!req.account) return reply.redirect('/signin?next=/account', 303);
    const url = await deps.billing.portalUrl(req.account.user, `${deps.baseUrl}/account`);
    return reply.redirect(url ?? '/plans', 303);
  }

  app.get('/plans', showPlans);
  app.post('/plans/:slug/checkout', checkout);
  app.post('/account/billing', billingPortal);
}
