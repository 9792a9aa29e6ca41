// Masthead as an app: the web manifest, icons, the service worker, the
// offline page, the install page, the client script, and the theme switch
// (a cookie, so it works without JavaScript).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localPath } from '../../http/local-path.ts';
import { assets, buildAssets } from '../assets.ts';
import { page } from '../views/shell.tsx';
import { site } from '../../site.ts';

const themeQuery = z.object({ set: z.string().max(20).optional(), next: z.string().max(2000).optional() });

function refererPath(referer: string | undefined, host: string | undefined): string | undefined {
  if (!referer || !host) return undefined;
  try {
    const u = new URL(referer);
    return u.host === host ? u.pathname + u.search : undefined;
  } catch {
    return undefined;
  }
}

const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);

function manifest() {
  return {
    name: site().name,
    short_name: site().name,
    description: site().tagline,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#fbfaf7',
    theme_color: '#1f4e79',
    icons: [
      { src: assets.icons['icon-192.png'], sizes: '192x192', type: 'image/png' },
      { src: assets.icons['icon-512.png'], sizes: '512x512', type: 'image/png' },
      { src: assets.icons['icon-maskable-512.png'], sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: assets.icons['icon.svg'], sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}

async function staticFile(req: FastifyRequest, reply: FastifyReply) {
  const a = assets.files.get(req.url.split('?')[0]!);
  if (!a) return reply.code(404).send({ error: 'not_found', message: 'No such file.' });
  return reply.type(a.type).header('cache-control', 'public, max-age=31536000, immutable').send(a.body);
}

async function serviceWorker(_req: FastifyRequest, reply: FastifyReply) {
  return reply
    .type(assets.sw!.type)
    .header('cache-control', 'no-cache')
    .header('service-worker-allowed', '/')
    .send(assets.sw!.body);
}

async function webManifest(_req: FastifyRequest, reply: FastifyReply) {
  return reply.type('application/manifest+json').header('cache-control', 'public, max-age=3600').send(manifest());
}

async function offlinePage(_req: FastifyRequest, reply: FastifyReply) {
  const children = (
    <>
      <h1>You are offline</h1>
      <p>Articles you saved are still here: open them from your saved list, or try again when you are connected.</p>
      <p>
        <a href="/saved">Your saved articles</a>
      </p>
    </>
  );
  return html(reply, page({ title: 'You are offline', signedIn: false, children }));
}

async function installPage(req: FastifyRequest, reply: FastifyReply) {
  const children = (
    <>
      <h1>{site().name} on your phone</h1>
      <p>
        {site().name} installs straight from your browser: no app store, nothing to download separately. Saved articles
        can be read offline.
      </p>
      <p>
        <button type="button" data-install hidden>
          Install {site().name}
        </button>
      </p>
      <h2>On iPhone and iPad</h2>
      <p>Open this page in Safari, tap the Share button, then “Add to Home Screen”.</p>
      <h2>On Android</h2>
      <p>Open this page in Chrome, tap the menu, then “Install app” (or use the button above).</p>
      <h2>On a computer</h2>
      <p>In Chrome or Edge, click the install icon at the right of the address bar.</p>
    </>
  );
  return html(reply, page({ title: 'Get the app', signedIn: !!req.account, children }));
}

async function setTheme(req: FastifyRequest, reply: FastifyReply) {
  const q = themeQuery.safeParse(req.query);
  const set = q.success ? q.data.set : undefined;
  if (set === 'light' || set === 'dark')
    reply.setCookie('theme', set, { path: '/', sameSite: 'lax', maxAge: 365 * 86400 });
  else reply.clearCookie('theme', { path: '/' });
  // Back to the page the switch was on: the form's own next, else the same-site page that sent it.
  const next =
    localPath(q.success ? q.data.next : undefined) ??
    localPath(refererPath(req.headers.referer, req.headers.host)) ??
    '/';
  return reply.redirect(next, 303);
}

export async function appRoutes(app: FastifyInstance): Promise<void> {
  await buildAssets();
  app.get('/static/*', staticFile);
  app.get('/sw.js', serviceWorker);
  app.get('/manifest.webmanifest', webManifest);
  app.get('/offline', offlinePage);
  app.get('/app', installPage);
  app.get('/theme', setTheme);

  // The chosen theme is written into every page, so it holds without JavaScript.
  app.addHook('onSend', async (req, reply, payload) => {
    const theme = req.cookies?.theme;
    if (
      (theme === 'light' || theme === 'dark') &&
      typeof payload === 'string' &&
      String(reply.getHeader('content-type') ?? '').startsWith('text/html')
    ) {
      return payload.replace('<html lang="en">', `<html lang="en" data-theme="${theme}">`);
    }
    return payload;
  });
}
