import { Router } from 'express';
import type { AuditQuery } from '#api/admin-audit.js';
import auditQuery from '#api/schemas/admin/audit-query.schema.json' with { type: 'json' };
import { listAudit } from '#server/audit/log.js';
import { requireRole } from '#server/auth/middleware.js';
import type { Db } from '#server/db/client.js';
import { validate, validQuery } from '#server/http/validate.js';

/** The audit log with filters (analysts and admins). */
export function auditRoutes(db: Db): Router {
  const router = Router();
  router.get('/admin/audit', requireRole('analyst'), validate({ query: auditQuery }), async (req, res) => {
    res.json(await listAudit(db, validQuery<AuditQuery>(req)));
  });
  return router;
}
