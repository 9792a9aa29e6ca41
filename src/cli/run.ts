// Long-running roles and the schema: start (everything), serve, migrate.
import { Command } from 'commander';
import { createContext, type AppContext } from '../app.ts';
import { checkPublicUrl, loadConfig, type Config } from '../config.ts';
import { assertSchemaCurrent, assertSchemaPresent, migrate, schemaState } from '../db/migrate.ts';
import { demoEpoch, installDemo } from '../demo/install.ts';
import { createNotifier } from '../db/notify.ts';
import { leaseOwner } from '../ingest/cycle.ts';
import { backgroundJobs } from '../jobs/background.ts';
import { startScheduler, type Scheduler } from '../jobs/scheduler.ts';
import { listenForMetrics } from '../metrics/listener.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { summaryCache } from '../metrics/summary.ts';
import { buildServer } from '../server.tsx';
import { bold, dim, green, yellow } from './format.ts';
import { watchForShutdown } from './shutdown.ts';

/**
 * Opens the context, runs fn, always closes. A command waits up to half a minute for a running
 * server's write to finish (SQLite has one writer at a time), rather than failing at once.
 * `schema`: 'require' (the default) refuses a database without Masthead's schema and creates nothing, so a
 * command run without the server's DATA_DIR says so instead of leaving an empty database behind; 'create'
 * (start, migrate, restore) may make DATA_DIR and the database; 'none' opens no database file at all.
 * `makeDataDir`: a long-running process (serve, ingest) keeps images and mail under DATA_DIR even on PostgreSQL.
 */
export async function withContext<T>(
  fn: (ctx: AppContext) => Promise<T>,
  opts: { quiet?: boolean; schema?: 'require' | 'create' | 'none'; makeDataDir?: boolean } = {},
): Promise<T> {
  const schema = opts.schema ?? 'require';
  const loaded = loadConfig();
  const config: Config = {
    ...loaded,
    logLevel: opts.quiet ? 'warn' : loaded.logLevel,
    database: schema === 'none' ? { kind: 'sqlite', file: ':memory:' } : loaded.database,
  };
  if (schema === 'require' && config.database.kind === 'sqlite')
    await assertSchemaPresent({ sqlite: config.database.file });
  const ctx = createContext(config, { busyTimeoutMs: 30_000, create: schema === 'create' || opts.makeDataDir });
  try {
    if (schema === 'require' && ctx.database.dialect === 'postgres')
      await assertSchemaPresent({ database: ctx.database });
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

async function run(ctx: AppContext, roles: { serve: boolean; ingest: boolean }): Promise<void> {
  const { config, log } = ctx;
  const warning = checkPublicUrl(config);
  if (warning) process.stderr.write(`${bold(yellow(`warning: ${warning}`))}\n`);
  const shutdown = watchForShutdown(log, { timeoutMs: config.shutdownTimeoutMs });
  let jobs: Scheduler | undefined;
  // Cache clears travel between web processes (PostgreSQL's LISTEN/NOTIFY; in-process on SQLite).
  const notifier = roles.serve
    ? createNotifier(ctx.database, { onError: (err) => log.warn({ err }, 'change bus connection lost; reconnecting') })
    : undefined;
  // One registry per process: its web answers and its jobs; METRICS_PORT serves it on a port of its own.
  const metrics = createMetrics({ summary: summaryCache(ctx.database), processMetrics: true });
  const metricsPort = config.metrics.port
    ? await listenForMetrics(metrics, {
        port: config.metrics.port,
        host: config.metrics.host,
        token: config.metrics.token,
      })
    : undefined;
  const epoch = config.demo ? await demoEpoch(ctx.database.db) : Date.now();
  const server = roles.serve
    ? await buildServer({
        config,
        database: ctx.database,
        log,
        jobs: () => jobs?.status() ?? null,
        demoEpoch: () => epoch,
        mailer: ctx.mailer,
        baseUrl: ctx.baseUrl,
        metrics,
        notifier,
      })
    : undefined;
  if (server) {
    await server.listen({ port: config.port, host: config.host });
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const port = (server.server.address() as { port: number }).port;
    process.stderr.write(
      `${green('Masthead is running')} at ${bold(`http://${shown}:${port}`)} ${dim(`(${ctx.database.describe})`)}\n`,
    );
  }
  if (config.demo && roles.serve) {
    // The demo source is served by this very process, so its feeds exist only once it listens.
    const port = (server!.server.address() as { port: number }).port;
    const installed = await installDemo(ctx.database, {
      baseUrl: `http://127.0.0.1:${port}`,
      intervalS: config.schedule.minIntervalS,
      trialDays: config.membership.trialDays,
    });
    if (installed.created)
      process.stderr.write(
        `Demo content: ${installed.publishers} publishers, ${installed.feeds} feeds; first articles arrive in a few seconds.\n`,
      );
    if (installed.accounts.length) {
      process.stderr.write(`\nDemo accounts (passwords shown this once; sign in at /signin):\n`);
      for (const a of installed.accounts)
        process.stderr.write(`  ${a.role.padEnd(7)} ${a.email.padEnd(30)} ${bold(a.password)}\n`);
      process.stderr.write('\n');
    }
  }
  if (roles.ingest) {
    const owner = leaseOwner();
    jobs = startScheduler(
      { db: ctx.ingestDatabase.db, log, owner, onRun: metrics.jobRan },
      backgroundJobs(
        { ...ctx, database: ctx.ingestDatabase, mailer: metrics.countMail(ctx.mailer) },
        { owner, onFeed: metrics.feedRefreshed },
      ),
    );
  }

  // Stopping: no new requests or runs; fetches in flight are cancelled, the curation pass stops between
  // articles, mail between messages; leases are handed back and buffered reads written before the database closes.
  await shutdown.requested;
  await Promise.all([jobs?.stop(), server?.close()]);
  await notifier?.close();
  await metricsPort?.close();
  shutdown.done();
}

export function startCommand(): Command {
  return new Command('start')
    .description(
      'Bring the schema up to date, load demo content on a first run (DEMO), then serve and ingest: the one command for a small install',
    )
    .action(async () => {
      checkPublicUrl(loadConfig());
      await withContext(
        async (ctx) => {
          const applied = await migrate(ctx.database);
          if (applied.length) ctx.log.info({ applied: applied.map((m) => m.name) }, 'schema migrated');
          await run(ctx, { serve: ctx.config.role !== 'ingest', ingest: ctx.config.role !== 'serve' });
        },
        { schema: 'create' },
      );
    });
}

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Run the web and API server, and ingestion unless --no-ingest (refuses a schema that is not current: run migrate first)',
    )
    .option('--no-ingest', 'serve only; leave feeds to `masthead ingest` processes')
    .action(async (opts: { ingest: boolean }) => {
      checkPublicUrl(loadConfig());
      await withContext(
        async (ctx) => {
          await assertSchemaCurrent(ctx.database);
          await run(ctx, { serve: true, ingest: opts.ingest });
        },
        { makeDataDir: true },
      );
    });
}

export function ingestCommand(): Command {
  return new Command('ingest')
    .description('Run ingestion only: refresh due feeds until stopped (run several, on PostgreSQL, to share the work)')
    .action(async () => {
      checkPublicUrl(loadConfig());
      await withContext(
        async (ctx) => {
          await assertSchemaCurrent(ctx.database);
          await run(ctx, { serve: false, ingest: true });
        },
        { makeDataDir: true },
      );
    });
}

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Bring the database schema up to date (safe to run any number of times)')
    .option('--status', 'only show the current and latest schema')
    .action(async (opts: { status?: boolean }) => {
      await withContext(
        async (ctx) => {
          if (opts.status) {
            const s = await schemaState(ctx.database);
            process.stdout.write(
              `schema ${s.current} of ${s.latest}${s.pending.length ? `; pending: ${s.pending.map((m) => `${m.id}-${m.name}`).join(', ')}` : ' (up to date)'}\n`,
            );
            return;
          }
          const applied = await migrate(ctx.database);
          process.stdout.write(
            applied.length
              ? `applied ${applied.map((m) => `${m.id}-${m.name}`).join(', ')}\n`
              : 'schema already up to date\n',
          );
        },
        { quiet: true, schema: 'create' },
      );
    });
}
