// Service worker: an offline page, and saved articles readable without a
// network. It keeps only what the server marks as saved by a reader who may
// read it, and forgets everything when the server says this browser no
// longer may (signed out or membership ended).
/// <reference lib="webworker" />
declare const self: ServiceWorkerGlobalScope;
const SHELL = 'masthead-shell-v1';
const SAVED = 'masthead-saved-v1';

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(SHELL).then((c) => c.addAll(['/offline'])).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

async function remember(req: Request, res: Response): Promise<void> {
  const saved = res.headers.get('x-masthead-saved');
  const access = res.headers.get('x-masthead-access');
  if (access === 'none') await caches.delete(SAVED);
  else if (saved === '1') await (await caches.open(SAVED)).put(req, res.clone());
  else if (saved === '0') await (await caches.open(SAVED)).delete(req);
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || req.mode !== 'navigate') return;
  e.respondWith(
    fetch(req)
      .then(async (res) => {
        await remember(req, res);
        return res;
      })
      .catch(async () => (await (await caches.open(SAVED)).match(req, { ignoreSearch: true })) ?? (await caches.match('/offline')) ?? Response.error()),
  );
});

self.addEventListener('message', (e) => {
  const data = e.data as { type?: string; urls?: string[] };
  if (data?.type !== 'cache-saved' || !Array.isArray(data.urls)) return;
  e.waitUntil(Promise.all(data.urls.slice(0, 200).map((u) => fetch(u, { credentials: 'same-origin' }).then((res) => remember(new Request(u), res)).catch(() => undefined))));
});
