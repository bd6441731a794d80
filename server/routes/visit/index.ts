import { Router, type Request } from 'express';
import type { CentreLinksPayload, VisitEntryPayload, VisitSubmitBody } from '#api/visit.js';
import centreParams from '#api/schemas/visit/centre-params.schema.json' with { type: 'json' };
import linksQuery from '#api/schemas/visit/centre-links-query.schema.json' with { type: 'json' };
import submitSchema from '#api/schemas/visit/submit-visit.schema.json' with { type: 'json' };
import tokenParams from '#api/schemas/visit/token-params.schema.json' with { type: 'json' };
import familyParams from '#api/schemas/admin/family-params.schema.json' with { type: 'json' };
import { requireRole } from '#server/auth/middleware.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import type { Db } from '#server/db/client.js';
import { validate, validQuery } from '#server/http/validate.js';
import { visitLimiter, type VISIT_LIMITS } from '#server/limits/visit.js';
import { noStore } from '#server/routes/collection/limits.js';
import { placeOf, visitEntry } from '#server/visit/entry.js';
import { burstFlag } from '#server/visit/flags.js';
import { centreLinks, type LinkOptions } from '#server/visit/links.js';
import { submitVisit } from '#server/visit/submit.js';
import { centreTokenKey, readCentreToken } from '#server/visit/token.js';

/** PUBLIC_URL when set (a printed QR code must carry the public address, not a proxy's); else the request's. */
const originOf = (req: Request, publicUrl: string | undefined): string =>
  publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/**
 * Visits at service centres: the respondent side (a centre token instead of a survey code) and the
 * analysts' links and printable QR codes per centre.
 */
export function visitRoutes(
  db: Db,
  hasher: CodeHasher,
  opts: { limits?: Partial<typeof VISIT_LIMITS> | undefined; publicUrl?: string | undefined } = {},
): Router {
  const router = Router();
  const key = centreTokenKey(hasher);
  const limit = visitLimiter(db, hasher, opts.limits);
  const origin = (req: Request) => originOf(req, opts.publicUrl);
  const token = validate({ params: tokenParams });

  router.get('/visit/:token', noStore, token, async (req, res) => {
    res.json(
      (await visitEntry(db, readCentreToken(key, String(req.params.token)))) satisfies VisitEntryPayload,
    );
  });

  const submit = validate<VisitSubmitBody>({ params: tokenParams, body: submitSchema });
  router.post('/visit/:token/responses', noStore, submit, async (req, res) => {
    const claim = readCentreToken(key, String(req.params.token));
    const place = await placeOf(db, claim);
    const kiosk = claim.k === 1;
    const n = await limit(req, res, { key: `${place.family}/${place.unitCode}`, kiosk });
    const { accepted, replayed } = await submitVisit(db, hasher, place, req.body, burstFlag(n, kiosk));
    if (replayed) res.set('Idempotent-Replayed', 'true');
    res.status(200).json(accepted);
  });

  const analyst = requireRole('analyst');
  const links = validate({ params: familyParams, query: linksQuery });
  router.get('/admin/families/:family/centres/links', analyst, links, async (req, res) => {
    const q = validQuery<LinkOptions>(req);
    const list = await centreLinks(db, key, String(req.params.family), origin(req), q);
    res.json({ family: String(req.params.family), links: list } satisfies CentreLinksPayload);
  });

  const qr = validate({ params: centreParams, query: linksQuery });
  router.get('/admin/families/:family/centres/:code/qr.svg', analyst, qr, async (req, res) => {
    const q = validQuery<LinkOptions>(req);
    const [link] = await centreLinks(db, key, String(req.params.family), origin(req), {
      ...q,
      unit: String(req.params.code),
    });
    res.type('image/svg+xml').set('Cache-Control', 'no-store').send(link!.qrSvg);
  });
  return router;
}
