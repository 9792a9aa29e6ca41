// The audit log in the admin console: every admin and editor change, newest
// first, filtered by who or what, a page at a time.
import type { AuditLine } from '../../members/audit.ts';
import { AdminFrame, Empty, utc } from './admin-layout.tsx';

export interface AuditView {
  lines: AuditLine[];
  next: number | null;
  actors: { id: number; label: string }[];
  actions: string[];
  actor: number | null;
  action: string;
  /** the first page's link when this is a later page */
  first: string | null;
}

export function auditLink(f: { actor: number | null; action: string }, before?: number): string {
  const q = new URLSearchParams();
  if (f.actor !== null) q.set('actor', String(f.actor));
  if (f.action) q.set('action', f.action);
  if (before !== undefined) q.set('before', String(before));
  const s = q.toString();
  return `/admin/audit${s ? `?${s}` : ''}`;
}

function Details({ d }: { d: Record<string, unknown> | null }) {
  if (!d) return null;
  const text = Object.entries(d)
    .map(([k, v]) => `${k}: ${v === null ? 'none' : typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
  return <div class="hint details">{text}</div>;
}

export function AuditPage(v: AuditView) {
  return (
    <AdminFrame current="/admin/audit">
      <h1>Audit log</h1>
      <form method="get" action="/admin/audit" class="row filters">
        <label>
          Who
          <select name="actor">
            <option value="">Anyone</option>
            {v.actors.map((a) => (
              <option value={String(a.id)} selected={v.actor === a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action
          <select name="action">
            <option value="">Any</option>
            {v.actions.map((a) => (
              <option value={a} selected={v.action === a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <button>Filter</button>
      </form>
      {v.lines.length === 0 ? (
        <Empty>
          {v.actor !== null || v.action
            ? 'Nothing matches these filters.'
            : 'Nothing yet: every change an admin or an editor makes is listed here.'}
        </Empty>
      ) : (
        <div class="table-wrap">
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">On</th>
              </tr>
            </thead>
            <tbody>
              {v.lines.map((l) => (
                <tr>
                  <td>
                    <time dateTime={new Date(l.at).toISOString()}>{utc(l.at)}</time>
                  </td>
                  <td>
                    {l.actor ?? 'the command line'}
                    <div class="hint">
                      {l.role ?? ''}
                      {l.ip ? ` · ${l.ip}` : ''}
                    </div>
                  </td>
                  <td>
                    <code>{l.action}</code>
                  </td>
                  <td>
                    {l.target ? `${l.target.label ?? ''} (${l.target.kind} ${l.target.id})` : ''}
                    <Details d={l.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label="Pages">
        {v.first && <a href={v.first}>← Newest</a>}
        {v.next !== null && <a href={auditLink(v, v.next)}>Older →</a>}
      </nav>
    </AdminFrame>
  );
}
