// Billing providers behind one interface. `manual` takes no payments (an
// operator grants memberships); `stripe` uses Checkout, the customer portal
// and signed webhooks.
import type { PlanRow, UserRow } from '../../db/schema.ts';

export interface BillingProvider {
  name: 'manual' | 'stripe';
  /** Where to send someone who chose a plan (a hosted checkout page), or null when the provider takes no payments. */
  checkoutUrl(user: UserRow, plan: PlanRow, urls: { success: string; cancel: string }): Promise<string | null>;
  /** Where a member manages or cancels a paid subscription, or null. */
  portalUrl(user: UserRow, returnUrl: string): Promise<string | null>;
  /** Verifies and applies a webhook delivery; throws WebhookError on a bad signature or body. */
  handleWebhook?(rawBody: Buffer, signature: string | undefined): Promise<{ applied: boolean; type: string }>;
}

export class WebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookError';
  }
}
