// Security headers on every response (@fastify/helmet): a strict
// Content-Security-Policy (scripts only from our own origin: no inline script,
// no eval; no plugins; no <base>; nobody may frame us), nosniff, a referrer
// policy that gives other sites our origin at most, and HSTS when the site is
// served over https. Pages that differ by reader are private and vary by cookie.
//
// Images only from our own origin: publishers' pictures are served by our image
// endpoint (src/images/), so a reader's browser never asks a publisher for one.
// Exceptions, and why: video embeds from the hosts the sanitiser allows; style
// attributes (publishers' brand colours are set per card as CSS custom
// properties, from validated hex values; publisher HTML never keeps a style
// attribute); forms may post on to Stripe's checkout when billing is Stripe.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { VIDEO_HOSTS } from '../ingest/process/sanitize.ts';

export async function securityHeaders(app: FastifyInstance, opts: { secure: boolean; stripe: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'"],
        mediaSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameSrc: VIDEO_HOSTS.map((h) => `https://${h}`),
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", ...(opts.stripe ? ['https://checkout.stripe.com', 'https://billing.stripe.com'] : [])],
        ...(opts.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Video embeds come from other origins and do not opt in to embedding.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: opts.secure ? { maxAge: 180 * 86_400, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  });
  // A page says who it is for: unless a route says otherwise, HTML is private to the reader and varies by cookie.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      if (!reply.getHeader('cache-control')) reply.header('cache-control', 'private, no-store');
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/\bcookie\b/i.test(vary)) reply.header('vary', vary ? `${vary}, Cookie` : 'Cookie');
    }
    return payload;
  });
}
