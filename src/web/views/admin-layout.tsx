// What every admin page shares: the console's navigation, times said the way
// a person reads them, and the health badge of a feed.
import type { ComponentChildren } from 'preact';
import type { FeedHealth } from '../../catalog/feeds.ts';

const SECTIONS = [
  ['/admin', 'Publishers & feeds'],
  ['/admin/users', 'Users'],
  ['/admin/keys', 'API keys'],
  ['/admin/audit', 'Audit log'],
] as const;

export type AdminSection = (typeof SECTIONS)[number][0];

export function AdminFrame({ current, children }: { current: AdminSection; children: ComponentChildren }) {
  return (
    <div class="admin">
      <p class="hint">Admin console</p>
      <nav class="admin-nav" aria-label="Admin console">
        {SECTIONS.map(([href, label]) => (
          <a href={href} aria-current={href === current ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {children}
    </div>
  );
}

const UNITS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'min'],
];

/** "3 hours ago", "in 5 min", "just now"; "never" for no time. */
export function relative(t: number | null, now: number): string {
  if (t === null) return 'never';
  const d = t - now;
  const abs = Math.abs(d);
  if (abs < 60_000) return d > 0 ? 'in under a minute' : 'just now';
  const [size, unit] = UNITS.find(([s]) => abs >= s)!;
  const n = Math.floor(abs / size);
  const label = `${n} ${unit}${n > 1 && unit !== 'min' ? 's' : ''}`;
  return d > 0 ? `in ${label}` : `${label} ago`;
}

export const utc = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

export function When({ t, now }: { t: number | null; now: number }) {
  if (t === null) return <>never</>;
  return (
    <time dateTime={new Date(t).toISOString()} title={`${utc(t)} UTC`}>
      {relative(t, now)}
    </time>
  );
}

const HEALTH_LABEL: Record<FeedHealth, string> = {
  ok: 'Active',
  failing: 'Failing',
  parked: 'Parked',
  disabled: 'Paused',
};

export function HealthBadge({ health }: { health: FeedHealth }) {
  return <span class={`status ${health}`}>{HEALTH_LABEL[health]}</span>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}
