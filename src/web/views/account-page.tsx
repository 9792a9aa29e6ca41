// The account page: who is signed in, membership, email and password, where
// the account is signed in, its data. Every form carries the CSRF token.
import type { Membership } from '../../members/membership.ts';
import { Csrf } from './shell.tsx';

export interface AccountView {
  email: string;
  verified: boolean;
  membership: Membership;
  /** This session's public id (its row says "this device"). */
  sessionId: string;
  sessions: { id: string; user_agent: string | null; last_seen_at: number }[];
  csrfToken: string;
  /** Staff see the way to their console. */
  role?: string;
}

export function membershipLine(m: Membership): string {
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

export function AccountPage(v: AccountView) {
  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{v.email}</strong>
        {v.verified ? '' : ' (not yet confirmed)'}.
      </p>
      {(v.role === 'admin' || v.role === 'editor') && (
        <p>
          {v.role === 'admin' && (
            <>
              <a href="/admin">Admin console</a>: publishers, feeds, users, keys and the audit log ·{' '}
            </>
          )}
          <a href="/editor">Editors’ console</a>
        </p>
      )}
      {!v.verified && (
        <form method="post" action="/verify/resend">
          <Csrf token={v.csrfToken} />
          <p class="hint">Confirm your email so we can reach you about your membership.</p>
          <button class="secondary" type="submit">
            Send the link again
          </button>
        </form>
      )}
      <h2>Membership</h2>
      <p>{membershipLine(v.membership)}</p>
      <p>
        <a href="/plans">
          {v.membership.state === 'active' || v.membership.state === 'cancelling' ? 'Manage your plan' : 'See plans'}
        </a>
      </p>
      <h2>Change email</h2>
      <form method="post" action="/account/email">
        <Csrf token={v.csrfToken} />
        <label for="new-email">New email</label>
        <input id="new-email" name="email" type="email" required autocomplete="email" />
        <label for="email-password">Your password</label>
        <input id="email-password" name="password" type="password" required autocomplete="current-password" />
        <button type="submit">Send confirmation</button>
      </form>
      <h2>Change password</h2>
      <form method="post" action="/account/password">
        <Csrf token={v.csrfToken} />
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
          {v.sessions.map((s) => (
            <tr>
              <td>{(s.user_agent ?? 'Unknown device').slice(0, 60)}</td>
              <td>{new Date(s.last_seen_at).toUTCString().slice(5, 22)}</td>
              <td>
                {s.id === v.sessionId ? (
                  'this device'
                ) : (
                  <form method="post" action={`/account/sessions/${s.id}/revoke`} class="inline">
                    <Csrf token={v.csrfToken} />
                    <button class="secondary inline" type="submit">
                      Sign out
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/signout">
        <Csrf token={v.csrfToken} />
        <button class="secondary" type="submit">
          Sign out of this device
        </button>
      </form>
      <h2>Your data</h2>
      <p>
        <a href="/account/export" download="masthead-account.json">
          Download everything we hold about you (JSON)
        </a>
      </p>
      <form method="post" action="/account/delete">
        <Csrf token={v.csrfToken} />
        <p class="hint">Deleting your account cannot be undone. Download your data first.</p>
        <label for="delete-password">Your password</label>
        <input id="delete-password" name="password" type="password" required autocomplete="current-password" />
        <button class="secondary" type="submit">
          Delete my account
        </button>
      </form>
    </>
  );
}
