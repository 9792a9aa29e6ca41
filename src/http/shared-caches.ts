// Cached pages and lists follow a takedown or an access change in every web process, not only the one
// that made it: clearing the cache here announces it on the change bus (db/notify.ts), and an
// announcement from anywhere clears this process's cache.
import type { FastifyInstance } from 'fastify';
import type { Notifier } from '../db/notify.ts';
import type { ListCache } from './list-cache.ts';

const TOPIC = 'pages';

export function shareCacheClears(app: FastifyInstance, lists: ListCache, bus: Notifier): void {
  lists.onClear(() => {
    bus.publish(TOPIC).catch((err: unknown) => app.log.warn({ err }, 'could not tell other processes to clear caches'));
  });
  const off = bus.subscribe(TOPIC, () => lists.forget());
  app.addHook('onClose', async () => off());
}
