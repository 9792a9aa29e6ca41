// Stopping a long-running process: the first SIGTERM or SIGINT starts an orderly stop (the caller's),
// bounded by SHUTDOWN_TIMEOUT_MS; past it, or at a second signal, the process exits anyway with a log
// line saying so. The operator's service manager then never has to resort to SIGKILL.
import type { EventEmitter } from 'node:events';
import type { Logger } from '../log.ts';

export interface ShutdownWatch {
  /** Resolves with the signal's name when a stop is asked for. */
  requested: Promise<string>;
  /** The orderly stop is over: nothing left to wait for. */
  done(): void;
}

export function watchForShutdown(
  log: Logger,
  opts: { timeoutMs: number; signals?: EventEmitter; exit?: (code: number) => void },
): ShutdownWatch {
  const signals = opts.signals ?? process;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  const requested = new Promise<string>((resolve) => {
    const first = (signal: string) => {
      signals.removeListener('SIGINT', first);
      signals.removeListener('SIGTERM', first);
      signals.once('SIGINT', again);
      signals.once('SIGTERM', again);
      log.info(
        { signal, timeoutMs: opts.timeoutMs },
        'shutting down: no new work; finishing or abandoning what is under way',
      );
      timer = setTimeout(() => {
        log.error(
          { timeoutMs: opts.timeoutMs },
          finished
            ? 'stopped, but something still held the process open; exiting'
            : 'shutdown did not finish within SHUTDOWN_TIMEOUT_MS; exiting anyway',
        );
        exit(1);
      }, opts.timeoutMs);
      resolve(signal);
    };
    const again = (signal: string) => {
      log.warn({ signal }, 'second stop signal: exiting now');
      exit(1);
    };
    signals.once('SIGINT', first);
    signals.once('SIGTERM', first);
  });
  return {
    requested,
    done() {
      finished = true;
      log.info('stopped');
      // Still armed, but no longer keeping the process alive: a clean stop exits at once.
      timer?.unref();
    },
  };
}
