// What every route group is handed by the server's assembly (src/server.tsx):
// the services a request may use, built once per server.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { ReadCounting } from '../curation/read-counting.ts';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { JobState } from '../jobs/scheduler.ts';
import type { AccessPolicy } from '../members/access.ts';
import type { AccountDeps } from '../members/accounts.ts';
import type { BillingProvider } from '../members/billing/types.ts';
import type { ReadingHistory } from '../members/reading-history.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { ListCache } from './list-cache.ts';

export interface HttpContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  now: () => number;
  /** Absolute base for links (PUBLIC_URL, else this machine). */
  baseUrl: string;
  /** Served over https: cookies are Secure, HSTS is sent. */
  secure: boolean;
  /** The paywall's settings. */
  policy: AccessPolicy;
  lists: ListCache;
  reads: ReadCounting;
  history: ReadingHistory;
  accounts: AccountDeps;
  billing: BillingProvider;
  /** Live state of this process's background jobs, when it runs them. */
  jobs?: () => JobState[] | null;
  /** The demo content's fixed "now" (demo/install.ts). */
  demoEpoch?: () => number;
  /** This process's metrics (and the cached summary /healthz answers from). */
  metrics: Metrics;
}
