// What the admin console's route files share: its dependencies, the page
// every answer is sent in, notices, the way back after a change, refusals.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ComponentChildren } from 'preact';
import type { FeedAddressRules } from '../../catalog/commands.ts';
import { CatalogError } from '../../catalog/publishers.ts';
import type { DB } from '../../db/schema.ts';
import type { ListCache } from '../../http/list-cache.ts';
import { localPath } from '../../http/local-path.ts';
import { AccountError } from '../../members/account-error.ts';
import { page } from '../views/shell.tsx';

export interface AdminDeps {
  db: Kysely<DB>;
  now: () => number;
  lists: ListCache;
  /** where a new feed may point (ALLOW_PRIVATE_FEEDS, ALLOW_FEED_HOSTS) */
  feedRules: FeedAddressRules;
  /** a new feed's first interval (FEED_MIN_INTERVAL_S) */
  feedIntervalS: number;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** An admin page: never cached, never shared. */
export function sendAdmin(
  reply: FastifyReply,
  code: number,
  title: string,
  notice: Notice,
  children: ComponentChildren,
): FastifyReply {
  return reply
    .code(code)
    .header('cache-control', 'private, no-store')
    .type('text/html; charset=utf-8')
    .send(page({ title: `${title} · Admin`, signedIn: true, wide: true, notice, children }));
}

/** The notice a redirect named (`?notice=key`), from the page's own list. */
export function noticeOf(req: FastifyRequest, notices: Record<string, string>): Notice {
  const text = notices[String((req.query as { notice?: unknown }).notice ?? '')];
  return text ? { kind: 'ok', text } : null;
}

/** Back to a page of the console (the form's `back`, when it names one), with a notice. */
export function backWith(back: unknown, fallback: string, notice: string): string {
  const to = localPath(back);
  const path = to && /^\/admin(?:[/?#]|$)/.test(to) ? to.replace(/[?&]notice=[^&#]*/, '') : fallback;
  return `${path}${path.includes('?') ? '&' : '?'}notice=${notice}`;
}

/** A refusal a person can act on (a bad field, the last admin…): shown on the page, not thrown. */
export const isRefusal = (err: unknown): err is Error => err instanceof CatalogError || err instanceof AccountError;
