// Several Masthead processes against one PostgreSQL, for the proof test and the takeover benchmark:
// a fresh database on the local server, the `masthead` command spawned as real processes (from source),
// and a farm of slow local feeds that notes whenever one feed is fetched twice at the same moment.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startServer, type TestServer } from './http-server.ts';

const ADMIN_URL = process.env.MASTHEAD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database of its own on the local server (processes share it as an install would), dropped afterwards. */
export async function freshPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `masthead_proof_${crypto.randomBytes(5).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

export interface MastheadProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  /** stderr so far (logs are JSON lines there). */
  output(): string;
  /** The port a serving process listens on, once it says so. */
  port(): Promise<number>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when a line of its output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

const bin = path.resolve('bin/masthead.js');

/** Runs `masthead ARGS` from the sources (MASTHEAD_FROM_SOURCE=1) with the environment given. */
export function spawnMasthead(name: string, args: string[], env: Record<string, string>): MastheadProcess {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-proc-'));
  const child = spawn(process.execPath, [bin, ...args], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      MASTHEAD_FROM_SOURCE: '1',
      NO_COLOR: '1',
      HOST: '127.0.0.1',
      PORT: '0',
      // on PostgreSQL an install counts as one others reach, which will not start without it (config.ts exposure())
      PUBLIC_URL: 'http://127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let out = '';
  const watchers: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    out += chunk;
    for (const w of [...watchers]) {
      const line = out.split('\n').find((l) => w.pattern.test(l));
      if (line !== undefined) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const line = out.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) return resolve(line);
      const timer = setTimeout(
        () =>
          reject(
            new Error(`${name}: no line matching ${pattern} within ${timeoutMs} ms; output:\n${out.slice(-3000)}`),
          ),
        timeoutMs,
      );
      watchers.push({
        pattern,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`${name} exited before a line matching ${pattern}; output:\n${out.slice(-3000)}`));
      });
    });
  return {
    name,
    child,
    pid: child.pid!,
    output: () => out,
    port: () => waitFor(/is running at/).then((line) => Number(/:(\d+)\b/.exec(line.replace(/.*running at /, ''))![1])),
    exited,
    waitFor,
  };
}

export interface FeedFarm {
  server: TestServer;
  /** The URL of feed n. */
  url(n: number): string;
  /** Items each feed lists now; raise it to publish more. */
  items: number;
  /** Requests per feed, and who made them (the User-Agent). */
  fetches: Map<number, string[]>;
  /** Every time a feed was asked for while a fetch of it was still being answered. */
  overlaps: string[];
  /** Fetches being answered now, by User-Agent. */
  inFlight: Map<string, number>;
  /** The items feed n lists (guids). */
  guids(n: number): string[];
  close(): Promise<void>;
}

const WORDS = (
  'harbour council budget ferry storm library museum league final comet rail strike energy tidal river bridge ' +
  'school orchestra market festival volunteers garden hospital orchard lighthouse quarry vineyard glacier ' +
  'tram airport bakery brewery chapel castle canal meadow forest valley summit island reef desert canyon ' +
  'violin theatre gallery archive stadium marathon regatta harvest vaccine telescope satellite reactor turbine'
).split(' ');

function paragraph(seed: number): string {
  let s = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < 50; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(WORDS[(s >>> 8) % WORDS.length]!);
  }
  return `<p>${out.join(' ')}.</p>`;
}

/** Feeds that answer slowly (delayMs), each listing its newest `items` items. */
export async function startFeedFarm(opts: { delayMs: number }): Promise<FeedFarm> {
  const fetches = new Map<number, string[]>();
  const overlaps: string[] = [];
  const busy = new Map<number, number>();
  const inFlight = new Map<string, number>();
  const farm: FeedFarm = {
    server: undefined as unknown as TestServer,
    url: (n) => `${farm.server.base}/feed/${n}`,
    items: 0,
    fetches,
    overlaps,
    inFlight,
    guids: (n) => Array.from({ length: farm.items }, (_, i) => `feed${n}-item${i}`),
    close: () => farm.server.close(),
  };
  farm.server = await startServer((req, res) => {
    const m = /^\/feed\/(\d+)$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    const n = Number(m[1]);
    const agent = req.headers['user-agent'] ?? '';
    fetches.set(n, [...(fetches.get(n) ?? []), agent]);
    if ((busy.get(n) ?? 0) > 0) overlaps.push(`feed ${n} asked for by ${agent} while another fetch of it was answered`);
    busy.set(n, (busy.get(n) ?? 0) + 1);
    inFlight.set(agent, (inFlight.get(agent) ?? 0) + 1);
    const done = () => {
      busy.set(n, busy.get(n)! - 1);
      inFlight.set(agent, inFlight.get(agent)! - 1);
    };
    res.once('close', done);
    const items = Array.from({ length: farm.items }, (_, i) => {
      const at = new Date(Date.UTC(2026, 10, 1) + i * 3_600_000 + n * 60_000).toUTCString();
      return `<item><guid isPermaLink="false">feed${n}-item${i}</guid><title>Story ${i} from feed ${n}</title>
<link>http://127.0.0.1/feed${n}/story/${i}</link><pubDate>${at}</pubDate><description>Story ${i} of feed ${n}.</description>
<content:encoded><![CDATA[${paragraph(n * 7919 + i * 104729 + 1)}${paragraph(n * 31 + i * 7 + 2)}${paragraph(n * 131 + i * 977 + 3)}]]></content:encoded></item>`;
    }).reverse();
    const body = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed ${n}</title><link>http://127.0.0.1/feed${n}/</link>${items.join('')}</channel></rss>`;
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body), opts.delayMs);
  });
  return farm;
}
