// The admin console's people and keys: accounts and their roles (search,
// change a role), and publishers' push-API keys (issue, shown once; revoke).
import type { PublisherRow, UserRow } from '../../db/schema.ts';
import { ROLES } from '../../members/policies.ts';
import { AdminFrame, Empty, utc } from './admin-layout.tsx';
import { Csrf } from './shell.tsx';

export interface UsersView {
  users: UserRow[];
  publishers: PublisherRow[];
  q: string;
  role: string;
  page: number;
  more: boolean;
  me: number;
  csrfToken: string;
}

const ROLE_LABEL: Record<string, string> = {
  member: 'Member',
  editor: 'Editor',
  publisher: 'Publisher',
  admin: 'Admin',
};

function pageLink(v: UsersView, page: number): string {
  const q = new URLSearchParams();
  if (v.q) q.set('q', v.q);
  if (v.role) q.set('role', v.role);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return `/admin/users${s ? `?${s}` : ''}`;
}

function RoleForm({ u, v }: { u: UserRow; v: UsersView }) {
  return (
    <form method="post" action={`/admin/users/${u.id}/role`} class="row">
      <Csrf token={v.csrfToken} />
      <input type="hidden" name="back" value={pageLink(v, v.page)} />
      <label>
        Role
        <select name="role" aria-label={`Role of ${u.email}`}>
          {ROLES.map((r) => (
            <option value={r} selected={u.role === r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Publisher (for the publisher role)
        <select name="publisher" aria-label={`Publisher of ${u.email}`}>
          <option value="">None</option>
          {v.publishers.map((p) => (
            <option value={String(p.id)} selected={u.publisher_id === p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button class="secondary">Change role</button>
    </form>
  );
}

export function UsersPage(v: UsersView) {
  const publisherName = new Map(v.publishers.map((p) => [p.id, p.name]));
  return (
    <AdminFrame current="/admin/users">
      <h1>Users</h1>
      <form method="get" action="/admin/users" class="row filters" role="search">
        <label>
          Email or name <input type="search" name="q" value={v.q} maxLength={200} />
        </label>
        <label>
          Role
          <select name="role">
            <option value="">Any</option>
            {ROLES.map((r) => (
              <option value={r} selected={v.role === r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <button>Search</button>
      </form>
      {v.users.length === 0 ? (
        <Empty>{v.q || v.role ? 'No account matches. Try part of the address.' : 'No accounts yet.'}</Empty>
      ) : (
        <ul class="feeds">
          {v.users.map((u) => (
            <li>
              <div class="feed-head">
                <strong>{u.email}</strong> {u.id === v.me && <span class="hint">(you)</span>}
              </div>
              <div class="facts">
                <span class={`status role-${u.role}`}>{ROLE_LABEL[u.role] ?? u.role}</span>
                {u.publisher_id !== null && (
                  <span>{publisherName.get(u.publisher_id) ?? `publisher #${u.publisher_id}`}</span>
                )}
                {u.display_name && <span>{u.display_name}</span>}
                <span>joined {utc(u.created_at).slice(0, 10)}</span>
                <span>{u.email_verified_at ? 'address confirmed' : 'address not confirmed'}</span>
              </div>
              <RoleForm u={u} v={v} />
            </li>
          ))}
        </ul>
      )}
      <nav class="pager" aria-label="Pages">
        {v.page > 1 && <a href={pageLink(v, v.page - 1)}>← Newer</a>}
        {v.more && <a href={pageLink(v, v.page + 1)}>Older →</a>}
      </nav>
    </AdminFrame>
  );
}

export interface KeysView {
  publishers: PublisherRow[];
  /** a key just issued: shown this once */
  issued: { publisher: string; key: string } | null;
  csrfToken: string;
}

export function KeysPage(v: KeysView) {
  return (
    <AdminFrame current="/admin/keys">
      <h1>Push-API keys</h1>
      <p class="hint">
        A publisher sends its articles with its key as <code>Authorization: Bearer mh_…</code> to{' '}
        <code>/api/v1/publisher/articles</code>. Keys are stored hashed: a new key is shown once, and replaces the
        previous one.
      </p>
      {v.issued && (
        <section class="issued" aria-labelledby="issued-h">
          <h2 id="issued-h">New key for {v.issued.publisher}</h2>
          <p>Copy it now and send it to the publisher safely: it cannot be shown again.</p>
          <p>
            <code class="key">{v.issued.key}</code>
          </p>
        </section>
      )}
      {v.publishers.length === 0 ? (
        <Empty>
          No publishers yet: <a href="/admin/publishers/new">add one</a> before issuing its key.
        </Empty>
      ) : (
        <ul class="feeds">
          {v.publishers.map((p) => (
            <li>
              <div class="feed-head">
                <strong>{p.name}</strong> <span class="hint">{p.slug}</span>
              </div>
              <div class="facts">
                {p.api_key_prefix ? <code>{`mh_${p.api_key_prefix}_…`}</code> : <span>No key</span>}
              </div>
              <div class="row">
                <form method="post" action={`/admin/keys/${p.id}`}>
                  <Csrf token={v.csrfToken} />
                  <button class={p.api_key_prefix ? 'secondary' : undefined}>
                    {p.api_key_prefix ? 'Replace key' : 'Issue key'}
                  </button>
                </form>
                {p.api_key_prefix && (
                  <form method="post" action={`/admin/keys/${p.id}/revoke`}>
                    <Csrf token={v.csrfToken} />
                    <button class="danger">Revoke</button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </AdminFrame>
  );
}
