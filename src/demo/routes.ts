// Serves the demo source from the app itself: feeds, article pages, images.
// Conditional GET works (ETag and Last-Modified), so the demo exercises the
// same polite fetching as a real publisher.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderDemoImage } from './images.ts';
import { DEMO_PUBLISHERS } from './publishers.ts';
import { renderDemoArticlePage, renderDemoFeed, type DemoSourceOptions } from './render.ts';

function send(req: FastifyRequest, reply: FastifyReply, contentType: string, body: string, cache: string, lastModified?: Date) {
  const etag = `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
  reply.header('etag', etag).header('cache-control', cache).header('content-type', contentType);
  if (lastModified) reply.header('last-modified', lastModified.toUTCString());
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(body);
}

export function demoSourceRoutes(app: FastifyInstance, opts: { epoch: () => number; baseUrl?: (req: FastifyRequest) => string }): void {
  const options = (req: FastifyRequest): DemoSourceOptions => ({
    baseUrl: opts.baseUrl?.(req) ?? `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`,
    epoch: opts.epoch(),
  });

  app.get<{ Params: { slug: string } }>('/demo/source/:slug/feed', (req, reply) => {
    const feed = renderDemoFeed(req.params.slug, options(req));
    if (!feed) return reply.code(404).send({ error: 'not_found', message: 'No such demo publisher.' });
    return send(req, reply, feed.contentType, feed.body, 'public, max-age=60', feed.lastModified);
  });

  app.get<{ Params: { slug: string; id: string } }>('/demo/source/:slug/articles/:id', (req, reply) => {
    const page = renderDemoArticlePage(req.params.slug, req.params.id, options(req));
    if (!page) return reply.code(404).type('text/html').send('<!doctype html><title>Not found</title><h1>Not found</h1>');
    return send(req, reply, 'text/html; charset=utf-8', page, 'public, max-age=300');
  });

  app.get<{ Params: { file: string } }>('/demo/source/images/:file', (req, reply) => {
    const m = /^([a-z0-9-]{1,200})\.svg$/.exec(req.params.file);
    if (!m) return reply.code(404).send();
    const slug = DEMO_PUBLISHERS.find((p) => m[1]!.startsWith(`${p.slug}-`));
    return send(req, reply, 'image/svg+xml', renderDemoImage(m[1]!, slug?.color), 'public, max-age=31536000, immutable');
  });
}
