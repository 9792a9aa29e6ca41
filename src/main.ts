// The `masthead` command: every operator task, one subcommand each.
import { Command, CommanderError } from 'commander';
import { ConfigError, VERSION } from './config.ts';
import { SchemaError } from './db/migrate.ts';
import { CatalogError } from './catalog/publishers.ts';
import { UsageError, red } from './cli/format.ts';
import { ingestCommand, migrateCommand, serveCommand, startCommand } from './cli/run.ts';
import { publishersCommand } from './cli/publishers.ts';
import { feedsCommand } from './cli/feeds.ts';
import { refreshCommand } from './cli/refresh.ts';
import { curateCommand } from './cli/curate.ts';
import { plansCommand, usersCommand } from './cli/users.ts';

export function buildProgram(): Command {
  const program = new Command('masthead')
    .description("Masthead: a self-hostable premium news service. All of a reader's news in one place.")
    .version(VERSION)
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Configuration comes from the environment (see README.md): PORT, DATA_DIR, DATABASE_URL, DEMO, ALLOW_PRIVATE_FEEDS, LOG_LEVEL …

Examples:
  masthead start                                    migrate, load demo content on first run, serve and ingest
  masthead publishers add harbour-gazette "Harbour Gazette" --homepage https://harbour.example --sections news,politics
  masthead feeds add https://harbour.example/feed.xml --publisher harbour-gazette
  masthead feeds check https://harbour.example/feed.xml
  masthead refresh --once`,
    );

  program.addCommand(startCommand());
  program.addCommand(serveCommand());
  program.addCommand(ingestCommand());
  program.addCommand(migrateCommand());
  program.addCommand(publishersCommand());
  program.addCommand(feedsCommand());
  program.addCommand(refreshCommand());
  program.addCommand(curateCommand());
  program.addCommand(usersCommand());
  program.addCommand(plansCommand());
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (
      err instanceof ConfigError ||
      err instanceof SchemaError ||
      err instanceof CatalogError ||
      err instanceof UsageError
    ) {
      process.stderr.write(`${red('error:')} ${err.message}\n`);
      process.exitCode = err instanceof UsageError ? err.exitCode : 1;
      return;
    }
    // Anything else: a sentence for the operator, the stack only when asked for (MASTHEAD_DEBUG=1).
    process.stderr.write(`${red('error:')} ${explain(err)}\n`);
    if (process.env.MASTHEAD_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    else process.stderr.write('(run again with MASTHEAD_DEBUG=1 to see where it failed)\n');
    process.exitCode = 1;
  }
}

/** What went wrong, in words an operator can act on. */
export function explain(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_BUSY_SNAPSHOT')
    return 'the database is busy: another Masthead process kept it locked for 30 seconds. Try again in a moment.';
  if (e?.code === 'SQLITE_CANTOPEN')
    return `cannot open the database file (${e.message}). Check DATA_DIR and its permissions.`;
  if (e?.code === 'ECONNREFUSED')
    return `cannot reach the database (${e.message}). Is PostgreSQL running, and is DATABASE_URL right?`;
  if (e?.code === '3D000') return `${e.message}. Create it (createdb …) or fix DATABASE_URL.`;
  return e?.message || String(err);
}
