import express, { Router, type Request } from 'express';
import type { Db } from '#server/db/client.js';
import { unitItemAggregates } from '#server/collection/aggregates.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { codesCsv, issueCodes, MAX_CODES_PER_REQUEST, type FirmReference } from '#server/collection/codes.js';
import { createSurveyEdition, requireEdition, type CreateEditionInput } from '#server/collection/editions.js';
import { badField } from '#server/collection/errors.js';
import { importResponses } from '#server/collection/import-run.js';
import { readCsvBuffer, readXlsxBuffer, SheetError } from '#server/collection/import-read.js';
import { monitoring } from '#server/collection/monitoring.js';
import { refreshQualityFlags } from '#server/collection/quality.js';
import { templateCsv, templateXlsx } from '#server/collection/template.js';
import { HttpError } from '#server/http/errors.js';
import { requireAdmin } from './admin-auth.js';
import { listFlagged } from '#server/collection/flagged.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIRM_FIELDS = ['firmRef', 'size', 'sector', 'ownership'] as const;

function firmsFrom(body: Record<string, unknown>): FirmReference[] {
  if (Array.isArray(body.firms)) {
    if (body.firms.length === 0 || body.firms.length > MAX_CODES_PER_REQUEST) throw tooMany();
    return body.firms.map((f: unknown, i) => {
      if (f === null || typeof f !== 'object' || Array.isArray(f)) {
        throw badField(`/firms/${i}`, {
          vi: 'Mỗi doanh nghiệp là một đối tượng',
          en: 'Each firm must be an object',
        });
      }
      const out: FirmReference = {};
      for (const k of FIRM_FIELDS) {
        const v = (f as Record<string, unknown>)[k];
        if (v === undefined || v === null) continue;
        if (typeof v !== 'string' && typeof v !== 'number')
          throw badField(`/firms/${i}/${k}`, { vi: `"${k}" phải là chuỗi`, en: `"${k}" must be a string` });
        out[k] = String(v).slice(0, 100);
      }
      return out;
    });
  }
  const n = body.count;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_CODES_PER_REQUEST) throw tooMany();
  return Array.from({ length: n }, () => ({}));
}

const tooMany = () =>
  badField('/count', {
    vi: `Cần "count" (số nguyên 1–${MAX_CODES_PER_REQUEST}) hoặc "firms" (danh sách doanh nghiệp)`,
    en: `Send "count" (an integer 1–${MAX_CODES_PER_REQUEST}) or "firms" (a list of firms)`,
  });

const wantsCsv = (req: Request): boolean =>
  req.query.format === 'csv' ||
  (req.query.format === undefined && req.accepts(['json', 'text/csv']) === 'text/csv');

/** Analyst/admin API: publish editions, issue codes, import paper forms, monitor, review quality. */
export function surveyAdminRoutes(db: Db, hasher: CodeHasher, adminToken: string | undefined): Router {
  const router = Router();
  router.use('/admin/survey-editions', requireAdmin(adminToken));

  router.post('/admin/survey-editions', async (req, res) => {
    const e = await createSurveyEdition(db, (req.body ?? {}) as CreateEditionInput);
    res.status(201).json({
      slug: e.slug,
      family: e.familyCode,
      year: e.year,
      contentHash: e.contentHash,
      opensOn: e.opensOn,
      closesOn: e.closesOn,
      openMode: e.openMode,
    });
  });

  router.post('/admin/survey-editions/:slug/codes', async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    const codes = await issueCodes(db, hasher, e.id, firmsFrom((req.body ?? {}) as Record<string, unknown>));
    res.set('Cache-Control', 'no-store');
    if (wantsCsv(req)) {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${e.slug}-codes.csv`)
        .status(201)
        .send('\uFEFF' + codesCsv(e.slug, codes));
      return;
    }
    res.status(201).json({ edition: e.slug, codes });
  });

  router.get('/admin/survey-editions/:slug/import-template.:format', async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    if (req.params.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${e.slug}-import.csv`)
        .send('\uFEFF' + templateCsv(e.definition));
    } else if (req.params.format === 'xlsx') {
      res
        .type(XLSX_TYPE)
        .attachment(`${e.slug}-import.xlsx`)
        .send(await templateXlsx(e.definition));
    } else
      throw badField('/format', {
        vi: 'Định dạng phải là csv hoặc xlsx',
        en: 'The format must be csv or xlsx',
      });
  });

  router.post(
    '/admin/survey-editions/:slug/imports',
    express.raw({
      type: ['text/csv', 'application/csv', XLSX_TYPE, 'application/octet-stream'],
      limit: '10mb',
    }),
    async (req, res) => {
      const e = await requireEdition(db, String(req.params.slug));
      const channel = (req.query.channel ?? 'paper') as string;
      if (channel !== 'paper' && channel !== 'phone')
        throw badField('/query/channel', {
          vi: 'Kênh phải là paper hoặc phone',
          en: 'channel must be paper or phone',
        });
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw badField(
          '/body',
          {
            vi: 'Gửi tệp CSV (text/csv) hoặc XLSX làm nội dung yêu cầu',
            en: `Send a CSV (text/csv) or XLSX (${XLSX_TYPE}) file as the request body`,
          },
          'missing_file',
        );
      }
      const isXlsx = req.is(XLSX_TYPE) !== false || req.body.subarray(0, 2).toString() === 'PK';
      let sheet;
      try {
        sheet = isXlsx ? await readXlsxBuffer(req.body) : readCsvBuffer(req.body);
      } catch (err) {
        if (!(err instanceof SheetError)) throw err;
        const message = {
          vi: `Không đọc được tệp (dòng ${err.line}): ${err.message}`,
          en: `Cannot read the file (line ${err.line}): ${err.message}`,
        };
        throw new HttpError(422, 'import_unreadable', message, [
          { path: `/rows/${err.line}`, code: 'import_unreadable', message },
        ]);
      }
      res.status(201).json(await importResponses(db, hasher, e, sheet, channel));
    },
  );

  router.get('/admin/survey-editions/:slug/monitoring', async (req, res) => {
    res.json(await monitoring(db, await requireEdition(db, String(req.params.slug))));
  });

  router.post('/admin/survey-editions/:slug/quality', async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    res.json(await refreshQualityFlags(db, e.id));
  });

  router.get('/admin/survey-editions/:slug/quality', async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    res.json({ edition: e.slug, flagged: await listFlagged(db, e.id) });
  });

  router.get('/admin/survey-editions/:slug/aggregates', async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    const includeFlagged = req.query.includeFlagged === 'true';
    res.json({ edition: e.slug, includeFlagged, rows: await unitItemAggregates(db, e.id, includeFlagged) });
  });
  return router;
}
