// The admin console's audit log: newest first, filtered by actor or action,
// paged by the id of the last line shown (stable while new lines arrive).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditFacets, auditLog } from '../../members/audit.ts';
import { AuditPage, auditLink } from '../views/admin-audit.tsx';
import { sendAdmin, type AdminDeps } from './admin-kit.tsx';

const PAGE = 50;
const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);
const auditQuery = z.object({
  actor: z.preprocess(blankIsAbsent, z.coerce.number().int().positive().optional()),
  action: z.string().max(100).optional().default(''),
  before: z.preprocess(blankIsAbsent, z.coerce.number().int().positive().optional()),
});

export function auditAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  async function showAudit(req: FastifyRequest, reply: FastifyReply) {
    const parsed = auditQuery.safeParse(req.query);
    const q = parsed.success ? parsed.data : { actor: undefined, action: '', before: undefined };
    const [page, facets] = await Promise.all([
      auditLog(deps.db, { actorId: q.actor, action: q.action || undefined, before: q.before, limit: PAGE }),
      auditFacets(deps.db),
    ]);
    const filters = { actor: q.actor ?? null, action: q.action };
    const view = { ...page, ...facets, ...filters, first: q.before !== undefined ? auditLink(filters) : null };
    return sendAdmin(reply, 200, 'Audit log', null, <AuditPage {...view} />);
  }

  app.get('/admin/audit', showAudit);
}
