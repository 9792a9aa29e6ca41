// Service worker: an offline shell (the offline page and what it loads), and
// saved articles readable without a network. It keeps only what the server
// marks as saved by a reader who may read it, and forgets everything when the
// server says this browser no longer may (signed out or membership ended).
//
// The cache API pages use (postMessage to the active worker):
//   { type: 'save', url: '/a/1/x' }        keep this article now (after saving it)
//   { type: 'unsave', url: '/a/1/x' }      forget it
//   { type: 'cache-saved', urls: [...] }   keep every article of the saved list
// The worker fetches each URL itself, so what it keeps is what the server says
// this reader may read (x-masthead-saved / x-masthead-access headers).
/// <reference lib="webworker" />
declare const self: ServiceWorkerGlobalScope;
declare const __SHELL__: string[];
declare const __SHELL_VERSION__: string;
const SHELL = `masthead-shell-${__SHELL_VERSION__}`;
const SAVED = 'masthead-saved-v1';

self.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll(__SHELL__))
      .then(() => self.skipWaiting()),
  );
});
self.addEventListener('activate', (e) =>
  e.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('masthead-shell-') && k !== SHELL).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  ),
);

const articlePath = (u: string) => /^\/a\/\d+(\/|$)/.test(new URL(u, self.location.origin).pathname);

async function remember(req: Request, res: Response): Promise<void> {
  const saved = res.headers.get('x-masthead-saved');
  const access = res.headers.get('x-masthead-access');
  if (access === 'none') await caches.delete(SAVED);
  else if (saved === '1') await (await caches.open(SAVED)).put(req, res.clone());
  else if (saved === '0') await (await caches.open(SAVED)).delete(req);
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  // Hashed static files never change: the shell's copy is as good as the network's.
  if (new URL(req.url).pathname.startsWith('/static/')) {
    e.respondWith(caches.match(req).then((hit) => hit ?? fetch(req)));
    return;
  }
  if (req.mode !== 'navigate') return;
  e.respondWith(
    fetch(req)
      .then(async (res) => {
        await remember(req, res);
        return res;
      })
      .catch(
        async () =>
          (await (await caches.open(SAVED)).match(req, { ignoreSearch: true })) ??
          (await caches.match('/offline')) ??
          Response.error(),
      ),
  );
});

const keep = (u: string) =>
  fetch(u, { credentials: 'same-origin' })
    .then((res) => remember(new Request(res.url || u), res))
    .catch(() => undefined);

self.addEventListener('message', (e) => {
  const data = e.data as { type?: string; url?: string; urls?: string[] };
  if (data?.type === 'save' && typeof data.url === 'string' && articlePath(data.url)) e.waitUntil(keep(data.url));
  else if (data?.type === 'unsave' && typeof data.url === 'string')
    e.waitUntil(
      caches
        .open(SAVED)
        .then((c) => c.delete(data.url!))
        .then(() => undefined),
    );
  else if (data?.type === 'cache-saved' && Array.isArray(data.urls))
    e.waitUntil(Promise.all(data.urls.filter(articlePath).slice(0, 200).map(keep)).then(() => undefined));
});
