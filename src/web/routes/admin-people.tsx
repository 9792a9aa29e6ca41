// The admin console's users and keys: search accounts and change a role (the
// last admin can never stop being one); issue a publisher's push-API key
// (shown once, on the answer to the post itself, never in a link) or revoke it.
import { idParams } from '../../http/validate.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { issuePublisherKey, revokePublisherKey } from '../../catalog/commands.ts';
import { getPublisher, listPublishers } from '../../catalog/publishers.ts';
import { auditActorOf } from '../../http/audit-actor.ts';
import { changeRole, searchUsers } from '../../members/users.ts';
import { KeysPage, UsersPage } from '../views/admin-people.tsx';
import { backWith, isRefusal, noticeOf, sendAdmin, type AdminDeps } from './admin-kit.tsx';

const NOTICES: Record<string, string> = {
  role: 'Role changed. It applies from their next page.',
  revoked: 'Key revoked: requests with it are refused from now on.',
};
const PAGE = 30;

const usersQuery = z.object({
  q: z.string().max(200).optional().default(''),
  role: z.enum(['', 'member', 'editor', 'publisher', 'admin']).optional().default(''),
  page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
});
const roleForm = z.object({
  role: z.enum(['member', 'editor', 'publisher', 'admin']),
  publisher: z.union([z.literal(''), z.coerce.number().int().positive()]).optional(),
  back: z.string().max(2000).optional(),
});

export function peopleAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { db, now } = deps;

  async function usersPage(req: FastifyRequest, reply: FastifyReply, error?: string) {
    const parsed = usersQuery.safeParse(req.query);
    const q = parsed.success ? parsed.data : { q: '', role: '' as const, page: 1 };
    const found = await searchUsers(db, {
      text: q.q,
      role: q.role || undefined,
      limit: PAGE,
      offset: (q.page - 1) * PAGE,
    });
    const view = {
      ...found,
      ...q,
      publishers: await listPublishers(db),
      me: req.account!.user.id,
      csrfToken: req.csrfToken,
    };
    const notice = error ? { kind: 'error' as const, text: error } : noticeOf(req, NOTICES);
    return sendAdmin(reply, error ? 400 : 200, 'Users', notice, <UsersPage {...view} />);
  }

  const showUsers = (req: FastifyRequest, reply: FastifyReply) => usersPage(req, reply);

  async function setRole(req: FastifyRequest, reply: FastifyReply) {
    const p = idParams.safeParse(req.params);
    const b = roleForm.safeParse(req.body);
    if (!p.success || !b.success) return usersPage(req, reply, 'Choose a role (and, for a publisher, its publisher).');
    try {
      const publisherId = typeof b.data.publisher === 'number' ? b.data.publisher : null;
      await changeRole(db, { userId: p.data.id, role: b.data.role, publisherId }, auditActorOf(req), now());
      return reply.redirect(backWith(b.data.back, '/admin/users', 'role'), 303);
    } catch (err) {
      if (!isRefusal(err)) throw err;
      return usersPage(req, reply, err.message);
    }
  }

  async function keysPage(
    req: FastifyRequest,
    reply: FastifyReply,
    issued: { publisher: string; key: string } | null,
    error?: string,
  ) {
    const view = { publishers: await listPublishers(db), issued, csrfToken: req.csrfToken };
    const notice = error
      ? { kind: 'error' as const, text: error }
      : issued
        ? { kind: 'ok' as const, text: 'Key issued: copy it below.' }
        : noticeOf(req, NOTICES);
    return sendAdmin(reply, error ? 400 : 200, 'Push-API keys', notice, <KeysPage {...view} />);
  }

  const showKeys = (req: FastifyRequest, reply: FastifyReply) => keysPage(req, reply, null);

  async function issueKey(req: FastifyRequest, reply: FastifyReply) {
    const p = idParams.safeParse(req.params);
    const publisher = p.success ? await getPublisher(db, p.data.id) : undefined;
    if (!publisher) return sendAdmin(reply, 404, 'No such publisher', null, <h1>No such publisher</h1>);
    const key = await issuePublisherKey(db, publisher.id, auditActorOf(req), now());
    return keysPage(req, reply, { publisher: publisher.name, key });
  }

  async function revokeKey(req: FastifyRequest, reply: FastifyReply) {
    const p = idParams.safeParse(req.params);
    if (!p.success) return sendAdmin(reply, 404, 'No such publisher', null, <h1>No such publisher</h1>);
    try {
      await revokePublisherKey(db, p.data.id, auditActorOf(req), now());
      return reply.redirect('/admin/keys?notice=revoked', 303);
    } catch (err) {
      if (!isRefusal(err)) throw err;
      return keysPage(req, reply, null, err.message);
    }
  }

  app.get('/admin/users', showUsers);
  app.post('/admin/users/:id/role', setRole);
  app.get('/admin/keys', showKeys);
  app.post('/admin/keys/:id', issueKey);
  app.post('/admin/keys/:id/revoke', revokeKey);
}
