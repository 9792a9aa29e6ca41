// POST /webhooks/billing: the payment provider's events. The signature is
// checked over the exact bytes that were signed, so this route reads its body
// raw; the provider applies each event once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WebhookError, type BillingProvider } from '../../members/billing/types.ts';

export function billingWebhookRoutes(
  app: FastifyInstance,
  deps: { billing: BillingProvider; onFailure?: (reason: 'bad_signature' | 'error') => void },
): void {
  async function receiveBillingEvent(req: FastifyRequest, reply: FastifyReply) {
    if (!deps.billing.handleWebhook)
      return reply.code(404).send({ error: 'not_found', message: 'This server has no billing webhooks.' });
    try {
      const result = await deps.billing.handleWebhook(
        req.body as Buffer,
        req.headers['stripe-signature'] as string | undefined,
      );
      return { received: true, applied: result.applied, type: result.type };
    } catch (err) {
      deps.onFailure?.(err instanceof WebhookError ? 'bad_signature' : 'error');
      if (err instanceof WebhookError) return reply.code(400).send({ error: 'bad_signature', message: err.message });
      throw err;
    }
  }

  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scope.post('/webhooks/billing', receiveBillingEvent);
  });
}
