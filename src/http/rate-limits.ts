// Rate limits on every route that costs us (mail, a password hash, a search, a fetch) or that a script
// could abuse (read beacons, the push API), per client address (the trusted one: TRUST_PROXY), with
// @fastify/rate-limit. The limits are listed here, in one table, and attached to the routes as they
// are registered. On PostgreSQL the counts live in the database (the throttles table), so any number
// of web processes share them; on SQLite there is one web process and they are kept in memory.
// These sit in front of the finer throttles inside (sign-in per account and device, reset mail per
// account, reads per member): a limit here says nothing about whether an email address exists.
import rateLimit, { type FastifyRateLimitOptions, type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import { countAttempt, type ThrottleRule } from '../members/throttle.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Route (method and pattern, as registered) → how many requests one client address may make in a window. */
export const RATE_LIMITS: Record<string, ThrottleRule> = {
  // Accounts: each of these hashes a password or queues mail.
  'POST /signup': { max: 10, windowMs: HOUR },
  'POST /signin': { max: 60, windowMs: 15 * MINUTE },
  'POST /reset': { max: 10, windowMs: HOUR },
  'POST /reset/confirm': { max: 20, windowMs: HOUR },
  'POST /verify': { max: 20, windowMs: HOUR },
  'POST /verify/resend': { max: 10, windowMs: HOUR },
  'POST /account/email': { max: 10, windowMs: HOUR },
  'POST /account/email/confirm': { max: 20, windowMs: HOUR },
  'POST /account/password': { max: 20, windowMs: HOUR },
  'POST /account/delete': { max: 10, windowMs: HOUR },
  'GET /account/export': { max: 20, windowMs: HOUR },
  'POST /plans/:slug/checkout': { max: 20, windowMs: HOUR },
  // Reading: a search is the costliest page; beacons and the API are for scripts by nature.
  'GET /search': { max: 60, windowMs: MINUTE },
  'POST /api/v1/reads/token': { max: 120, windowMs: MINUTE },
  'POST /api/v1/reads': { max: 120, windowMs: MINUTE },
  'GET /api/v1/articles/:id': { max: 300, windowMs: MINUTE },
  // Publishers' systems push in bursts; a key that leaks still cannot flood the store.
  'PUT /api/v1/publisher/articles/:id': { max: 600, windowMs: MINUTE },
  'POST /api/v1/publisher/articles': { max: 600, windowMs: MINUTE },
  'DELETE /api/v1/publisher/articles/:id': { max: 600, windowMs: MINUTE },
  // A cached image is cheap; an image not yet cached is a fetch and a resize.
  'GET /img/:sig/:width/*': { max: 1200, windowMs: MINUTE },
};

/** A client's key: its address; an IPv6 client is counted by its /64 (one subscriber's whole network). */
export function clientKey(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The counts in the database, shared by every process: one atomic statement per request. */
function databaseStore(db: Kysely<DB>, now: () => number) {
  class DatabaseStore implements FastifyRateLimitStore {
    private route = '';
    constructor(_options: FastifyRateLimitOptions) {}
    incr(
      key: string,
      cb: (err: Error | null, res?: { current: number; ttl: number }) => void,
      windowMs?: number,
    ): void {
      const at = now();
      countAttempt(db, `rl:${this.route}:${key}`, windowMs ?? MINUTE, at).then(
        ({ hits, resetAt }) => cb(null, { current: hits, ttl: Math.max(0, resetAt - at) }),
        (err: Error) => cb(err),
      );
    }
    child(params: RouteOptions & { path: string; prefix: string }): FastifyRateLimitStore {
      // The plugin hands a child the route's merged options, the route itself under routeInfo.
      const r = (params as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? params;
      const store = new DatabaseStore({});
      store.route = `${[r.method ?? ''].flat().join(',')} ${r.url ?? ''}`;
      return store;
    }
  }
  return DatabaseStore;
}

class TooManyRequests extends Error {
  readonly statusCode = 429;
  constructor(after: string) {
    super(`Too many requests from your address. Please try again in ${after}.`);
    this.name = 'TooManyRequests';
  }
}

export interface RateLimitDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  now?: () => number;
  /** Replaces the table (tests). */
  limits?: Record<string, ThrottleRule>;
}

/** Call before any route is added: the limits attach to routes as they are registered. */
export async function rateLimits(app: FastifyInstance, deps: RateLimitDeps): Promise<void> {
  const limits = deps.limits ?? RATE_LIMITS;
  // Runs before the plugin's own hook (hooks run in the order they were added): give each listed route its limit.
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      const rule = limits[`${method} ${route.url}`];
      if (rule) route.config = { ...(route.config as object), rateLimit: { max: rule.max, timeWindow: rule.windowMs } };
    }
  });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (req: FastifyRequest) => clientKey(req.ip),
    ...(deps.dialect === 'postgres' ? { store: databaseStore(deps.db, deps.now ?? Date.now) } : { cache: 10_000 }),
    // A database that does not answer must not take the site down with it: the request goes ahead.
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) => new TooManyRequests(ctx.after),
  });
}
