// One logger for the process (pino: JSON lines, the format log shippers expect).
// On a terminal the CLI prints its own human output; logs go to stderr.
// No secret reaches a log line: request URLs are logged with their query values
// redacted (one-time tokens arrive in mailed links; search terms are the reader's
// own), and so is every URL a log line carries (the links of a mail written to file).
import pino, { type Logger } from 'pino';

export type { Logger };

/** Query parameters whose values say nothing about a person and help an operator read the log. */
const PLAIN_PARAMS = new Set(['page', 'scope', 'sort', 'section', 'kind', 'format']);

/** The URL with every query value but the plain ones replaced: `/reset?token=…` → `/reset?token=[redacted]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const parts = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    const key = pair.slice(0, eq);
    return PLAIN_PARAMS.has(key) ? pair : `${key}=[redacted]`;
  });
  return `${url.slice(0, q)}?${parts.join('&')}${hash < 0 ? '' : url.slice(hash)}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function createLogger(
  level: string,
  opts: { name?: string; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      level,
      name: opts.name ?? 'masthead',
      base: { pid: process.pid },
      serializers: {
        req: (req: LoggedRequest) => ({
          method: req.method,
          url: redactUrl(req.url),
          host: req.host,
          remoteAddress: req.ip,
          remotePort: req.socket?.remotePort,
        }),
      },
    },
    opts.destination ?? pino.destination({ fd: 2, sync: false }),
  );
}

/** A logger that drops everything (tests, --quiet CLI commands). */
export const silentLogger: Logger = pino({ level: 'silent' });
