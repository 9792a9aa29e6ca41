// Who acted, as the audit log records it: the signed-in account, its role at
// the time, and the client address (the trusted one, behind a proxy).
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../members/audit.ts';

export function auditActorOf(req: FastifyRequest): AuditActor {
  const u = req.account?.user;
  return { userId: u?.id ?? null, label: u?.email ?? null, role: u?.role ?? null, ip: req.ip };
}
