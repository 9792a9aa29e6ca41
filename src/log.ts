// One logger for the process (pino: JSON lines, the format log shippers expect).
// On a terminal the CLI prints its own human output; logs go to stderr.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, opts: { name?: string } = {}): Logger {
  return pino(
    { level, name: opts.name ?? 'masthead', base: { pid: process.pid } },
    pino.destination({ fd: 2, sync: false }),
  );
}

/** A logger that drops everything (tests, --quiet CLI commands). */
export const silentLogger: Logger = pino({ level: 'silent' });
