// Telling the other processes that something changed (a takedown, a change of who may read an article),
// so each can drop what it cached. On PostgreSQL: NOTIFY through the pool, LISTEN on a connection of its
// own, reconnected when it drops (and then every subscriber is told once, since a message may have been
// missed meanwhile). On SQLite there is one web process, so the bus is in-process.
// Messages carry the schema's name, so installs sharing one database (test runs) never hear each other.
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from './connect.ts';

export interface Notifier {
  /** Tells every process (this one included) that `topic` changed. */
  publish(topic: string): Promise<void>;
  /** Calls `handler` whenever `topic` changes anywhere; returns the unsubscribe. */
  subscribe(topic: string, handler: () => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'masthead_changes';
const RETRY_MS = [250, 500, 1000, 2000, 5000];

export function createNotifier(database: Database, opts: { onError?: (err: unknown) => void } = {}): Notifier {
  const handlers = new Map<string, Set<() => void>>();
  const deliver = (topic: string) => {
    for (const h of handlers.get(topic) ?? []) h();
  };
  const pgTarget = database.dialect === 'postgres' ? database.postgres : undefined;
  const scope = pgTarget?.schema ?? '';
  const listener =
    pgTarget &&
    pgListener(
      pgTarget.url,
      (payload) => {
        const message = parse(payload);
        if (message?.scope === scope) deliver(message.topic);
      },
      () => {
        for (const topic of handlers.keys()) deliver(topic);
      },
      opts.onError,
    );
  const subscribe = (topic: string, handler: () => void) => {
    const set = handlers.get(topic) ?? new Set();
    set.add(handler);
    handlers.set(topic, set);
    listener?.start();
    return () => void set.delete(handler);
  };
  if (!listener)
    return {
      publish: async (topic) => deliver(topic),
      subscribe,
      close: async () => handlers.clear(),
    };
  return {
    async publish(topic) {
      await sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ scope, topic })})`.execute(database.db);
    },
    subscribe,
    async close() {
      handlers.clear();
      await listener.close();
    },
  };
}

function parse(payload: string | undefined): { scope: string; topic: string } | null {
  try {
    const v = JSON.parse(payload ?? '') as { scope?: unknown; topic?: unknown };
    return typeof v.scope === 'string' && typeof v.topic === 'string' ? { scope: v.scope, topic: v.topic } : null;
  } catch {
    return null;
  }
}

/** One LISTEN connection, opened on the first subscription and kept open (reconnecting) until closed. */
function pgListener(
  url: string,
  onMessage: (payload: string | undefined) => void,
  onReconnect: () => void,
  onError: ((err: unknown) => void) | undefined,
) {
  let client: pg.Client | null = null;
  let started = false;
  let closed = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    const lost = (err?: unknown) => {
      if (client !== c) return;
      client = null;
      c.removeAllListeners('notification');
      void c.end().catch(() => undefined);
      if (err) onError?.(err);
      retry();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (msg) => {
      if (msg.channel === CHANNEL) onMessage(msg.payload);
    });
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
      if (closed) return void (await c.end().catch(() => undefined));
      // Whatever was announced while no connection listened is assumed to have changed.
      if (failures > 0) onReconnect();
      failures = 0;
    } catch (err) {
      lost(err);
    }
  };
  const retry = () => {
    if (closed) return;
    const wait = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]!;
    timer = setTimeout(() => void connect(), wait);
    timer.unref();
  };
  return {
    start() {
      if (started) return;
      started = true;
      void connect();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
