// Serves the demo source from the app itself: feeds, article pages, images.
// Conditional GET works (ETag and Last-Modified), so the demo exercises the
// same polite fetching as a real publisher.
//
// Feeds and article pages carry the demo articles in full, so they answer
// only this machine's own ingest: a request straight from loopback, through no
// proxy. Anyone else gets a short page pointing at Masthead (where the paywall
// decides). Pictures are public: readers' pages show them.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  renderDemoArticlePage,
  renderDemoFeed,
  renderDemoImage,
  type DemoDocument,
  type DemoSourceOptions,
} from './source.ts';

export interface DemoSourceRouteOptions {
  /** The demo's "now" (epoch ms); the app passes its fixed demo epoch. Default: the clock. */
  now?: () => number;
  /** Older name for `now`, still accepted. */
  epoch?: () => number;
  /** The absolute base URL for links; default: from the request's Host. */
  baseUrl?: (req: FastifyRequest) => string;
}

function notModified(req: FastifyRequest, etag: string, lastModified: Date): boolean {
  const inm = req.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
  const ims = req.headers['if-modified-since'];
  if (!ims) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

function send(req: FastifyRequest, reply: FastifyReply, doc: DemoDocument, cacheControl: string) {
  const etag = `"${crypto.createHash('sha1').update(doc.body).digest('base64url').slice(0, 22)}"`;
  reply
    .header('etag', etag)
    .header('last-modified', doc.lastModified.toUTCString())
    .header('cache-control', cacheControl);
  if (notModified(req, etag, doc.lastModified)) return reply.code(304).send();
  return reply.type(doc.contentType).send(doc.body);
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** A request from this machine itself, not relayed by a proxy (which would be answering someone else). */
export function fromThisMachine(req: FastifyRequest): boolean {
  const h = req.headers;
  return (
    LOOPBACK.test(req.socket.remoteAddress ?? '') &&
    !h['x-forwarded-for'] &&
    !h.forwarded &&
    !h['x-real-ip'] &&
    !h['x-forwarded-host']
  );
}

const ONLY_INGEST =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo publisher</title></head><body><h1>A demo publisher</h1><p>This fictional publisher exists only to show how Masthead works. Its stories are read on Masthead itself: <a href="/">go to the front page</a>.</p></body></html>';

export function demoSourceRoutes(app: FastifyInstance, opts: DemoSourceRouteOptions = {}): void {
  const clock = opts.now ?? opts.epoch ?? (() => Date.now());
  const options = (req: FastifyRequest): DemoSourceOptions => ({
    baseUrl: opts.baseUrl?.(req) ?? `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`,
    now: clock(),
  });
  const notFound = (reply: FastifyReply, what: string) =>
    reply.code(404).type('text/plain; charset=utf-8').send(`No such demo ${what}.`);

  const forIngestOnly = (req: FastifyRequest, reply: FastifyReply) =>
    reply.code(403).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(ONLY_INGEST);

  function demoFeed(req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {
    if (!fromThisMachine(req)) return forIngestOnly(req, reply);
    const feed = renderDemoFeed(req.params.slug, options(req));
    return feed ? send(req, reply, feed, 'public, max-age=60') : notFound(reply, 'publisher');
  }

  function demoArticlePage(req: FastifyRequest<{ Params: { slug: string; id: string } }>, reply: FastifyReply) {
    if (!fromThisMachine(req)) return forIngestOnly(req, reply);
    const page = renderDemoArticlePage(req.params.slug, req.params.id, options(req));
    return page ? send(req, reply, page, 'public, max-age=300') : notFound(reply, 'article');
  }

  function demoImage(req: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) {
    const m = /^([a-z0-9-]{1,200})\.svg$/.exec(req.params.file);
    const image = m ? renderDemoImage(m[1]!) : null;
    return image ? send(req, reply, image, 'public, max-age=31536000, immutable') : notFound(reply, 'image');
  }

  app.get('/demo/source/:slug/feed', demoFeed);
  app.get('/demo/source/:slug/articles/:id', demoArticlePage);
  app.get('/demo/source/images/:file', demoImage);
}
