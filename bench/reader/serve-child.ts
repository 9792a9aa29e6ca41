// A server for the serve benchmark in its own process, so that the load
// generator (autocannon, in the parent) does not share its event loop: the
// same machine and cores, as the issue asks, but not the same thread.
// argv: "hello" | "app" <sqlite file>. Reports its port to the parent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { silentLogger } from '../../src/log.ts';
import { buildServer } from '../../src/server.tsx';

const [kind, file] = process.argv.slice(2);
let port: number;
if (kind === 'hello') {
  const hello = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((r) => hello.listen(0, '127.0.0.1', r));
  port = (hello.address() as AddressInfo).port;
} else {
  const database = openDatabase({ kind: 'sqlite', file: file! });
  const app = await buildServer({
    config: { ...loadConfig({}), demo: false },
    database,
    log: silentLogger,
    baseUrl: 'http://127.0.0.1',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
  process.on('message', async (m) => {
    if (m === 'close') {
      await app.close();
      await database.close();
      process.exit(0);
    }
  });
}
process.send!({ port });
