import { Router, type Request } from 'express';
import createPublicationSchema from '#api/schemas/admin/create-publication.schema.json' with { type: 'json' };
import diffParams from '#api/schemas/admin/diff-params.schema.json' with { type: 'json' };
import yearParams from '#api/schemas/admin/edition-year-params.schema.json' with { type: 'json' };
import idParams from '#api/schemas/admin/id-params.schema.json' with { type: 'json' };
import previewSchema from '#api/schemas/admin/preview-methodology.schema.json' with { type: 'json' };
import saveSchema from '#api/schemas/admin/save-methodology.schema.json' with { type: 'json' };
import { actorOf } from '#server/auth/actor.js';
import { requireRole } from '#server/auth/middleware.js';
import type { Db } from '#server/db/client.js';
import { validate } from '#server/http/validate.js';
import type { ReleaseService } from '#server/releases/service.js';
import { jsonDiff } from '#server/workspace/json-diff.js';
import { getVersion, listVersions, previewData, saveVersion } from '#server/workspace/methodologies.js';
import {
  draftPublication,
  listPublications,
  publishPublication,
  submitForReview,
} from '#server/workspace/publications.js';

const fy = (req: Request) => [String(req.params.family), Number(req.params.year)] as const;
const num = (req: Request, k: string) => Number(req.params[k]);

/** Methodology versions, the browser preview's data, and the draft → review → publish workflow. */
export function methodologyRoutes(db: Db, releases: ReleaseService | undefined): Router {
  const router = Router();
  const analyst = requireRole('analyst');
  const viewer = requireRole('viewer');
  const base = '/admin/families/:family/editions/:year';

  router.get(`${base}/methodologies`, viewer, validate({ params: yearParams }), async (req, res) => {
    res.json(await listVersions(db, ...fy(req)));
  });
  router.post(
    `${base}/methodologies`,
    analyst,
    validate<{ methodology: unknown; note?: string }>({ params: yearParams, body: saveSchema }),
    async (req, res) => {
      res
        .status(201)
        .json(await saveVersion(db, actorOf(req), ...fy(req), req.body.methodology, req.body.note));
    },
  );
  // POST because the body is a whole methodology; it changes nothing.
  router.post(
    `${base}/preview-data`,
    viewer,
    validate<{ methodology: unknown }>({ params: yearParams, body: previewSchema }),
    async (req, res) => {
      res.json(await previewData(db, ...fy(req), req.body.methodology));
    },
  );
  router.get('/admin/methodologies/:id', viewer, validate({ params: idParams }), async (req, res) => {
    const v = await getVersion(db, num(req, 'id'));
    res.json({ id: v.id, hash: v.hash, note: v.note, methodology: v.body });
  });
  router.get(
    '/admin/methodologies/:id/diff/:other',
    viewer,
    validate({ params: diffParams }),
    async (req, res) => {
      const [a, b] = await Promise.all([getVersion(db, num(req, 'id')), getVersion(db, num(req, 'other'))]);
      res.json({ from: a.hash, to: b.hash, changes: jsonDiff(a.body, b.body) });
    },
  );
  router.get(`${base}/publications`, viewer, validate({ params: yearParams }), async (req, res) => {
    res.json({ publications: await listPublications(db, ...fy(req)) });
  });
  router.post(
    `${base}/publications`,
    analyst,
    validate<{ versionId: number }>({ params: yearParams, body: createPublicationSchema }),
    async (req, res) => {
      const id = await draftPublication(db, actorOf(req), ...fy(req), req.body.versionId);
      res.status(201).json((await listPublications(db, ...fy(req))).find((p) => p.id === id));
    },
  );
  router.post('/admin/publications/:id/submit', analyst, validate({ params: idParams }), async (req, res) => {
    await submitForReview(db, actorOf(req), num(req, 'id'));
    res.status(204).end();
  });
  router.post(
    '/admin/publications/:id/publish',
    analyst,
    validate({ params: idParams }),
    async (req, res) => {
      res.json(await publishPublication(db, actorOf(req), releases, num(req, 'id')));
    },
  );
  return router;
}
