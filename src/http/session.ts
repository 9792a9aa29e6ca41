// Who is asking: the session cookie → the account and its membership, once per
// request, and the CSRF token every form must carry. Sessions live in the
// database (any number of web processes); the CSRF secret too.
import crypto from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB, UserRow } from '../db/schema.ts';
import type { ReaderFacts } from '../curation/read-counting.ts';
import type { Viewer } from '../members/access.ts';
import type { Actor } from '../members/policies.ts';
import { membershipOf } from '../members/facts.ts';
import type { Membership } from '../members/membership.ts';
import { DEVICE_COOKIE, DEVICE_DAYS } from '../members/devices.ts';
import { installSecret } from '../members/secrets.ts';
import { SESSION_DAYS, userForSession } from '../members/sessions.ts';

export const SESSION_COOKIE = 'mh_session';
const CSRF_COOKIE = 'mh_csrf';

export interface RequestAccount {
  user: UserRow;
  membership: Membership;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    account: RequestAccount | null;
    csrfToken: string;
  }
}

/** Who is asking, as the role policies need to know it (members/policies.ts). */
export function actorOf(req: FastifyRequest): Actor {
  const u = req.account?.user;
  return u ? { role: u.role, publisherId: u.publisher_id } : null;
}

/** Who is reading, as read counting needs to know it. */
export function readerFacts(req: FastifyRequest): ReaderFacts {
  return { userId: req.account?.user.id ?? null, ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') };
}

export function viewerOf(req: FastifyRequest, allowanceUsed = 0, unlockedThisArticle = false): Viewer {
  const a = req.account;
  if (!a) return { kind: 'anonymous' };
  return {
    kind: 'account',
    role: a.user.role as 'member',
    publisherId: a.user.publisher_id,
    membership: a.membership,
    allowanceUsed,
    unlockedThisArticle,
  };
}

const xor = (a: Buffer, b: Buffer): Buffer => Buffer.from(a.map((x, i) => x ^ b[i]!));
/** Each request's unmasked CSRF token, for checking what a form sends back. */
const csrfRaw = new WeakMap<object, Buffer>();

export async function sessionPlugin(
  app: FastifyInstance,
  deps: { db: Kysely<DB>; now: () => number; graceDays: number; secure: boolean },
): Promise<void> {
  await app.register(cookie);
  const secret = await installSecret(deps.db, 'csrf_secret');
  const sign = (value: string) => crypto.createHmac('sha256', secret).update(value).digest();

  app.decorateRequest('account', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (req, reply) => {
    // Pictures are the same for everyone and cached publicly: no session, and never a cookie set.
    if (req.url.startsWith('/demo/source/') || req.url.startsWith('/img/') || req.url === '/healthz') return;
    const token = req.cookies[SESSION_COOKIE];
    const found = token ? await userForSession(deps.db, token, deps.now()) : null;
    if (found) {
      req.account = {
        user: found.user,
        sessionId: found.sessionId,
        membership: await membershipOf(deps.db, found.user.id, deps.now(), deps.graceDays),
      };
    } else if (token) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    // The CSRF token is bound to the session when there is one, else to a random cookie of the browser's.
    let anon = req.cookies[CSRF_COOKIE];
    if (!found && !anon) {
      anon = crypto.randomBytes(16).toString('base64url');
      reply.setCookie(CSRF_COOKIE, anon, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.secure });
    }
    // Written into pages masked afresh each time (a random pad, then the token XOR the pad), so a
    // compressed page never repeats the secret bytes next to text an attacker may echo (BREACH).
    const raw = sign(found ? `s:${found.sessionId}` : `a:${anon}`);
    const pad = crypto.randomBytes(raw.length);
    req.csrfToken = Buffer.concat([pad, xor(raw, pad)]).toString('base64url');
    csrfRaw.set(req, raw);
  });

  // A browser with no session keeps no saved full text: the service worker forgets its saved
  // articles when a page says so (islands/sw.ts), as it does after a sign-out.
  app.addHook('onSend', async (req, reply, payload) => {
    if (
      !req.account &&
      !reply.getHeader('x-masthead-access') &&
      String(reply.getHeader('content-type') ?? '').startsWith('text/html')
    )
      reply.header('x-masthead-access', 'none');
    return payload;
  });

  // Every form post outside the APIs must carry the token (double protection with SameSite=Lax cookies).
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || req.url.startsWith('/api/') || req.url.startsWith('/webhooks/')) return;
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers['x-csrf-token'];
    const raw = csrfRaw.get(req);
    const masked = typeof sent === 'string' ? Buffer.from(sent, 'base64url') : null;
    const ok =
      !!raw &&
      !!masked &&
      masked.length === 2 * raw.length &&
      crypto.timingSafeEqual(xor(masked.subarray(raw.length), masked.subarray(0, raw.length)), raw);
    if (!ok) {
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><title>Form expired</title><p>This form has expired or did not come from this site. Go back, reload the page and try again.</p>',
        );
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: SESSION_DAYS * 86_400,
  });
}

/** A new session, and the device cookie that marks this browser as one the account knows. */
export function setSignedIn(
  reply: FastifyReply,
  signed: { sessionToken: string; device: string },
  secure: boolean,
): void {
  setSessionCookie(reply, signed.sessionToken, secure);
  reply.setCookie(DEVICE_COOKIE, signed.device, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: DEVICE_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
