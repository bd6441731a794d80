import { Router } from 'express';
import type { CreateBatchBody, EditionAction, UpdateEditionBody } from '#api/admin-editions.js';
import batchParams from '#api/schemas/admin/batch-params.schema.json' with { type: 'json' };
import batchQuery from '#api/schemas/admin/batch-query.schema.json' with { type: 'json' };
import createBatchSchema from '#api/schemas/admin/create-batch.schema.json' with { type: 'json' };
import editionParams from '#api/schemas/admin/edition-params.schema.json' with { type: 'json' };
import stateSchema from '#api/schemas/admin/edition-state.schema.json' with { type: 'json' };
import flaggedSchema from '#api/schemas/admin/include-flagged.schema.json' with { type: 'json' };
import updateSchema from '#api/schemas/admin/update-edition.schema.json' with { type: 'json' };
import { actorOf } from '#server/auth/actor.js';
import { requireRole } from '#server/auth/middleware.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { codesCsv } from '#server/collection/codes.js';
import type { Db } from '#server/db/client.js';
import { validate, validQuery } from '#server/http/validate.js';
import { createBatch, listBatches, revokeBatch } from '#server/workspace/code-batches.js';
import { listEditions, moveEdition, setIncludeFlagged, updateDraft } from '#server/workspace/editions.js';

/** Survey-edition management in the workspace: list, edit a draft, lifecycle, flagged setting, code batches. */
export function editionRoutes(db: Db, hasher: CodeHasher): Router {
  const router = Router();
  const analyst = requireRole('analyst');
  const viewer = requireRole('viewer');
  const slug = (req: { params: Record<string, string> }) => req.params.slug!;

  router.get('/admin/survey-editions', viewer, async (_req, res) => {
    res.json({ editions: await listEditions(db) });
  });
  router.patch(
    '/admin/survey-editions/:slug',
    analyst,
    validate<UpdateEditionBody>({ params: editionParams, body: updateSchema }),
    async (req, res) => {
      res.json(await updateDraft(db, actorOf(req), slug(req), req.body));
    },
  );
  router.post(
    '/admin/survey-editions/:slug/state',
    analyst,
    validate<{ action: EditionAction }>({ params: editionParams, body: stateSchema }),
    async (req, res) => {
      res.json(await moveEdition(db, actorOf(req), slug(req), req.body.action));
    },
  );
  router.put(
    '/admin/survey-editions/:slug/include-flagged',
    analyst,
    validate<{ includeFlagged: boolean }>({ params: editionParams, body: flaggedSchema }),
    async (req, res) => {
      res.json(await setIncludeFlagged(db, actorOf(req), slug(req), req.body.includeFlagged));
    },
  );
  router.get(
    '/admin/survey-editions/:slug/batches',
    viewer,
    validate({ params: editionParams }),
    async (req, res) => {
      res.json({ batches: await listBatches(db, slug(req)) });
    },
  );
  // The only time the codes exist in clear: answered as the mail-merge CSV (or JSON) and not kept.
  router.post(
    '/admin/survey-editions/:slug/batches',
    analyst,
    validate<CreateBatchBody>({ params: editionParams, query: batchQuery, body: createBatchSchema }),
    async (req, res) => {
      const { batch, codes } = await createBatch(db, hasher, actorOf(req), slug(req), req.body);
      res.set('Cache-Control', 'no-store');
      if (validQuery<{ format?: string }>(req).format === 'json') {
        res.status(201).json({ batch, codes });
        return;
      }
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${slug(req)}-codes-${batch.id}.csv`)
        .status(201)
        .send('\uFEFF' + codesCsv(slug(req), codes));
    },
  );
  router.delete(
    '/admin/survey-editions/:slug/batches/:id',
    analyst,
    validate({ params: batchParams }),
    async (req, res) => {
      res.json(await revokeBatch(db, hasher, actorOf(req), slug(req), Number(req.params.id)));
    },
  );
  return router;
}
