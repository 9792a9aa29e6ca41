// The `masthead` command: every operator task, one subcommand each. Only the command that runs is
// loaded (cli/commands.ts); the errors an operator can act on are told in a sentence.
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './cli/commands.ts';
import { red } from './cli/format.ts';
import { VERSION } from './version.ts';

/** Errors whose message is written for the operator: printed as they are, without a stack. */
const TOLD = new Set(['ConfigError', 'SchemaError', 'CatalogError', 'UsageError']);

export async function buildProgram(argv: string[] = []): Promise<Command> {
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
  // The command asked for is loaded whole; the others are listed by name and summary.
  const asked = argv.find((a) => !a.startsWith('-'));
  const wanted = asked === 'help' ? argv.slice(argv.indexOf('help') + 1).find((a) => !a.startsWith('-')) : asked;
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (name === wanted) program.addCommand((await entry.load()).summary(entry.summary));
    else program.command(name).summary(entry.summary).allowUnknownOption().helpOption(false);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `masthead … | head` closes the pipe early: not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const program = (await buildProgram(argv)).exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    const e = err as Error & { exitCode?: number };
    if (TOLD.has(e?.name)) {
      process.stderr.write(`${red('error:')} ${e.message}\n`);
      process.exitCode = e.name === 'UsageError' ? (e.exitCode ?? 1) : 1;
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
