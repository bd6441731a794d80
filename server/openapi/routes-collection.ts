import { op, ws } from './op.js';
import type { RouteDoc } from './types.js';

// Survey answering and the analyst workspace (owned by their areas; documented here so that
// /api/openapi.json covers every registered route: a route missing here fails test/server/openapi).

export const collectionRoutes: RouteDoc[] = [
  op(
    'get',
    '/surveys/open',
    'surveys',
    'Surveys taking answers today',
    'Survey editions whose window is open today, with title, intro and family; demo editions list try-it codes.',
  ),
  op(
    'get',
    '/surveys/:slug',
    'surveys',
    'A published survey definition',
    'The survey edition a firm answers: definition, units to rate, window.',
  ),
  op(
    'post',
    '/surveys/:slug/codes/check',
    'surveys',
    'Check a survey code',
    'Says whether a code may still answer this edition, without revealing anything else; rate limited.',
    'collection/code-check',
  ),
  op(
    'get',
    '/surveys/:slug/draft',
    'surveys',
    'Load a saved draft',
    'The encrypted draft saved under the code, if any.',
  ),
  op(
    'put',
    '/surveys/:slug/draft',
    'surveys',
    'Save a draft',
    'Saves the unfinished answers under the code (encrypted, purged when idle).',
    'collection/save-draft',
  ),
  op(
    'post',
    '/surveys/:slug/responses',
    'surveys',
    'Submit a response',
    'Validates and accepts the answers; the code is spent and the response is stored anonymously through the mixer.',
    'collection/submit-response',
  ),
  op(
    'post',
    '/admin/survey-editions',
    'survey editions',
    'Publish a survey edition',
    `Checks the definition, dates and units and publishes the edition. ${ws}`,
    'collection/create-edition',
  ),
  op(
    'post',
    '/admin/survey-editions/:slug/codes',
    'survey editions',
    'Issue survey codes',
    `Issues single-use codes for sampled firms (CSV for mail merge). ${ws}`,
    'collection/issue-codes',
  ),
  op(
    'get',
    '/admin/survey-editions/:slug/import-template.:format',
    'survey editions',
    'Paper/phone intake template',
    `A CSV or XLSX template for entering paper and phone answers. ${ws}`,
  ),
  op(
    'post',
    '/admin/survey-editions/:slug/imports',
    'survey editions',
    'Import paper/phone answers',
    `Imports a filled template; every row is checked first and a bad file changes nothing. ${ws}`,
  ),
  op(
    'get',
    '/admin/survey-editions/:slug/monitoring',
    'survey editions',
    'Collection progress',
    `Responses by day, channel and block while the survey runs. ${ws}`,
  ),
  op(
    'post',
    '/admin/survey-editions/:slug/quality',
    'survey editions',
    'Refresh quality flags',
    `Recomputes speeder, straight-lining and near-duplicate flags. ${ws}`,
  ),
  op(
    'get',
    '/admin/survey-editions/:slug/quality',
    'survey editions',
    'Quality flags',
    `Counts of flagged responses by flag. ${ws}`,
  ),
  op(
    'get',
    '/admin/survey-editions/:slug/aggregates',
    'survey editions',
    'Per-unit aggregates',
    `Respondent counts and answer distributions per unit (suppressed below the minimum). ${ws}`,
  ),
];
