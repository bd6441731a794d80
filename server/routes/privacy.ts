import { Router } from 'express';
import firmDataQuery from '#api/schemas/privacy/firm-data-query.schema.json' with { type: 'json' };
import { requireRole } from '#server/auth/middleware.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import type { Db } from '#server/db/client.js';
import { validate, validQuery } from '#server/http/validate.js';
import { DEFAULT_RETENTION_DAYS, deleteFirmData, exportFirmData } from '#server/privacy/firm-data.js';

/** A firm's requests about its own data (Decree 13/2023): export it, or delete it. Admins only. */
export function privacyRoutes(db: Db, hasher: CodeHasher, retentionDays = DEFAULT_RETENTION_DAYS): Router {
  const router = Router();
  const admin = requireRole('admin');
  const query = validate({ query: firmDataQuery });
  router.get('/admin/firm-data', admin, query, async (req, res) => {
    const { firmRef } = validQuery<{ firmRef: string }>(req);
    res.set('Cache-Control', 'no-store');
    res.json({ firmRef, records: await exportFirmData(db, hasher, firmRef, retentionDays) });
  });
  router.delete('/admin/firm-data', admin, query, async (req, res) => {
    const { firmRef } = validQuery<{ firmRef: string }>(req);
    res.json({ firmRef, deleted: await deleteFirmData(db, hasher, firmRef) });
  });
  return router;
}
