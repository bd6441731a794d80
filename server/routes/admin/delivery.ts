import express, { Router, type Request } from 'express';
import { periodOf } from '#api/periods.js';
import familyParams from '#api/schemas/admin/family-params.schema.json' with { type: 'json' };
import listQuery from '#api/schemas/delivery/list-query.schema.json' with { type: 'json' };
import { actorOf } from '#server/auth/actor.js';
import { requireRole } from '#server/auth/middleware.js';
import { SheetError, type Sheet } from '#server/collection/import-read.js';
import type { Db } from '#server/db/client.js';
import { importDelivery, listDelivery } from '#server/delivery/store.js';
import { readSheet } from '#server/files/read-sheet.js';
import { fieldError, HttpError, invalid } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';
import { validate, validQuery } from '#server/http/validate.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The uploaded CSV or XLSX, read by the bounded worker (server/files/); 422 naming the line when unreadable. */
async function uploadedSheet(req: Request): Promise<Sheet> {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0)
    throw invalid([fieldError('/body', 'missing_file', serverMessage('missing_file', { type: XLSX_TYPE }))]);
  const isXlsx = req.is(XLSX_TYPE) !== false || req.body.subarray(0, 2).toString() === 'PK';
  try {
    return await readSheet(req.body, isXlsx ? 'xlsx' : 'csv');
  } catch (err) {
    if (!(err instanceof SheetError)) throw err;
    const message = serverMessage('import_unreadable', { line: err.line, reason: err.message });
    throw new HttpError(422, 'import_unreadable', message, [
      { path: `/rows/${err.line}`, code: 'import_unreadable', message },
    ]);
  }
}

/** Service-delivery figures of a family's centres: import a CSV/XLSX (analyst), list (viewer). */
export function deliveryRoutes(db: Db): Router {
  const router = Router();
  router.post(
    '/admin/families/:family/delivery',
    requireRole('analyst'),
    express.raw({
      type: ['text/csv', 'application/csv', 'text/plain', XLSX_TYPE, 'application/octet-stream'],
      limit: '10mb',
    }),
    validate({ params: familyParams }),
    async (req, res) => {
      const sheet = await uploadedSheet(req);
      res.status(201).json(await importDelivery(db, actorOf(req), String(req.params.family), sheet));
    },
  );
  router.get(
    '/admin/families/:family/delivery',
    requireRole('viewer'),
    validate({ params: familyParams, query: listQuery }),
    async (req, res) => {
      const { month } = validQuery<{ month?: string }>(req);
      res.json(await listDelivery(db, String(req.params.family), month ? periodOf(month)! : undefined));
    },
  );
  return router;
}
