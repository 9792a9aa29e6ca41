// "405 Method Not Allowed" with an Allow header, for a path that exists under
// other methods (Fastify answers 404 for any method it has no route for). The
// routes are mirrored into a router of our own as they are added.
import FindMyWay from 'find-my-way';
import type { FastifyInstance, HTTPMethods } from 'fastify';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export function methodNotAllowed(app: FastifyInstance): { allowed(method: string, url: string): string[] } {
  const router = FindMyWay({ ignoreTrailingSlash: false });
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethods[];
    for (const m of methods) {
      if ((METHODS as readonly string[]).includes(m) && !router.hasRoute(m as (typeof METHODS)[number], route.url))
        router.on(m as (typeof METHODS)[number], route.url, () => undefined);
    }
  });
  return {
    allowed(method, url) {
      const path = url.split('?')[0]!;
      return METHODS.filter((m) => m !== method && router.find(m, path) !== null);
    },
  };
}
