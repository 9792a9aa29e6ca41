// Sign up, sign in, sign out, email verification and password reset.
// Every answer reads the same whether or not an email has an account.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AccountError, requestPasswordReset, resendVerification, resetPassword, resetTokenValid, signIn, signUp, verifyEmail, type AccountDeps } from '../../members/accounts.ts';
import { createSession, endSession } from '../../members/sessions.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../session.ts';
import { Csrf, page } from '../views/shell.tsx';

const credentials = z.object({ email: z.string().trim().max(254), password: z.string().max(256), next: z.string().max(500).optional() });

/** Only same-site paths may be returned to after signing in. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : '/';
}

export function authRoutes(app: FastifyInstance, deps: { accounts: AccountDeps; secure: boolean; trialDays: number }): void {
  const form = (req: FastifyRequest, kind: 'signup' | 'signin', opts: { error?: string; email?: string; next?: string } = {}) =>
    page({
      title: kind === 'signup' ? 'Start your free trial' : 'Sign in',
      signedIn: !!req.account,
      notice: opts.error ? { kind: 'error', text: opts.error } : null,
      children: (
        <>
          <h1>{kind === 'signup' ? `Start your ${deps.trialDays}-day free trial` : 'Sign in to Masthead'}</h1>
          {kind === 'signup' && <p class="hint">Every article from every title, curated for you. No card needed. Cancel any time.</p>}
          <form method="post" action={kind === 'signup' ? '/signup' : '/signin'}>
            <Csrf token={req.csrfToken} />
            <input type="hidden" name="next" value={opts.next ?? ''} />
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="email" required value={opts.email ?? ''} />
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete={kind === 'signup' ? 'new-password' : 'current-password'} required minLength={kind === 'signup' ? 10 : undefined} />
            {kind === 'signup' && <p class="hint">At least 10 characters. A few words you will remember is a good password.</p>}
            <button type="submit">{kind === 'signup' ? 'Start reading' : 'Sign in'}</button>
          </form>
          {kind === 'signup' ? (
            <p>
              Already a member? <a href={`/signin${opts.next ? `?next=${encodeURIComponent(opts.next)}` : ''}`}>Sign in</a>
            </p>
          ) : (
            <p>
              New here? <a href="/signup">Start your free trial</a> · <a href="/reset">Forgotten your password?</a>
            </p>
          )}
        </>
      ),
    });

  const html = (reply: FastifyReply, code: number, body: string) => reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'], replacing: req.cookies[SESSION_COOKIE] ?? null });

  app.get<{ Querystring: { next?: string } }>('/signup', (req, reply) => html(reply, 200, form(req, 'signup', { next: req.query.next })));
  app.get<{ Querystring: { next?: string } }>('/signin', (req, reply) => html(reply, 200, form(req, 'signin', { next: req.query.next })));

  app.post('/signup', async (req, reply) => {
    const parsed = credentials.safeParse(req.body);
    if (!parsed.success) return html(reply, 400, form(req, 'signup', { error: 'Enter an email address and a password.' }));
    const { email, password, next } = parsed.data;
    try {
      // New or already registered, the answer is the same: the mail says which it was.
      await signUp(deps.accounts, { email, password, next: safeNext(next) });
      return reply.redirect('/welcome', 303);
    } catch (err) {
      if (err instanceof AccountError) return html(reply, 400, form(req, 'signup', { error: err.message, email, next }));
      throw err;
    }
  });

  app.get('/welcome', (req, reply) =>
    html(
      reply,
      200,
      page({
        title: 'Check your inbox',
        signedIn: !!req.account,
        children: (
          <>
            <h1>Check your inbox</h1>
            <p>We have sent you an email. Open the link in it to confirm your address and start reading: it works for 24 hours.</p>
            <p class="hint">Nothing there? Look in your spam folder, or <a href="/signup">try again</a>.</p>
          </>
        ),
      }),
    ),
  );

  app.post('/signin', async (req, reply) => {
    const parsed = credentials.safeParse(req.body);
    if (!parsed.success) return html(reply, 400, form(req, 'signin', { error: 'Enter your email address and password.' }));
    const { email, password, next } = parsed.data;
    try {
      const { sessionToken } = await signIn(deps.accounts, { email, password }, meta(req));
      setSessionCookie(reply, sessionToken, deps.secure);
      return reply.redirect(safeNext(next), 303);
    } catch (err) {
      if (err instanceof AccountError) {
        if (err.retryAfterMs) reply.header('retry-after', String(Math.ceil(err.retryAfterMs / 1000)));
        return html(reply, err.code === 'throttled' ? 429 : 401, form(req, 'signin', { error: err.message, email, next }));
      }
      throw err;
    }
  });

  app.post('/signout', async (req, reply) => {
    await endSession(deps.accounts.db, req.cookies[SESSION_COOKIE]);
    clearSessionCookie(reply);
    return reply.redirect('/', 303);
  });

  app.get<{ Querystring: { token?: string; next?: string } }>('/verify', async (req, reply) => {
    try {
      const user = await verifyEmail(deps.accounts, req.query.token ?? '');
      // The link proves the address: it signs its owner in (a fresh session, as at any sign-in).
      if (req.account?.user.id !== user.id) setSessionCookie(reply, await createSession(deps.accounts.db, user.id, deps.accounts.now(), meta(req)), deps.secure);
      const trial = user.trial_ends_at && user.trial_ends_at > deps.accounts.now();
      return html(
        reply,
        200,
        page({
          title: 'Welcome to Masthead',
          signedIn: true,
          notice: { kind: 'ok', text: 'Thank you: your email address is confirmed.' },
          children: (
            <>
              <h1>Welcome to Masthead</h1>
              {trial && <p>Your free trial has started: every article from every title is yours to read in full until {new Date(user.trial_ends_at!).toUTCString().slice(5, 16)}.</p>}
              <p>
                <a href={safeNext(req.query.next)}>Start reading →</a>
              </p>
            </>
          ),
        }),
      );
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return html(reply, 400, page({ title: 'Link expired', signedIn: !!req.account, notice: { kind: 'error', text: err.message }, children: <p>You can ask for a new link on <a href="/account">your account page</a>.</p> }));
    }
  });

  app.post('/verify/resend', async (req, reply) => {
    if (!req.account) return reply.redirect('/signin?next=/account', 303);
    await resendVerification(deps.accounts, req.account.user);
    return reply.redirect('/account?sent=verify', 303);
  });

  const resetRequestForm = (req: FastifyRequest, sent = false) =>
    page({
      title: 'Reset your password',
      signedIn: !!req.account,
      notice: sent ? { kind: 'ok', text: 'If that address has an account, a reset link is on its way. It works once, for one hour.' } : null,
      children: (
        <>
          <h1>Reset your password</h1>
          <form method="post" action="/reset">
            <Csrf token={req.csrfToken} />
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="email" required />
            <button type="submit">Send me a link</button>
          </form>
        </>
      ),
    });
  const newPasswordForm = (req: FastifyRequest, token: string, error?: string) =>
    page({
      title: 'Choose a new password',
      signedIn: !!req.account,
      notice: error ? { kind: 'error', text: error } : null,
      children: (
        <>
          <h1>Choose a new password</h1>
          <form method="post" action="/reset/confirm">
            <Csrf token={req.csrfToken} />
            <input type="hidden" name="token" value={token} />
            <label for="password">New password</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required minLength={10} />
            <button type="submit">Save and sign in</button>
          </form>
        </>
      ),
    });

  app.get<{ Querystring: { token?: string } }>('/reset', async (req, reply) => {
    if (!req.query.token) return html(reply, 200, resetRequestForm(req));
    if (!(await resetTokenValid(deps.accounts, req.query.token))) {
      return html(reply, 400, page({ title: 'Link expired', signedIn: !!req.account, notice: { kind: 'error', text: 'This link has expired or has already been used. Ask for a new one.' }, children: <p><a href="/reset">Send a new link</a></p> }));
    }
    return html(reply, 200, newPasswordForm(req, req.query.token));
  });

  app.post('/reset', async (req, reply) => {
    const email = z.object({ email: z.string().trim().max(254) }).safeParse(req.body);
    if (email.success) await requestPasswordReset(deps.accounts, email.data.email);
    return html(reply, 200, resetRequestForm(req, true));
  });

  app.post('/reset/confirm', async (req, reply) => {
    const body = z.object({ token: z.string().max(100), password: z.string().max(256) }).safeParse(req.body);
    if (!body.success) return html(reply, 400, resetRequestForm(req));
    try {
      const user = await resetPassword(deps.accounts, body.data.token, body.data.password);
      const { sessionToken } = await signIn(deps.accounts, { email: user.email, password: body.data.password }, meta(req));
      setSessionCookie(reply, sessionToken, deps.secure);
      return reply.redirect('/account?changed=password', 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      if (err.code === 'weak-password') return html(reply, 400, newPasswordForm(req, body.data.token, err.message));
      return html(reply, 400, page({ title: 'Link expired', signedIn: !!req.account, notice: { kind: 'error', text: err.message }, children: <p><a href="/reset">Send a new link</a></p> }));
    }
  });
}
