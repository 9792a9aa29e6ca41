// Environment → typed, validated configuration. Every setting has a default
// that suits the embedded install; a bad value stops the process with a
// message naming the variable, never a stack trace.
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_SITE, type Site } from './site.ts';

/**
 * TRUST_PROXY: whose word to take for the client's address (X-Forwarded-For). Off by default: the
 * address is the connection's own, which nobody can forge. Behind a reverse proxy, name it (its
 * addresses or networks, comma-separated), or the number of proxy hops in front of Masthead.
 */
export type TrustProxy = false | number | string[];

const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): TrustProxy => {
    const lower = v.toLowerCase();
    if (['', '0', 'false', 'no', 'off'].includes(lower)) return false;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const list = v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const bad = list.filter((x) => {
      const [addr, bits, ...rest] = x.split('/');
      const kind = net.isIP(addr ?? '');
      return (
        !kind ||
        rest.length > 0 ||
        (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128)))
      );
    });
    if (bad.length || !list.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `expected the proxy's addresses or networks (e.g. 127.0.0.1,10.0.0.0/8) or a number of hops${bad.length ? `; not an address: ${bad.join(', ')}` : ''}`,
      });
      return z.NEVER;
    }
    return list;
  });

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v, ctx) => {
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected true/false (or 1/0, yes/no, on/off)' });
    return z.NEVER;
  });

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const schema = z.object({
  PORT: int(0, 65535).default('3000'),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine(
      (v) => v === '' || /^postgres(ql)?:\/\//.test(v),
      'expected postgres://… (or unset for SQLite under DATA_DIR)',
    )
    .default(''),
  DEMO: bool.optional(),
  ALLOW_PRIVATE_FEEDS: bool.default('false'),
  PUBLIC_URL: z.string().trim().url('expected an absolute URL such as https://news.example.org').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLE: z.enum(['all', 'serve', 'ingest']).default('all'),
  TRUST_PROXY: trustProxy.default('false'),
  FETCH_TIMEOUT_MS: int(100, 600_000).default('20000'),
  FETCH_MAX_BYTES: int(1024, 1024 * 1024 * 1024).default(String(20 * 1024 * 1024)),
  FETCH_PER_HOST: int(1, 64).default('2'),
  FETCH_CONCURRENCY: int(1, 512).default('16'),
  FEED_MIN_INTERVAL_S: int(60, 7 * 86400).default('300'),
  FEED_MAX_INTERVAL_S: int(60, 30 * 86400).default('86400'),
  FEED_PARK_AFTER: int(1, 1000).default('10'),
  USER_AGENT: z.string().trim().min(1).optional(),
  ALLOW_FEED_HOSTS: z.string().trim().default(''),
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\//, 'expected smtp://user:pass@host:587 or smtps://…')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default('Masthead <no-reply@masthead.local>'),
  SITE_NAME: z.string().trim().min(1).max(60).default(DEFAULT_SITE.name),
  SITE_TAGLINE: z.string().trim().min(1).max(200).default(DEFAULT_SITE.tagline),
  SITE_OFFER: z.string().trim().min(1).max(400).default(DEFAULT_SITE.offer),
  CURRENCY: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO currency code such as EUR, GBP or USD')
    .default(DEFAULT_SITE.currency),
  TRIAL_DAYS: int(0, 365).default('14'),
  GRACE_DAYS: int(0, 60).default('7'),
  FREE_ARTICLES_PER_MONTH: int(0, 1000).default('0'),
  READ_SECONDS: int(1, 600).default('15'),
  READ_SHARE_PERCENT: int(1, 100).default('60'),
  TRENDING_HALF_LIFE_H: int(1, 168).default('6'),
  BILLING_PROVIDER: z.enum(['manual', 'stripe']).default('manual'),
  STRIPE_SECRET_KEY: z.string().trim().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().trim().optional(),
  DB_POOL_SIZE: int(1, 1000).default('10'),
  DB_INGEST_POOL_SIZE: int(1, 1000).default('4'),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default('10000'),
  METRICS_TOKEN: z.string().trim().min(16, 'expected at least 16 characters (e.g. openssl rand -hex 24)').optional(),
  METRICS_PORT: int(1, 65535).optional(),
  METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  demo: boolean;
  allowPrivateFeeds: boolean;
  publicUrl: string | undefined;
  /** Why others reach this install, so its links need PUBLIC_URL (see exposure()); undefined for a local one. */
  exposedBecause: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  role: 'all' | 'serve' | 'ingest';
  /** whose X-Forwarded-For to believe (false: nobody's) */
  trustProxy: TrustProxy;
  fetch: {
    timeoutMs: number;
    maxBytes: number;
    perHost: number;
    concurrency: number;
    userAgent: string;
    allowHosts: string[];
  };
  schedule: { minIntervalS: number; maxIntervalS: number; parkAfter: number };
  mail: { smtpUrl: string | undefined; from: string };
  /** the operator's own name, tagline, offer and currency (site.ts) */
  site: Site;
  membership: { trialDays: number; graceDays: number; freeArticlesPerMonth: number };
  /** qualified read thresholds and the top-stories half-life */
  curation: { readSeconds: number; readSharePercent: number; trendingHalfLifeMs: number };
  billing: { provider: 'manual' } | { provider: 'stripe'; secretKey: string; webhookSecret: string };
  /** PostgreSQL connections: the web server's pool, and the background jobs' own (so ingest cannot starve pages) */
  pool: { web: number; ingest: number };
  /** after SIGTERM, how long to finish or abandon work before exiting anyway */
  shutdownTimeoutMs: number;
  /** /metrics: on the site's port with the token only; on a port of its own (METRICS_PORT) for internal addresses */
  metrics: { token: string | undefined; port: number | undefined; host: string };
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/i;

/**
 * The rule for "an install others use", whose links (mail, feeds, sitemap, canonical tags) must carry
 * PUBLIC_URL: NODE_ENV=production, or a PostgreSQL database (DATABASE_URL), or HOST set to an interface
 * that is not loopback. The default embedded install (HOST unset, SQLite) is a local trial and only warned.
 */
export function exposure(o: {
  host: string | undefined;
  postgres: boolean;
  nodeEnv: string | undefined;
}): string | undefined {
  if (o.nodeEnv === 'production') return 'NODE_ENV=production';
  if (o.postgres) return 'DATABASE_URL is set';
  if (o.host !== undefined && !LOOPBACK.test(o.host)) return `HOST=${o.host} listens beyond this machine`;
  return undefined;
}

/** At start: refuse an exposed install without PUBLIC_URL (a ConfigError), or the warning for a local one. */
export function checkPublicUrl(config: Pick<Config, 'publicUrl' | 'exposedBecause' | 'port'>): string | undefined {
  if (config.publicUrl) return undefined;
  const links = `links in mail, feeds, the sitemap, robots.txt and canonical tags point at http://localhost:${config.port}`;
  if (config.exposedBecause)
    throw new ConfigError([
      `PUBLIC_URL is not set, and this install is not only local (${config.exposedBecause}): ${links}, which nobody else can open. ` +
        'Set PUBLIC_URL to the address readers use, e.g. PUBLIC_URL=https://news.example.org',
    ]);
  return `PUBLIC_URL is not set: ${links}, which work on this machine only. Set PUBLIC_URL before others use this site.`;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

import { VERSION } from './version.ts';

export { VERSION };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Unset and empty both mean "use the default".
  const cleaned = Object.fromEntries(
    Object.keys(schema.shape).flatMap((k) => (env[k] !== undefined && env[k] !== '' ? [[k, env[k]]] : [])),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  if (e.FEED_MIN_INTERVAL_S > e.FEED_MAX_INTERVAL_S) {
    throw new ConfigError([
      `FEED_MIN_INTERVAL_S (${e.FEED_MIN_INTERVAL_S}) is larger than FEED_MAX_INTERVAL_S (${e.FEED_MAX_INTERVAL_S})`,
    ]);
  }
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT === e.PORT) {
    throw new ConfigError([
      `METRICS_PORT (${e.METRICS_PORT}) is the site's own PORT: give metrics a port of their own`,
    ]);
  }
  if (e.BILLING_PROVIDER === 'stripe' && (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET)) {
    throw new ConfigError([
      'BILLING_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (from the Stripe dashboard)',
    ]);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'sqlite', file: path.join(dataDir, 'masthead.sqlite') };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    // Demo content is the embedded default's first-run experience; a PostgreSQL
    // install is a real deployment and starts empty unless asked.
    demo: e.DEMO ?? database.kind === 'sqlite',
    allowPrivateFeeds: e.ALLOW_PRIVATE_FEEDS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    exposedBecause: exposure({
      host: env.HOST?.trim() || undefined,
      postgres: database.kind === 'postgres',
      nodeEnv: env.NODE_ENV,
    }),
    logLevel: e.LOG_LEVEL,
    role: e.ROLE,
    trustProxy: e.TRUST_PROXY,
    fetch: {
      timeoutMs: e.FETCH_TIMEOUT_MS,
      maxBytes: e.FETCH_MAX_BYTES,
      perHost: e.FETCH_PER_HOST,
      concurrency: e.FETCH_CONCURRENCY,
      userAgent: e.USER_AGENT ?? `Masthead/${VERSION} (news feed fetcher${e.PUBLIC_URL ? `; +${e.PUBLIC_URL}` : ''})`,
      allowHosts: e.ALLOW_FEED_HOSTS.split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    },
    schedule: {
      minIntervalS: e.FEED_MIN_INTERVAL_S,
      maxIntervalS: e.FEED_MAX_INTERVAL_S,
      parkAfter: e.FEED_PARK_AFTER,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    site: {
      name: e.SITE_NAME,
      tagline: e.SITE_TAGLINE,
      offer: e.SITE_OFFER,
      currency: e.CURRENCY,
      trialDays: e.TRIAL_DAYS,
    },
    membership: { trialDays: e.TRIAL_DAYS, graceDays: e.GRACE_DAYS, freeArticlesPerMonth: e.FREE_ARTICLES_PER_MONTH },
    curation: {
      readSeconds: e.READ_SECONDS,
      readSharePercent: e.READ_SHARE_PERCENT,
      trendingHalfLifeMs: e.TRENDING_HALF_LIFE_H * 3_600_000,
    },
    pool: { web: e.DB_POOL_SIZE, ingest: e.DB_INGEST_POOL_SIZE },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    billing:
      e.BILLING_PROVIDER === 'stripe'
        ? { provider: 'stripe', secretKey: e.STRIPE_SECRET_KEY!, webhookSecret: e.STRIPE_WEBHOOK_SECRET! }
        : { provider: 'manual' },
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT, host: e.METRICS_HOST },
  };
}
