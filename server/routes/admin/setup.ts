import express, { Router, type Request } from 'express';
import type {
  BlockBody,
  CommuneTableBody,
  CreateFamilyBody,
  LineageBody,
  UnitBody,
  UpdateFamilyBody,
} from '#api/admin-setup.js';
import blockParams from '#api/schemas/admin/block-params.schema.json' with { type: 'json' };
import boundariesQuery from '#api/schemas/admin/boundaries-query.schema.json' with { type: 'json' };
import communeSchema from '#api/schemas/admin/commune-table.schema.json' with { type: 'json' };
import createBlockSchema from '#api/schemas/admin/create-block.schema.json' with { type: 'json' };
import createFamilySchema from '#api/schemas/admin/create-family.schema.json' with { type: 'json' };
import createLineageSchema from '#api/schemas/admin/create-lineage.schema.json' with { type: 'json' };
import createUnitSchema from '#api/schemas/admin/create-unit.schema.json' with { type: 'json' };
import familyParams from '#api/schemas/admin/family-params.schema.json' with { type: 'json' };
import unitParams from '#api/schemas/admin/unit-params.schema.json' with { type: 'json' };
import updateBlockSchema from '#api/schemas/admin/update-block.schema.json' with { type: 'json' };
import updateFamilySchema from '#api/schemas/admin/update-family.schema.json' with { type: 'json' };
import updateUnitSchema from '#api/schemas/admin/update-unit.schema.json' with { type: 'json' };
import { actorOf } from '#server/auth/actor.js';
import { requireRole } from '#server/auth/middleware.js';
import type { Db } from '#server/db/client.js';
import { fieldError, invalid } from '#server/http/errors.js';
import { validate, validQuery } from '#server/http/validate.js';
import { uploadBoundaries } from '#server/setup/boundaries.js';
import { importCommuneTable } from '#server/setup/commune-table.js';
import { importLineageCsv, importUnitsCsv } from '#server/setup/csv-import.js';
import {
  createBlock,
  createFamily,
  familyDetail,
  listFamilies,
  updateBlock,
  updateFamily,
} from '#server/setup/families.js';
import { addLineage } from '#server/setup/lineage.js';
import { saveUnit } from '#server/setup/units.js';
import { serverMessage } from '#server/http/messages.js';

const csvBody = express.raw({
  type: ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream'],
  limit: '10mb',
});
// GeoJSON is sent as application/geo+json, which the API's 1 MB JSON parser leaves alone.
const geoBody = express.json({ type: ['application/geo+json'], limit: '25mb' });

function fileOf(req: Request): Buffer {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0)
    throw invalid([fieldError('/file', 'missing_file', serverMessage('missing_file.csv'))]);
  return req.body;
}

const p = (req: Request, k: string) => String(req.params[k]);

/** A province's own setup: families, blocks, units, lineage, CSV imports and boundaries. Admins change; everyone reads. */
export function setupRoutes(db: Db): Router {
  const router = Router();
  const admin = requireRole('admin');
  const viewer = requireRole('viewer');

  router.get('/admin/families', viewer, async (_req, res) => {
    res.json({ families: await listFamilies(db) });
  });
  router.post(
    '/admin/families',
    admin,
    validate<CreateFamilyBody>({ body: createFamilySchema }),
    async (req, res) => {
      res.status(201).json(await createFamily(db, actorOf(req), req.body));
    },
  );
  router.get('/admin/families/:family', viewer, validate({ params: familyParams }), async (req, res) => {
    res.json(await familyDetail(db, p(req, 'family')));
  });
  router.patch(
    '/admin/families/:family',
    admin,
    validate<UpdateFamilyBody>({ params: familyParams, body: updateFamilySchema }),
    async (req, res) => {
      res.json(await updateFamily(db, actorOf(req), p(req, 'family'), req.body));
    },
  );
  router.post(
    '/admin/families/:family/blocks',
    admin,
    validate<BlockBody>({ params: familyParams, body: createBlockSchema }),
    async (req, res) => {
      await createBlock(db, actorOf(req), p(req, 'family'), req.body);
      res.status(201).json(await familyDetail(db, p(req, 'family')));
    },
  );
  router.patch(
    '/admin/families/:family/blocks/:block',
    admin,
    validate<Partial<BlockBody>>({ params: blockParams, body: updateBlockSchema }),
    async (req, res) => {
      await updateBlock(db, actorOf(req), p(req, 'family'), p(req, 'block'), req.body);
      res.json(await familyDetail(db, p(req, 'family')));
    },
  );
  router.post(
    '/admin/families/:family/blocks/:block/units',
    admin,
    validate<UnitBody>({ params: blockParams, body: createUnitSchema }),
    async (req, res) => {
      await saveUnit(db, actorOf(req), p(req, 'family'), p(req, 'block'), req.body, 'create');
      res.status(201).json(await familyDetail(db, p(req, 'family')));
    },
  );
  router.put(
    '/admin/families/:family/blocks/:block/units/:code',
    admin,
    validate<Omit<UnitBody, 'code'>>({ params: unitParams, body: updateUnitSchema }),
    async (req, res) => {
      await saveUnit(
        db,
        actorOf(req),
        p(req, 'family'),
        p(req, 'block'),
        { ...req.body, code: p(req, 'code') },
        'update',
      );
      res.json(await familyDetail(db, p(req, 'family')));
    },
  );
  router.post(
    '/admin/families/:family/lineage',
    admin,
    validate<LineageBody>({ params: familyParams, body: createLineageSchema }),
    async (req, res) => {
      await addLineage(db, actorOf(req), p(req, 'family'), req.body);
      res.status(201).json(await familyDetail(db, p(req, 'family')));
    },
  );
  router.use(setupFileRoutes(db));
  return router;
}

/** File imports of a family's setup: units and lineage CSV, the national commune table, boundaries. */
function setupFileRoutes(db: Db): Router {
  const router = Router();
  const admin = requireRole('admin');
  router.post(
    '/admin/families/:family/units.csv',
    admin,
    csvBody,
    validate({ params: familyParams }),
    async (req, res) => {
      res.status(201).json(await importUnitsCsv(db, actorOf(req), p(req, 'family'), fileOf(req)));
    },
  );
  router.post(
    '/admin/families/:family/lineage.csv',
    admin,
    csvBody,
    validate({ params: familyParams }),
    async (req, res) => {
      res.status(201).json(await importLineageCsv(db, actorOf(req), p(req, 'family'), fileOf(req)));
    },
  );
  router.post(
    '/admin/families/:family/commune-table',
    admin,
    validate<CommuneTableBody>({ params: familyParams, body: communeSchema }),
    async (req, res) => {
      res.status(201).json(await importCommuneTable(db, actorOf(req), p(req, 'family'), req.body));
    },
  );
  router.put(
    '/admin/families/:family/blocks/:block/boundaries',
    admin,
    geoBody,
    validate({ params: blockParams, query: boundariesQuery }),
    async (req, res) => {
      const q = validQuery<{ codeProperty?: string }>(req);
      res.json(
        await uploadBoundaries(db, actorOf(req), p(req, 'family'), p(req, 'block'), req.body, q.codeProperty),
      );
    },
  );
  return router;
}
