import { Router } from 'express';
import type { Db } from '#server/db/client.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { codeStatus, loadDraft, readCode, saveDraft } from '#server/collection/drafts.js';
import { requireEdition } from '#server/collection/editions.js';
import { editionPayload } from '#server/collection/edition-payload.js';
import { openSurveys } from '#server/collection/open-surveys.js';
import { assertOpen, submitToEdition } from '#server/collection/submit.js';
import { validate } from '#server/http/validate.js';
import type {
  CodeCheckBody,
  CodeCheckPayload,
  SaveDraftBody,
  SubmitResponseBody,
  SurveyEditionPayload,
} from '#api/collection.js';
import type { OpenSurveysPayload } from '#api/open-surveys.js';
import codeCheckSchema from '#api/schemas/collection/code-check.schema.json' with { type: 'json' };
import saveDraftSchema from '#api/schemas/collection/save-draft.schema.json' with { type: 'json' };
import slugSchema from '#api/schemas/collection/slug-params.schema.json' with { type: 'json' };
import submitSchema from '#api/schemas/collection/submit-response.schema.json' with { type: 'json' };
import { codeGuessLimiter } from '#server/limits/code-guess.js';
import { openModeLimiter } from '#server/limits/open-mode.js';
import { noStore } from './limits.js';

export const CODE_HEADER = 'survey-code';
const slugParams = validate({ params: slugSchema });

/**
 * The respondent API. Codes travel only in the body or the Survey-Code header, never in a URL,
 * because URLs end up in proxy and access logs.
 */
export function surveyPublicRoutes(db: Db, hasher: CodeHasher, limit?: number): Router {
  const router = Router();
  // Shared by every instance through the database; see server/limits/README.md for the sizes.
  const limiter = codeGuessLimiter(db, hasher, limit === undefined ? {} : { attempts: limit });
  const guard = limiter.check;
  const openLimit = openModeLimiter(db, hasher);

  // Before /surveys/:slug, which would take "open" for a slug.
  router.get('/surveys/open', async (_req, res) => {
    res.json({ surveys: await openSurveys(db, hasher) } satisfies OpenSurveysPayload);
  });

  router.get('/surveys/:slug', slugParams, async (req, res) => {
    res.json((await editionPayload(db, String(req.params.slug))) satisfies SurveyEditionPayload);
  });

  const codeCheck = validate<CodeCheckBody>({ params: slugSchema, body: codeCheckSchema });
  router.post('/surveys/:slug/codes/check', noStore, guard, codeCheck, async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    // A closed or not-yet-open survey says so (403 with the dates) before the code is looked at.
    assertOpen(e);
    const code = readCode(req.body.code);
    res.json({ status: await codeStatus(db, hasher, e, code) } satisfies CodeCheckPayload);
  });

  router.get('/surveys/:slug/draft', noStore, guard, slugParams, async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    const code = readCode(req.get(CODE_HEADER) ?? '', `/headers/${CODE_HEADER}`);
    res.json(await loadDraft(db, hasher, e, code));
  });

  const draftBody = validate<SaveDraftBody>({ params: slugSchema, body: saveDraftSchema });
  router.put('/surveys/:slug/draft', noStore, guard, draftBody, async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    res.json(await saveDraft(db, hasher, e, readCode(req.body.code), req.body.draft));
  });

  const responseBody = validate<SubmitResponseBody>({ params: slugSchema, body: submitSchema });
  router.post('/surveys/:slug/responses', noStore, guard, responseBody, openLimit, async (req, res) => {
    const body = req.body;
    const code =
      body.code === undefined || body.code === null || body.code === '' ? undefined : readCode(body.code);
    const { accepted, replayed } = await submitToEdition(db, hasher, String(req.params.slug), {
      code,
      nonce: body.submissionId,
      response: body.response,
      channel: 'online',
      clientSeconds: body.durationSeconds,
    });
    if (replayed) res.set('Idempotent-Replayed', 'true');
    res.status(200).json(accepted);
  });

  router.use(limiter.record);
  return router;
}
