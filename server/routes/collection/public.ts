import { Router } from 'express';
import type { Db } from '#server/db/client.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { codeStatus, loadDraft, readCode, saveDraft } from '#server/collection/drafts.js';
import { requireEdition, windowState } from '#server/collection/editions.js';
import { badField } from '#server/collection/errors.js';
import { submitResponse } from '#server/collection/submit.js';
import { codeGuessLimiter, noStore } from './limits.js';

const NONCE = /^[A-Za-z0-9_-]{16,100}$/;
export const CODE_HEADER = 'survey-code';

function bodyOf(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badField(
      '/',
      {
        vi: 'Cần gửi một đối tượng JSON (Content-Type: application/json)',
        en: 'Send a JSON object (Content-Type: application/json)',
      },
      'invalid_body',
    );
  }
  return body as Record<string, unknown>;
}

/**
 * The respondent API. Codes travel only in the body or the Survey-Code header, never in a URL,
 * because URLs end up in proxy and access logs.
 */
export function surveyPublicRoutes(db: Db, hasher: CodeHasher, limit?: number): Router {
  const router = Router();
  const limiter = codeGuessLimiter(limit);
  const guard = limiter.check;

  router.get('/surveys/:slug', async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    res.json({
      edition: {
        slug: e.slug,
        family: e.familyCode,
        year: e.year,
        opensOn: e.opensOn,
        closesOn: e.closesOn,
        openMode: e.openMode,
        window: windowState(e),
        contentHash: e.contentHash,
      },
      definition: e.definition,
      units: Object.fromEntries(
        Object.entries(e.units).map(([block, list]) => [
          block,
          list.map((u) => ({ code: u.code, name: u.name })),
        ]),
      ),
    });
  });

  router.post('/surveys/:slug/codes/check', noStore, guard, async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    const code = readCode(bodyOf(req.body).code);
    res.json({ status: await codeStatus(db, hasher, e, code) });
  });

  router.get('/surveys/:slug/draft', noStore, guard, async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    const code = readCode(req.get(CODE_HEADER) ?? '', `/headers/${CODE_HEADER}`);
    res.json(await loadDraft(db, hasher, e, code));
  });

  router.put('/surveys/:slug/draft', noStore, guard, async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    const body = bodyOf(req.body);
    const code = readCode(body.code);
    if (body.draft === undefined)
      throw badField('/draft', { vi: 'Thiếu trường "draft" (bản nháp)', en: 'The "draft" field is missing' });
    res.json(await saveDraft(db, hasher, e, code, body.draft));
  });

  router.post('/surveys/:slug/responses', noStore, guard, async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    const body = bodyOf(req.body);
    const nonce = body.submissionId;
    if (typeof nonce !== 'string' || !NONCE.test(nonce)) {
      throw badField('/submissionId', {
        vi: 'Thiếu hoặc sai "submissionId": chuỗi ngẫu nhiên 16–100 ký tự do trình duyệt tạo, giữ nguyên khi gửi lại',
        en: 'Missing or invalid "submissionId": a random 16–100 character string made by the client and kept on retries',
      });
    }
    const seconds = body.durationSeconds;
    if (seconds !== undefined && (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0)) {
      throw badField('/durationSeconds', {
        vi: '"durationSeconds" phải là số giây không âm',
        en: '"durationSeconds" must be a non-negative number of seconds',
      });
    }
    const code =
      body.code === undefined || body.code === null || body.code === '' ? undefined : readCode(body.code);
    if (body.response === undefined)
      throw badField('/response', {
        vi: 'Thiếu trường "response" (câu trả lời)',
        en: 'The "response" field is missing',
      });
    const { accepted, replayed } = await submitResponse(db, hasher, e, {
      code,
      nonce,
      response: body.response,
      channel: 'online',
      clientSeconds: seconds,
    });
    if (replayed) res.set('Idempotent-Replayed', 'true');
    res.status(200).json(accepted);
  });

  router.use(limiter.record);
  return router;
}
