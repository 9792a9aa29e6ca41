// Sign up, sign in, sign out. Every answer reads the same whether or not an
// email has an account; links that come by mail live in email-links.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AccountError, signUp, type AccountDeps } from '../../members/accounts.ts';
import { DEVICE_COOKIE } from '../../members/devices.ts';
import { endSession } from '../../members/sessions.ts';
import { signIn } from '../../members/signin.ts';
import { localPathOr } from '../../http/local-path.ts';
import { clearSessionCookie, SESSION_COOKIE, setSignedIn } from '../../http/session.ts';
import { Csrf, page } from '../views/shell.tsx';
import { site } from '../../site.ts';

const credentials = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(256),
  next: z.string().max(2000).optional(),
});

export interface AuthDeps {
  accounts: AccountDeps;
  secure: boolean;
  trialDays: number;
}

type Kind = 'signup' | 'signin';

function credentialsForm(
  req: FastifyRequest,
  kind: Kind,
  trialDays: number,
  opts: { error?: string; email?: string; next?: string } = {},
): string {
  const next = localPathOr(opts.next, '');
  return page({
    title: kind === 'signup' ? 'Start your free trial' : 'Sign in',
    signedIn: !!req.account,
    notice: opts.error ? { kind: 'error', text: opts.error } : null,
    children: (
      <>
        <h1>{kind === 'signup' ? `Start your ${trialDays}-day free trial` : `Sign in to ${site().name}`}</h1>
        {kind === 'signup' && (
          <p class="hint">Every article from every title, curated for you. No card needed. Cancel any time.</p>
        )}
        <form method="post" action={kind === 'signup' ? '/signup' : '/signin'}>
          <Csrf token={req.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="email" required value={opts.email ?? ''} />
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete={kind === 'signup' ? 'new-password' : 'current-password'}
            required
            minLength={kind === 'signup' ? 10 : undefined}
          />
          {kind === 'signup' && (
            <p class="hint">At least 10 characters. A few words you will remember is a good password.</p>
          )}
          <button type="submit">{kind === 'signup' ? 'Start reading' : 'Sign in'}</button>
        </form>
        {kind === 'signup' ? (
          <p>
            Already a member? <a href={`/signin${next ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</a>
          </p>
        ) : (
          <p>
            New here? <a href="/signup">Start your free trial</a> · <a href="/reset">Forgotten your password?</a>
          </p>
        )}
      </>
    ),
  });
}

export const html = (reply: FastifyReply, code: number, body: string) =>
  reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

/** What a new session records about the browser (and the one it replaces). */
export const signInMeta = (req: FastifyRequest) => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'],
  replacing: req.cookies[SESSION_COOKIE] ?? null,
  device: req.cookies[DEVICE_COOKIE],
});

export function authRoutes(app: FastifyInstance, deps: AuthDeps): void {
  const form = (req: FastifyRequest, kind: Kind, opts?: { error?: string; email?: string; next?: string }) =>
    credentialsForm(req, kind, deps.trialDays, opts);

  async function showSignUp(req: FastifyRequest<{ Querystring: { next?: string } }>, reply: FastifyReply) {
    return html(reply, 200, form(req, 'signup', { next: req.query.next }));
  }

  async function showSignIn(req: FastifyRequest<{ Querystring: { next?: string } }>, reply: FastifyReply) {
    return html(reply, 200, form(req, 'signin', { next: req.query.next }));
  }

  async function submitSignUp(req: FastifyRequest, reply: FastifyReply) {
    const parsed = credentials.safeParse(req.body);
    if (!parsed.success)
      return html(reply, 400, form(req, 'signup', { error: 'Enter an email address and a password.' }));
    const { email, password, next } = parsed.data;
    try {
      // New or already registered, the answer is the same: the mail says which it was.
      await signUp(deps.accounts, { email, password, next: localPathOr(next, '/') });
      return reply.redirect('/welcome', 303);
    } catch (err) {
      if (err instanceof AccountError)
        return html(reply, 400, form(req, 'signup', { error: err.message, email, next }));
      throw err;
    }
  }

  async function submitSignIn(req: FastifyRequest, reply: FastifyReply) {
    const parsed = credentials.safeParse(req.body);
    if (!parsed.success)
      return html(reply, 400, form(req, 'signin', { error: 'Enter your email address and password.' }));
    const { email, password, next } = parsed.data;
    try {
      const signed = await signIn(deps.accounts, { email, password }, signInMeta(req));
      setSignedIn(reply, signed, deps.secure);
      return reply.redirect(localPathOr(next, '/'), 303);
    } catch (err) {
      if (err instanceof AccountError) {
        if (err.retryAfterMs) reply.header('retry-after', String(Math.ceil(err.retryAfterMs / 1000)));
        return html(
          reply,
          err.code === 'throttled' ? 429 : 401,
          form(req, 'signin', { error: err.message, email, next }),
        );
      }
      throw err;
    }
  }

  async function signOut(req: FastifyRequest, reply: FastifyReply) {
    await endSession(deps.accounts.db, req.cookies[SESSION_COOKIE]);
    clearSessionCookie(reply);
    // Saved articles kept for offline reading leave with the session (the service worker's caches).
    reply.header('clear-site-data', '"cache", "storage"');
    return reply.redirect('/', 303);
  }

  function welcome(req: FastifyRequest, reply: FastifyReply) {
    return html(
      reply,
      200,
      page({
        title: 'Check your inbox',
        signedIn: !!req.account,
        children: (
          <>
            <h1>Check your inbox</h1>
            <p>
              We have sent you an email. Open the link in it to confirm your address and start reading: it works for 24
              hours.
            </p>
            <p class="hint">
              Nothing there? Look in your spam folder, or <a href="/signup">try again</a>.
            </p>
          </>
        ),
      }),
    );
  }

  app.get('/signup', showSignUp);
  app.get('/signin', showSignIn);
  app.post('/signup', submitSignUp);
  app.post('/signin', submitSignIn);
  app.post('/signout', signOut);
  app.get('/welcome', welcome);
}
