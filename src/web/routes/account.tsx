// The account page: membership, email, password, sessions, data export and
// deletion. Every change needs the current password or the session's CSRF
// token; nothing here can touch another account (ids come from the session).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AccountError, changePassword, deleteAccount, exportAccount, requestEmailChange, type AccountDeps } from '../../members/accounts.ts';
import { listSessions, revokeSession } from '../../members/sessions.ts';
import type { Membership } from '../../members/membership.ts';
import { clearSessionCookie, SESSION_COOKIE } from '../session.ts';
import { Csrf, page } from '../views/shell.tsx';

const NOTICES: Record<string, string> = {
  verify: 'We have sent you a new confirmation link.',
  password: 'Your password has been changed. Other devices have been signed out.',
  email: 'Check the inbox of your new address for a confirmation link.',
  emailchanged: 'Your email address has been changed.',
  revoked: 'That session has been signed out.',
};

function membershipLine(m: Membership): string {
  const until = m.accessUntil ? new Date(m.accessUntil).toUTCString().slice(5, 16) : null;
  switch (m.state) {
    case 'trial':
      return `Free trial: ${m.trialDaysLeft} day${m.trialDaysLeft === 1 ? '' : 's'} left (until ${until}).`;
    case 'active':
      return `Member. Renews on ${until}.`;
    case 'cancelling':
      return `Cancelled: you can read everything until ${until}.`;
    case 'grace':
      return `Your last payment failed. Update your card by ${until} to keep reading.`;
    case 'granted':
      return until ? `Member (granted) until ${until}.` : 'Member (granted).';
    case 'lapsed':
      return 'Your membership has ended. Choose a plan to read everything again.';
    default:
      return 'You are not a member yet.';
  }
}

export function accountRoutes(app: FastifyInstance, deps: { accounts: AccountDeps; now: () => number }): void {
  const html = (reply: FastifyReply, code: number, body: string) => reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const needsAccount = (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.account) {
      void reply.redirect(`/signin?next=${encodeURIComponent(req.url)}`, 303);
      return false;
    }
    return true;
  };

  const render = async (req: FastifyRequest, reply: FastifyReply, notice: { kind: 'ok' | 'error'; text: string } | null, code = 200) => {
    const a = req.account!;
    const sessions = await listSessions(deps.accounts.db, a.user.id, deps.now());
    return html(
      reply,
      code,
      page({
        title: 'Your account',
        signedIn: true,
        notice,
        children: (
          <>
            <h1>Your account</h1>
            <p>
              Signed in as <strong>{a.user.email}</strong>
              {a.user.email_verified_at ? '' : ' (not yet confirmed)'}.
            </p>
            {!a.user.email_verified_at && (
              <form method="post" action="/verify/resend">
                <Csrf token={req.csrfToken} />
                <p class="hint">Confirm your email so we can reach you about your membership.</p>
                <button class="secondary" type="submit">Send the link again</button>
              </form>
            )}
            <h2>Membership</h2>
            <p>{membershipLine(a.membership)}</p>
            <p>
              <a href="/plans">{a.membership.state === 'active' || a.membership.state === 'cancelling' ? 'Manage your plan' : 'See plans'}</a>
            </p>
            <h2>Change email</h2>
            <form method="post" action="/account/email">
              <Csrf token={req.csrfToken} />
              <label for="new-email">New email</label>
              <input id="new-email" name="email" type="email" required autocomplete="email" />
              <label for="email-password">Your password</label>
              <input id="email-password" name="password" type="password" required autocomplete="current-password" />
              <button type="submit">Send confirmation</button>
            </form>
            <h2>Change password</h2>
            <form method="post" action="/account/password">
              <Csrf token={req.csrfToken} />
              <label for="current">Current password</label>
              <input id="current" name="current" type="password" required autocomplete="current-password" />
              <label for="next">New password</label>
              <input id="next" name="next" type="password" required minLength={10} autocomplete="new-password" />
              <button type="submit">Change password</button>
            </form>
            <h2>Where you are signed in</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Last seen</th>
                  <th scope="col"></th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr>
                    <td>{(s.user_agent ?? 'Unknown device').slice(0, 60)}</td>
                    <td>{new Date(s.last_seen_at).toUTCString().slice(5, 22)}</td>
                    <td>
                      {s.id === a.sessionId ? (
                        'this device'
                      ) : (
                        <form method="post" action={`/account/sessions/${s.id}/revoke`} class="inline">
                          <Csrf token={req.csrfToken} />
                          <button class="secondary inline" type="submit">Sign out</button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <form method="post" action="/signout">
              <Csrf token={req.csrfToken} />
              <button class="secondary" type="submit">Sign out of this device</button>
            </form>
            <h2>Your data</h2>
            <p>
              <a href="/account/export" download="masthead-account.json">Download everything we hold about you (JSON)</a>
            </p>
            <form method="post" action="/account/delete">
              <Csrf token={req.csrfToken} />
              <p class="hint">Deleting your account cannot be undone. Download your data first.</p>
              <label for="delete-password">Your password</label>
              <input id="delete-password" name="password" type="password" required autocomplete="current-password" />
              <button class="secondary" type="submit">Delete my account</button>
            </form>
          </>
        ),
      }),
    );
  };

  app.get<{ Querystring: Record<string, string> }>('/account', async (req, reply) => {
    if (!needsAccount(req, reply)) return reply;
    const key = Object.keys(req.query).find((k) => NOTICES[k] || NOTICES[req.query[k]!]);
    const text = key ? (NOTICES[key] ?? NOTICES[req.query[key]!]) : undefined;
    return render(req, reply, text ? { kind: 'ok', text } : null);
  });

  const attempt = async (req: FastifyRequest, reply: FastifyReply, fn: () => Promise<void>, done: string) => {
    try {
      await fn();
      return reply.redirect(done, 303);
    } catch (err) {
      if (err instanceof AccountError) return render(req, reply, { kind: 'error', text: err.message }, 400);
      throw err;
    }
  };

  app.post('/account/password', async (req, reply) => {
    if (!needsAccount(req, reply)) return reply;
    const b = z.object({ current: z.string().max(256), next: z.string().max(256) }).safeParse(req.body);
    if (!b.success) return render(req, reply, { kind: 'error', text: 'Fill in both passwords.' }, 400);
    return attempt(req, reply, () => changePassword(deps.accounts, req.account!.user, b.data.current, b.data.next, req.cookies[SESSION_COOKIE]!), '/account?changed=password');
  });

  app.post('/account/email', async (req, reply) => {
    if (!needsAccount(req, reply)) return reply;
    const b = z.object({ email: z.string().max(254), password: z.string().max(256) }).safeParse(req.body);
    if (!b.success) return render(req, reply, { kind: 'error', text: 'Enter the new address and your password.' }, 400);
    return attempt(req, reply, () => requestEmailChange(deps.accounts, req.account!.user, b.data.password, b.data.email), '/account?sent=email');
  });

  app.post<{ Params: { id: string } }>('/account/sessions/:id/revoke', async (req, reply) => {
    if (!needsAccount(req, reply)) return reply;
    const done = await revokeSession(deps.accounts.db, req.account!.user.id, req.params.id);
    if (!done) return render(req, reply, { kind: 'error', text: 'That session was not found.' }, 404);
    return reply.redirect('/account?done=revoked', 303);
  });

  app.get('/account/export', async (req, reply) => {
    if (!needsAccount(req, reply)) return reply;
    const data = await exportAccount(deps.accounts.db, req.account!.user.id);
    return reply.header('content-disposition', 'attachment; filename="masthead-account.json"').header('cache-control', 'no-store').type('application/json').send(JSON.stringify(data, null, 2));
  });

  app.post('/account/delete', async (req, reply) => {
    if (!needsAccount(req, reply)) return reply;
    const b = z.object({ password: z.string().max(256) }).safeParse(req.body);
    try {
      await deleteAccount(deps.accounts, req.account!.user, b.success ? b.data.password : '');
    } catch (err) {
      if (err instanceof AccountError) return render(req, reply, { kind: 'error', text: err.message }, 400);
      throw err;
    }
    clearSessionCookie(reply);
    return html(reply, 200, page({ title: 'Account deleted', signedIn: false, notice: { kind: 'ok', text: 'Your account and everything in it have been deleted.' }, children: <p><a href="/">Back to the front page</a></p> }));
  });
}
