// How the server answers what no route answered, and what a route threw: an
// HTML page for a browser (rendered by the web layer), JSON for the API. A
// known path with the wrong method gets 405 and Allow. A 400 from a schema
// names each wrong field; a 500 never shows its internals.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { methodNotAllowed } from './methods.ts';
import { InputError } from './validate.ts';

export interface ErrorPages {
  error(status: number, message: string, signedIn: boolean): string;
  notFound(signedIn: boolean): string;
}

const wantsHtml = (req: FastifyRequest) =>
  !req.url.startsWith('/api/') && !req.url.startsWith('/webhooks/') && /text\/html/.test(req.headers.accept ?? '');

/** Call before any route is added: the 405 answers need to see every route. */
export function errorHandling(app: FastifyInstance, pages: ErrorPages): void {
  const methods = methodNotAllowed(app);
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err, url: req.url }, 'request failed');
    const message = status >= 500 ? 'Something went wrong on our side. It has been logged.' : err.message;
    if (wantsHtml(req))
      return reply
        .code(status)
        .type('text/html; charset=utf-8')
        .send(pages.error(status, message, !!req.account));
    const issues = err instanceof InputError ? { issues: err.issues } : {};
    const error = status >= 500 ? 'internal_error' : status === 429 ? 'too_many_requests' : 'bad_request';
    return reply.code(status).send({ error, message, ...issues });
  });
  app.setNotFoundHandler((req, reply) => {
    const allowed = methods.allowed(req.method, req.url);
    if (allowed.length) {
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send({
          error: 'method_not_allowed',
          message: `${req.method} is not allowed here; use ${allowed.join(' or ')}.`,
        });
    }
    if (wantsHtml(req)) return reply.code(404).type('text/html; charset=utf-8').send(pages.notFound(!!req.account));
    return reply.code(404).send({ error: 'not_found', message: `No route for ${req.method} ${req.url.split('?')[0]}` });
  });
}
