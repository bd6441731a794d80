import express, { Router, type Request } from 'express';
import type { Db } from '#server/db/client.js';
import { unitItemAggregates } from '#server/collection/aggregates.js';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { codesCsv, issueCodes } from '#server/collection/codes.js';
import { createSurveyEdition, requireEdition } from '#server/collection/editions.js';
import { badField } from '#server/collection/errors.js';
import { importResponses } from '#server/collection/import-run.js';
import { SheetError } from '#server/collection/import-read.js';
import { readSheet } from '#server/files/read-sheet.js';
import { monitoring } from '#server/collection/monitoring.js';
import { refreshQualityFlags } from '#server/collection/quality.js';
import { templateCsv, templateXlsx } from '#server/collection/template.js';
import { requestLang } from '#server/http/lang.js';
import { HttpError } from '#server/http/errors.js';
import { validate, validQuery } from '#server/http/validate.js';
import { actorOf } from '#server/auth/actor.js';
import { requireRole } from '#server/auth/middleware.js';
import { listFlagged } from '#server/collection/flagged.js';
import type {
  CreateEditionBody,
  ImportChannel,
  IssueCodesBody,
  IssuedCodesPayload,
  SurveyEditionCreated,
} from '#api/collection.js';
import type { AggregatesPayload, FlaggedPayload } from '#api/collection-admin.js';
import aggregatesQuery from '#api/schemas/collection/aggregates-query.schema.json' with { type: 'json' };
import codesQuery from '#api/schemas/collection/codes-query.schema.json' with { type: 'json' };
import createEditionSchema from '#api/schemas/collection/create-edition.schema.json' with { type: 'json' };
import importQuery from '#api/schemas/collection/import-query.schema.json' with { type: 'json' };
import issueCodesSchema from '#api/schemas/collection/issue-codes.schema.json' with { type: 'json' };
import slugSchema from '#api/schemas/collection/slug-params.schema.json' with { type: 'json' };
import templateParams from '#api/schemas/collection/template-params.schema.json' with { type: 'json' };
import { serverMessage } from '#server/http/messages.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const slugParams = validate({ params: slugSchema });

const wantsCsv = (req: Request): boolean =>
  req.query.format === 'csv' ||
  (req.query.format === undefined && req.accepts(['json', 'text/csv']) === 'text/csv');

/** Analyst/admin API: publish editions, issue codes, import paper forms, monitor, review quality. */
export function surveyAdminRoutes(db: Db, hasher: CodeHasher): Router {
  const router = Router();
  const analyst = requireRole('analyst');
  const viewer = requireRole('viewer');

  router.post(
    '/admin/survey-editions',
    analyst,
    validate<CreateEditionBody>({ body: createEditionSchema }),
    async (req, res) => {
      const e = await createSurveyEdition(db, req.body, actorOf(req));
      res.status(201).json({
        slug: e.slug,
        family: e.familyCode,
        year: e.year,
        contentHash: e.contentHash,
        opensOn: e.opensOn,
        closesOn: e.closesOn,
        openMode: e.openMode,
        acceptedBreakingChanges: e.acceptedBreakingChanges,
      } satisfies SurveyEditionCreated);
    },
  );

  router.post(
    '/admin/survey-editions/:slug/codes',
    analyst,
    validate<IssueCodesBody>({ params: slugSchema, query: codesQuery, body: issueCodesSchema }),
    async (req, res) => {
      const e = await requireEdition(db, String(req.params.slug));
      const firms = req.body.firms ?? Array.from({ length: req.body.count ?? 0 }, () => ({}));
      const codes = await issueCodes(db, hasher, e.id, firms);
      res.set('Cache-Control', 'no-store');
      if (wantsCsv(req)) {
        res
          .type('text/csv; charset=utf-8')
          .attachment(`${e.slug}-codes.csv`)
          .status(201)
          .send('\uFEFF' + codesCsv(e.slug, codes));
        return;
      }
      res.status(201).json({ edition: e.slug, codes } satisfies IssuedCodesPayload);
    },
  );

  router.get(
    '/admin/survey-editions/:slug/import-template.:format',
    viewer,
    validate({ params: templateParams }),
    async (req, res) => {
      const e = await requireEdition(db, String(req.params.slug));
      if (req.params.format === 'csv') {
        res
          .type('text/csv; charset=utf-8')
          .attachment(`${e.slug}-import.csv`)
          .send('\uFEFF' + templateCsv(e.definition));
      } else {
        res
          .type(XLSX_TYPE)
          .attachment(`${e.slug}-import.xlsx`)
          .send(await templateXlsx(e.definition, requestLang(req), e.context.units));
      }
    },
  );

  router.post(
    '/admin/survey-editions/:slug/imports',
    analyst,
    express.raw({
      type: ['text/csv', 'application/csv', XLSX_TYPE, 'application/octet-stream'],
      limit: '10mb',
    }),
    validate({ params: slugSchema, query: importQuery }),
    async (req, res) => {
      const e = await requireEdition(db, String(req.params.slug));
      const { channel } = validQuery<{ channel: ImportChannel }>(req);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw badField('/body', serverMessage('missing_file', { type: XLSX_TYPE }), 'missing_file');
      }
      const isXlsx = req.is(XLSX_TYPE) !== false || req.body.subarray(0, 2).toString() === 'PK';
      let sheet;
      try {
        sheet = await readSheet(req.body, isXlsx ? 'xlsx' : 'csv');
      } catch (err) {
        if (!(err instanceof SheetError)) throw err;
        const message = serverMessage('import_unreadable', { line: err.line, reason: err.message });
        throw new HttpError(422, 'import_unreadable', message, [
          { path: `/rows/${err.line}`, code: 'import_unreadable', message },
        ]);
      }
      res.status(201).json(await importResponses(db, hasher, e, sheet, channel));
    },
  );

  router.get('/admin/survey-editions/:slug/monitoring', viewer, slugParams, async (req, res) => {
    res.json(await monitoring(db, await requireEdition(db, String(req.params.slug))));
  });

  router.post('/admin/survey-editions/:slug/quality', analyst, slugParams, async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    res.json(await refreshQualityFlags(db, e.id));
  });

  router.get('/admin/survey-editions/:slug/quality', viewer, slugParams, async (req, res) => {
    const e = await requireEdition(db, String(req.params.slug));
    res.json({ edition: e.slug, flagged: await listFlagged(db, e.id) } satisfies FlaggedPayload);
  });

  router.get(
    '/admin/survey-editions/:slug/aggregates',
    viewer,
    validate({ params: slugSchema, query: aggregatesQuery }),
    async (req, res) => {
      const e = await requireEdition(db, String(req.params.slug));
      const { includeFlagged } = validQuery<{ includeFlagged: boolean }>(req);
      res.json({
        edition: e.slug,
        includeFlagged,
        rows: await unitItemAggregates(db, e.id, includeFlagged),
      } satisfies AggregatesPayload);
    },
  );
  return router;
}
