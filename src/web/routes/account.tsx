// The account page and what it changes: email, password, sessions, data export
// and deletion. Every change needs the current password or the session's CSRF
// token; nothing here can touch another account (ids come from the session).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AccountError,
  changePassword,
  deleteAccount,
  exportAccount,
  requestEmailChange,
  type AccountDeps,
} from '../../members/accounts.ts';
import { listSessions, revokeSession } from '../../members/sessions.ts';
import { clearSessionCookie, SESSION_COOKIE } from '../../http/session.ts';
import { AccountPage } from '../views/account-page.tsx';
import { page } from '../views/shell.tsx';

const NOTICES: Record<string, string> = {
  verify: 'We have sent you a new confirmation link.',
  password: 'Your password has been changed. Other devices have been signed out.',
  email: 'Check the inbox of your new address for a confirmation link.',
  emailchanged: 'Your email address has been changed.',
  revoked: 'That session has been signed out.',
};

const passwordForm = z.object({ current: z.string().max(256), next: z.string().max(256) });
const emailForm = z.object({ email: z.string().max(254), password: z.string().max(256) });
const deleteForm = z.object({ password: z.string().max(256) });
const sessionParams = z.object({ id: z.string().max(64) });

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function accountRoutes(app: FastifyInstance, deps: { accounts: AccountDeps; now: () => number }): void {
  const html = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const signInFirst = (req: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);

  async function render(req: FastifyRequest, reply: FastifyReply, notice: Notice, code = 200) {
    const a = req.account!;
    const sessions = await listSessions(deps.accounts.db, a.user.id, deps.now());
    const view = {
      email: a.user.email,
      verified: !!a.user.email_verified_at,
      membership: a.membership,
      sessionId: a.sessionId,
      sessions,
      csrfToken: req.csrfToken,
      role: a.user.role,
    };
    return html(
      reply,
      code,
      page({ title: 'Your account', signedIn: true, notice, children: <AccountPage {...view} /> }),
    );
  }

  /** Runs an account change, then back to the page with its notice (or the error on the page). */
  async function attempt(req: FastifyRequest, reply: FastifyReply, change: () => Promise<void>, done: string) {
    try {
      await change();
      return reply.redirect(done, 303);
    } catch (err) {
      if (err instanceof AccountError) return render(req, reply, { kind: 'error', text: err.message }, 400);
      throw err;
    }
  }

  async function showAccount(req: FastifyRequest<{ Querystring: Record<string, string> }>, reply: FastifyReply) {
    if (!req.account) return signInFirst(req, reply);
    const key = Object.keys(req.query).find((k) => NOTICES[k] || NOTICES[req.query[k]!]);
    const text = key ? (NOTICES[key] ?? NOTICES[req.query[key]!]) : undefined;
    return render(req, reply, text ? { kind: 'ok', text } : null);
  }

  async function submitPassword(req: FastifyRequest, reply: FastifyReply) {
    if (!req.account) return signInFirst(req, reply);
    const b = passwordForm.safeParse(req.body);
    if (!b.success) return render(req, reply, { kind: 'error', text: 'Fill in both passwords.' }, 400);
    return attempt(
      req,
      reply,
      () => changePassword(deps.accounts, req.account!.user, b.data.current, b.data.next, req.cookies[SESSION_COOKIE]!),
      '/account?changed=password',
    );
  }

  async function submitEmail(req: FastifyRequest, reply: FastifyReply) {
    if (!req.account) return signInFirst(req, reply);
    const b = emailForm.safeParse(req.body);
    if (!b.success) return render(req, reply, { kind: 'error', text: 'Enter the new address and your password.' }, 400);
    return attempt(
      req,
      reply,
      () => requestEmailChange(deps.accounts, req.account!.user, b.data.password, b.data.email),
      '/account?sent=email',
    );
  }

  async function revoke(req: FastifyRequest, reply: FastifyReply) {
    if (!req.account) return signInFirst(req, reply);
    const p = sessionParams.safeParse(req.params);
    const done = p.success && (await revokeSession(deps.accounts.db, req.account.user.id, p.data.id));
    if (!done) return render(req, reply, { kind: 'error', text: 'That session was not found.' }, 404);
    return reply.redirect('/account?done=revoked', 303);
  }

  async function exportData(req: FastifyRequest, reply: FastifyReply) {
    if (!req.account) return signInFirst(req, reply);
    const data = await exportAccount(deps.accounts.db, req.account.user.id);
    return reply
      .header('content-disposition', 'attachment; filename="masthead-account.json"')
      .header('cache-control', 'no-store')
      .type('application/json')
      .send(JSON.stringify(data, null, 2));
  }

  async function deleteForGood(req: FastifyRequest, reply: FastifyReply) {
    if (!req.account) return signInFirst(req, reply);
    const b = deleteForm.safeParse(req.body);
    try {
      await deleteAccount(deps.accounts, req.account.user, b.success ? b.data.password : '');
    } catch (err) {
      if (err instanceof AccountError) return render(req, reply, { kind: 'error', text: err.message }, 400);
      throw err;
    }
    clearSessionCookie(reply);
    return html(
      reply,
      200,
      page({
        title: 'Account deleted',
        signedIn: false,
        notice: { kind: 'ok', text: 'Your account and everything in it have been deleted.' },
        children: (
          <p>
            <a href="/">Back to the front page</a>
          </p>
        ),
      }),
    );
  }

  app.get('/account', showAccount);
  app.post('/account/password', submitPassword);
  app.post('/account/email', submitEmail);
  app.post('/account/sessions/:id/revoke', revoke);
  app.get('/account/export', exportData);
  app.post('/account/delete', deleteForGood);
}
