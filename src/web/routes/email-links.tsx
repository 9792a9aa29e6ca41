// The links we mail: confirm an address (and sign in), reset a password,
// confirm a new address. Opening a link never changes anything by itself: it
// shows a page with one button (a form with its CSRF token), so a link sent by
// someone else cannot sign a reader into another account or change anything
// behind their back, and the token leaves the address bar after one hop.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AccountError,
  confirmEmailChange,
  resendVerification,
  verifyEmail,
  type AccountDeps,
} from '../../members/accounts.ts';
import { requestPasswordReset, resetPassword, resetTokenValid } from '../../members/recovery.ts';
import { createSession } from '../../members/sessions.ts';
import { trustDevice } from '../../members/signin.ts';
import { liveToken } from '../../members/user-tokens.ts';
import { userById } from '../../members/users.ts';
import { localPathOr } from '../../http/local-path.ts';
import { setSignedIn } from '../../http/session.ts';
import { Csrf, page } from '../views/shell.tsx';
import { html, signInMeta } from './auth.tsx';
import { site } from '../../site.ts';

const tokenForm = z.object({ token: z.string().min(1).max(100), next: z.string().max(2000).optional() });

function expired(req: FastifyRequest, reply: FastifyReply, text: string, action: { href: string; label: string }) {
  return html(
    reply,
    400,
    page({
      title: 'Link expired',
      signedIn: !!req.account,
      notice: { kind: 'error', text },
      children: (
        <p>
          <a href={action.href}>{action.label}</a>
        </p>
      ),
    }),
  );
}

/** One button that carries the mailed token in a form (never followed by a prefetcher or a preview bot). */
function confirmPage(
  req: FastifyRequest,
  o: { title: string; lead: string; action: string; token: string; next?: string; button: string; warning?: string },
) {
  return page({
    title: o.title,
    signedIn: !!req.account,
    children: (
      <>
        <h1>{o.title}</h1>
        <p>{o.lead}</p>
        {o.warning && <p class="hint">{o.warning}</p>}
        <form method="post" action={o.action}>
          <Csrf token={req.csrfToken} />
          <input type="hidden" name="token" value={o.token} />
          {o.next && <input type="hidden" name="next" value={o.next} />}
          <button type="submit">{o.button}</button>
        </form>
      </>
    ),
  });
}

export function emailLinkRoutes(app: FastifyInstance, deps: { accounts: AccountDeps; secure: boolean }): void {
  const { accounts } = deps;

  async function showVerify(
    req: FastifyRequest<{ Querystring: { token?: string; next?: string } }>,
    reply: FastifyReply,
  ) {
    const token = req.query.token ?? '';
    const live = await liveToken(accounts.db, token, 'verify', accounts.now());
    if (!live)
      return expired(req, reply, 'This link has expired or has already been used.', {
        href: '/account',
        label: 'Ask for a new one on your account page',
      });
    const owner = (await userById(accounts.db, live.user_id))!;
    const other = req.account && req.account.user.id !== live.user_id ? req.account.user.email : null;
    return html(
      reply,
      200,
      confirmPage(req, {
        title: 'Confirm your email',
        lead: `Confirm ${owner.email} to start reading.`,
        warning: other
          ? `You are signed in as ${other}: confirming signs you in as ${owner.email} instead.`
          : undefined,
        action: '/verify',
        token,
        next: localPathOr(req.query.next, '/'),
        button: 'Confirm and start reading',
      }),
    );
  }

  async function submitVerify(req: FastifyRequest, reply: FastifyReply) {
    const body = tokenForm.safeParse(req.body);
    if (!body.success)
      return expired(req, reply, 'This link is not complete. Open it again from the mail.', {
        href: '/account',
        label: 'Your account',
      });
    try {
      const user = await verifyEmail(accounts, body.data.token);
      // The link proves the address: it signs its owner in (a fresh session, as at any sign-in).
      const sessionToken = await createSession(accounts.db, user.id, accounts.now(), signInMeta(req));
      setSignedIn(reply, { sessionToken, device: await trustDevice(accounts.db, user.id) }, deps.secure);
      return reply.redirect(`/verify/done?next=${encodeURIComponent(localPathOr(body.data.next, '/'))}`, 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return expired(req, reply, err.message, { href: '/account', label: 'Ask for a new one on your account page' });
    }
  }

  function verified(req: FastifyRequest<{ Querystring: { next?: string } }>, reply: FastifyReply) {
    const user = req.account?.user;
    const trial = user?.trial_ends_at && user.trial_ends_at > accounts.now();
    return html(
      reply,
      200,
      page({
        title: `Welcome to ${site().name}`,
        signedIn: !!user,
        notice: { kind: 'ok', text: 'Thank you: your email address is confirmed.' },
        children: (
          <>
            <h1>Welcome to {site().name}</h1>
            {trial && (
              <p>
                Your free trial has started: every article from every title is yours to read in full until{' '}
                {new Date(user.trial_ends_at!).toUTCString().slice(5, 16)}.
              </p>
            )}
            <p>
              <a href={localPathOr(req.query.next, '/')}>Start reading →</a>
            </p>
          </>
        ),
      }),
    );
  }

  async function resendVerify(req: FastifyRequest, reply: FastifyReply) {
    if (!req.account) return reply.redirect('/signin?next=/account', 303);
    await resendVerification(accounts, req.account.user);
    return reply.redirect('/account?sent=verify', 303);
  }

  const resetRequestForm = (req: FastifyRequest, sent = false) =>
    page({
      title: 'Reset your password',
      signedIn: !!req.account,
      notice: sent
        ? {
            kind: 'ok',
            text: 'If that address has an account, a reset link is on its way. It works once, for one hour.',
          }
        : null,
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
  const resetExpired = (
    req: FastifyRequest,
    reply: FastifyReply,
    text = 'This link has expired or has already been used. Ask for a new one.',
  ) => expired(req, reply, text, { href: '/reset', label: 'Send a new link' });

  async function showReset(req: FastifyRequest<{ Querystring: { token?: string } }>, reply: FastifyReply) {
    if (!req.query.token) return html(reply, 200, resetRequestForm(req));
    if (!(await resetTokenValid(accounts, req.query.token))) return resetExpired(req, reply);
    return html(reply, 200, newPasswordForm(req, req.query.token));
  }

  async function submitResetRequest(req: FastifyRequest, reply: FastifyReply) {
    // Queued, whoever the address belongs to: the answer and its cost are the same for every address.
    const email = z.object({ email: z.string().trim().max(254) }).safeParse(req.body);
    if (email.success) await requestPasswordReset(accounts, email.data.email);
    return html(reply, 200, resetRequestForm(req, true));
  }

  async function submitNewPassword(req: FastifyRequest, reply: FastifyReply) {
    const body = z.object({ token: z.string().max(100), password: z.string().max(256) }).safeParse(req.body);
    if (!body.success) return html(reply, 400, resetRequestForm(req));
    try {
      const user = await resetPassword(accounts, body.data.token, body.data.password);
      // The link proved the owner: a session at once, whatever throttles stand against the address.
      const sessionToken = await createSession(accounts.db, user.id, accounts.now(), signInMeta(req));
      setSignedIn(reply, { sessionToken, device: await trustDevice(accounts.db, user.id) }, deps.secure);
      return reply.redirect('/account?changed=password', 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      if (err.code === 'weak-password') return html(reply, 400, newPasswordForm(req, body.data.token, err.message));
      return resetExpired(req, reply, err.message);
    }
  }

  async function showEmailChange(req: FastifyRequest<{ Querystring: { token?: string } }>, reply: FastifyReply) {
    const token = req.query.token ?? '';
    const live = await liveToken(accounts.db, token, 'email-change', accounts.now());
    if (!live)
      return expired(req, reply, 'This link has expired or has already been used.', {
        href: '/account',
        label: 'Back to your account',
      });
    return html(
      reply,
      200,
      confirmPage(req, {
        title: 'Confirm your new email',
        lead: `Use ${live.data} for your ${site().name} account from now on.`,
        action: '/account/email/confirm',
        token,
        button: 'Confirm new email',
      }),
    );
  }

  async function submitEmailChange(req: FastifyRequest, reply: FastifyReply) {
    const body = tokenForm.safeParse(req.body);
    try {
      await confirmEmailChange(accounts, body.success ? body.data.token : '');
      return reply.redirect('/account?changed=emailchanged', 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return expired(req, reply, err.message, { href: '/account', label: 'Back to your account' });
    }
  }

  app.get('/verify', showVerify);
  app.post('/verify', submitVerify);
  app.get('/verify/done', verified);
  app.post('/verify/resend', resendVerify);
  app.get('/reset', showReset);
  app.post('/reset', submitResetRequest);
  app.post('/reset/confirm', submitNewPassword);
  app.get('/account/email/confirm', showEmailChange);
  app.post('/account/email/confirm', submitEmailChange);
}
