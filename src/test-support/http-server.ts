// A real HTTP server on 127.0.0.1 with an ephemeral port, for the fetcher's
// tests. It counts connections and requests, so tests can see keep-alive
// reuse and that refused fetches never reached it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  server: http.Server;
  port: number;
  /** http://127.0.0.1:PORT */
  base: string;
  stats: { connections: number; requests: number };
  close(): Promise<void>;
}

export async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const stats = { connections: 0, requests: 0 };
  const server = http.createServer((req, res) => {
    stats.requests++;
    handler(req, res);
  });
  server.on('connection', () => stats.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
