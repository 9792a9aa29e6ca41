// METRICS_PORT: a listener of its own for Prometheus, in any process (an
// ingest-only process has no web server; a web process keeps its metrics off
// the port the public reaches). It serves GET /metrics and nothing else. It
// binds METRICS_HOST (loopback unless told otherwise) and, as a second lock,
// answers only loopback and private-network addresses unless a METRICS_TOKEN is
// presented: a listener bound to 0.0.0.0 on a host without a firewall still
// tells the internet nothing.
import http from 'node:http';
import net from 'node:net';
import { exposition, tokenMatches } from './http.ts';
import type { Metrics } from './metrics.ts';

const internal = new net.BlockList();
internal.addSubnet('127.0.0.0', 8, 'ipv4');
internal.addSubnet('10.0.0.0', 8, 'ipv4');
internal.addSubnet('172.16.0.0', 12, 'ipv4');
internal.addSubnet('192.168.0.0', 16, 'ipv4');
internal.addSubnet('169.254.0.0', 16, 'ipv4');
internal.addAddress('::1', 'ipv6');
internal.addSubnet('fc00::', 7, 'ipv6');
internal.addSubnet('fe80::', 10, 'ipv6');

/** Loopback or a private network (IPv4, IPv6, and IPv4 mapped into IPv6). */
export function isInternalAddress(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return internal.check(mapped, 'ipv4');
  const kind = net.isIP(address);
  return kind !== 0 && internal.check(address, kind === 4 ? 'ipv4' : 'ipv6');
}

/** The listener's rule: the token holder from anywhere; without a token, internal addresses only. */
export function listenerAccess(opts: {
  token: string | undefined;
  authorization: string | undefined;
  remoteAddress: string | undefined;
}): 'allowed' | 'unauthorised' | 'forbidden' {
  if (opts.token && tokenMatches(opts.authorization, opts.token)) return 'allowed';
  if (opts.token) return 'unauthorised';
  return isInternalAddress(opts.remoteAddress) ? 'allowed' : 'forbidden';
}

export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

export async function listenForMetrics(
  metrics: Metrics,
  opts: { port: number; host: string; token: string | undefined },
): Promise<MetricsListener> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: this port serves GET /metrics only.\n');
      return;
    }
    const access = listenerAccess({
      token: opts.token,
      authorization: req.headers.authorization,
      remoteAddress: req.socket.remoteAddress,
    });
    if (access !== 'allowed') {
      res
        .writeHead(access === 'unauthorised' ? 401 : 403, {
          'content-type': 'text/plain',
          ...(access === 'unauthorised' ? { 'www-authenticate': 'Bearer realm="metrics"' } : {}),
        })
        .end(
          access === 'unauthorised'
            ? 'Metrics need the bearer token set in METRICS_TOKEN.\n'
            : 'Metrics are served to loopback and private addresses only (or set METRICS_TOKEN).\n',
        );
      return;
    }
    exposition(metrics).then(
      (out) => res.writeHead(200, { 'content-type': out.contentType, 'cache-control': 'no-store' }).end(out.body),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`Metrics failed: ${err.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) =>
      reject(new Error(`cannot serve metrics on ${opts.host}:${opts.port} (METRICS_PORT): ${err.message}`)),
    );
    server.listen(opts.port, opts.host, () => resolve());
  });
  // It never keeps a process alive on its own (one that failed to start the rest must still exit).
  server.unref();
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
