// The admin console (/admin, role admin): publishers and feeds with their
// health, users and roles, push-API keys, and the audit log. Every route sits
// behind one guard (signed-out visitors are sent to sign in, every other role
// gets 403, GET and POST alike); forms are plain posts carrying the CSRF token
// (http/session.ts), each change is written with its audit line in the same
// transaction (members/audit.ts), and ends in a redirect with a notice.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../http/session.ts';
import { canSeeAdminConsole } from '../../members/policies.ts';
import { page } from '../views/shell.tsx';
import { auditAdminRoutes } from './admin-audit.tsx';
import { catalogAdminRoutes } from './admin-catalog.tsx';
import type { AdminDeps } from './admin-kit.tsx';
import { peopleAdminRoutes } from './admin-people.tsx';

async function adminGuard(req: FastifyRequest, reply: FastifyReply) {
  if (!req.account) {
    const next = req.method === 'GET' ? req.url : '/admin';
    return reply.redirect(`/signin?next=${encodeURIComponent(next)}`, 303);
  }
  if (canSeeAdminConsole(actorOf(req))) return;
  return reply
    .code(403)
    .header('cache-control', 'private, no-store')
    .type('text/html; charset=utf-8')
    .send(
      page({
        title: 'Admins only',
        signedIn: true,
        children: (
          <>
            <h1>Admins only</h1>
            <p>This console is for Masthead's administrators.</p>
          </>
        ),
      }),
    );
}

export async function adminRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  await app.register(async function adminConsole(scope) {
    scope.addHook('preHandler', adminGuard);
    catalogAdminRoutes(scope, deps);
    peopleAdminRoutes(scope, deps);
    auditAdminRoutes(scope, deps);
  });
}
