// GET /img/SIG/WIDTH/URL: a publisher's picture, resized and served from our
// own origin (src/images/). Only URLs our pages wrote are fetched: the
// signature must match the URL, and the width must be one pages use. The
// answer never changes for a URL, so it is cached for a year.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DEMO_SOURCE_PREFIX } from '../../demo/paths.ts';
import type { HttpContext } from '../../http/context.ts';
import { imageLinks, type ImageLinks } from '../../images/links.ts';
import { openImageProxy } from '../../images/open.ts';
import type { ImageProxy } from '../../images/proxy.ts';
import { decodeImageUrl, isImageWidth, loadImageSigner, type ImageSigner } from '../../images/signing.ts';

const params = z.object({
  sig: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  width: z.coerce.number().int().refine(isImageWidth),
  '*': z.string().min(1),
});

export interface ImageRouteDeps {
  proxy: ImageProxy;
  signer: ImageSigner;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Refusals may be retried later (the publisher may fix a picture), but not by every page view. */
const REFUSAL = 'public, max-age=300';

/** Opens the proxy (closed with the server), registers its route, and gives back the links pages write. */
export async function imageEndpoint(app: FastifyInstance, ctx: HttpContext): Promise<ImageLinks> {
  const signer = await loadImageSigner(ctx.db);
  const { proxy, close } = openImageProxy(ctx.config);
  app.addHook('onClose', async () => close());
  imageRoutes(app, { proxy, signer });
  return imageLinks(signer, { baseUrl: ctx.baseUrl, ownPath: ctx.config.demo ? demoImagePath : undefined });
}

/** The demo's pictures are served by this very server (demo/routes.ts): shown from our origin as they are. */
function demoImagePath(url: string): string | null {
  try {
    const { pathname } = new URL(url);
    return pathname.startsWith(`${DEMO_SOURCE_PREFIX}/images/`) ? pathname : null;
  } catch {
    return null;
  }
}

export function imageRoutes(app: FastifyInstance, deps: ImageRouteDeps): void {
  async function serveImage(req: FastifyRequest, reply: FastifyReply) {
    const parsed = params.safeParse(req.params);
    const url = parsed.success ? decodeImageUrl(parsed.data['*']) : null;
    if (!parsed.success || url === null) return refuse(reply, 404, 'No such image.');
    if (!deps.signer.verify(url, parsed.data.sig)) return refuse(reply, 403, 'This image address is not one of ours.');
    const answer = await deps.proxy.get(url, parsed.data.width);
    if (!answer.ok) return refuse(reply, answer.status, `${capitalise(answer.message)}.`, REFUSAL);
    reply.header('cache-control', IMMUTABLE).header('etag', answer.image.etag);
    if (matches(req.headers['if-none-match'], answer.image.etag)) return reply.code(304).send();
    return reply.type('image/webp').send(answer.image.body);
  }

  app.get('/img/:sig/:width/*', serveImage);
}

function refuse(reply: FastifyReply, status: number, message: string, cache = 'no-store') {
  return reply.code(status).header('cache-control', cache).type('text/plain; charset=utf-8').send(message);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
