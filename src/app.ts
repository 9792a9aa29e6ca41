// The runtime context every command shares: configuration, database, logger,
// fetcher. Built once at the edge and passed in; nothing below imports it.
import fs from 'node:fs';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { createFetcher } from './ingest/fetch/fetcher.ts';
import type { Fetcher } from './ingest/fetch/types.ts';
import { createLogger, type Logger } from './log.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { setSite } from './site.ts';

export interface AppContext {
  config: Config;
  database: Database;
  /** What the background jobs use: on PostgreSQL a pool of its own (DB_INGEST_POOL_SIZE), so ingest cannot starve the web server; on SQLite the same one. */
  ingestDatabase: Database;
  log: Logger;
  fetcher: Fetcher & { close(): void };
  mailer: Mailer;
  /** Absolute base for links in mail and feeds: PUBLIC_URL, else this machine. */
  baseUrl: string;
  close(): Promise<void>;
}

export function createContext(
  config: Config,
  opts: { log?: Logger; busyTimeoutMs?: number; /** make DATA_DIR if missing (default: yes) */ create?: boolean } = {},
): AppContext {
  if (opts.create !== false) fs.mkdirSync(config.dataDir, { recursive: true });
  setSite(config.site);
  const log = opts.log ?? createLogger(config.logLevel);
  const database = openDatabase(
    config.database.kind === 'sqlite'
      ? { kind: 'sqlite', file: config.database.file, busyTimeoutMs: opts.busyTimeoutMs }
      : { kind: 'postgres', url: config.database.url, poolSize: config.pool.web },
  );
  // A pool opens its connections when first used: a process that only serves never opens the ingest pool.
  const ingestDatabase =
    config.database.kind === 'sqlite'
      ? database
      : openDatabase({ kind: 'postgres', url: config.database.url, poolSize: config.pool.ingest });
  const fetcher = createFetcher({
    userAgent: config.fetch.userAgent,
    timeoutMs: config.fetch.timeoutMs,
    maxBytes: config.fetch.maxBytes,
    perHost: config.fetch.perHost,
    allowPrivate: config.allowPrivateFeeds,
    allowHosts: config.fetch.allowHosts,
  });
  const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, dataDir: config.dataDir, log });
  return {
    config,
    database,
    ingestDatabase,
    log,
    fetcher,
    mailer,
    baseUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    async close() {
      fetcher.close();
      mailer.close();
      if (ingestDatabase !== database) await ingestDatabase.close();
      await database.close();
    },
  };
}
