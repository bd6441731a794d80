import { and, eq, inArray } from 'drizzle-orm';
import { validateResponse } from '#surveys/validate.js';
import type { Db } from '#server/db/client.js';
import { surveyCodes } from '#server/db/schema/index.js';
import type { ImportResult, RowError } from '#api/collection-admin.js';
import type { Localized } from '#api/text.js';
import { HttpError } from '#server/http/errors.js';
import { CODE_PROBLEM_MESSAGES, parseCode } from '#surveys/code-format.js';
import type { CodeHasher } from './code-hash.js';
import type { LoadedEdition } from './editions.js';
import { CHANNEL_COLUMN, CODE_COLUMN, rowToResponse, templateHeader } from './import-format.js';
import type { Sheet } from './import-read.js';
import { storeResponse, type Channel, type StoreInput } from './submit.js';
import { serverMessage } from '#server/http/messages.js';

// An upload is the request body and carries no name of its own.
const UPLOAD = 'upload';

/** One problem of an uploaded sheet (also the delivery-data import's, server/delivery/). */
export const rowError = (line: number, column: string, code: string, message: Localized): RowError => ({
  path: `/rows/${line}/${column}`,
  file: UPLOAD,
  line,
  column,
  code,
  message,
});

type Prepared = StoreInput & { line: number; hash: string };
type Row = Sheet['rows'][number];
type RowInput = Pick<StoreInput, 'response' | 'channel'> & { code: string };

/** Problems of the header row: columns the template does not have, a missing code column. */
function headerErrors(edition: LoadedEdition, sheet: Sheet): RowError[] {
  const errors: RowError[] = [];
  const expected = new Set(templateHeader(edition.definition));
  for (const column of sheet.header) {
    if (!expected.has(column)) {
      errors.push(
        rowError(sheet.headerLine, column, 'unknown_column', serverMessage('unknown_column', { column })),
      );
    }
  }
  if (!sheet.header.includes(CODE_COLUMN)) {
    errors.push(
      rowError(
        sheet.headerLine,
        CODE_COLUMN,
        'missing_column',
        serverMessage('missing_column', { column: CODE_COLUMN }),
      ),
    );
  }
  return errors;
}

/** Problems of one row's cells (formulas, code, channel, answers); its store input when the code parses. */
function checkRow(
  edition: LoadedEdition,
  row: Row,
  defaultChannel: Channel,
  errors: RowError[],
): RowInput | undefined {
  for (const column of row.formulas) {
    errors.push(rowError(row.line, column, 'formula', serverMessage('formula')));
  }
  const parsed = parseCode(row.cells.get(CODE_COLUMN) ?? '');
  if (!parsed.ok)
    errors.push(
      rowError(row.line, CODE_COLUMN, `code_${parsed.problem}`, CODE_PROBLEM_MESSAGES[parsed.problem]),
    );
  const channelCell = row.cells.get(CHANNEL_COLUMN) ?? '';
  const channel = (channelCell || defaultChannel) as Channel;
  if (channel !== 'paper' && channel !== 'phone') {
    errors.push(rowError(row.line, CHANNEL_COLUMN, 'invalid_channel', serverMessage('invalid_channel')));
  }
  const { response, columnOf } = rowToResponse(edition.definition, row.cells);
  const result = validateResponse(edition.definition, edition.context, response);
  for (const e of result.errors) errors.push(rowError(row.line, columnOf(e.path), e.code, e.message));
  return parsed.ok ? { code: parsed.code, response, channel } : undefined;
}

/** Checks every row and the codes' repeats within the file; the rows to store. */
async function checkRows(
  hasher: CodeHasher,
  edition: LoadedEdition,
  sheet: Sheet,
  defaultChannel: Channel,
  errors: RowError[],
): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  const seen = new Map<string, number>();
  let done = 0;
  for (const row of sheet.rows) {
    // Validation is CPU work; yield every 200 rows so a 20,000-row file never stalls other requests.
    if (++done % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    const input = checkRow(edition, row, defaultChannel, errors);
    if (!input) continue;
    const hash = hasher.code(input.code);
    const earlier = seen.get(hash);
    if (earlier !== undefined) {
      errors.push(
        rowError(row.line, CODE_COLUMN, 'duplicate_code', serverMessage('duplicate_code', { line: earlier })),
      );
      continue;
    }
    seen.set(hash, row.line);
    prepared.push({ line: row.line, hash, ...input, nonce: null });
  }
  return prepared;
}

/** Problems of codes that are not this edition's or already used (looked up 1000 at a time). */
async function codeErrors(db: Db, edition: LoadedEdition, prepared: Prepared[]): Promise<RowError[]> {
  const hashes = prepared.map((p) => p.hash);
  const known = new Map<string, boolean>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const rows = await db
      .select({ hash: surveyCodes.codeHash, used: surveyCodes.used })
      .from(surveyCodes)
      .where(
        and(
          eq(surveyCodes.surveyEditionId, edition.id),
          inArray(surveyCodes.codeHash, hashes.slice(i, i + 1000)),
        ),
      );
    for (const r of rows) known.set(r.hash, r.used);
  }
  const errors: RowError[] = [];
  for (const p of prepared) {
    const used = known.get(p.hash);
    if (used === undefined)
      errors.push(rowError(p.line, CODE_COLUMN, 'unknown_code', serverMessage('unknown_code.import')));
    else if (used) errors.push(rowError(p.line, CODE_COLUMN, 'code_used', serverMessage('code_used.import')));
  }
  return errors;
}

/** Claims every code and queues every answer in one transaction; the count by channel. */
async function storeAll(db: Db, hasher: CodeHasher, edition: LoadedEdition, prepared: Prepared[]) {
  const byChannel: Partial<Record<Channel, number>> = {};
  await db.transaction(async (tx) => {
    for (const p of prepared) {
      await storeResponse(tx as unknown as Db, hasher, edition, p);
      byChannel[p.channel] = (byChannel[p.channel] ?? 0) + 1;
    }
  });
  return byChannel;
}

/**
 * Imports paper or phone responses through the same validation and storage as online ones. Every
 * row is checked first; any problem rejects the whole file (422 with line, item and message per
 * problem) and nothing is written. All codes are claimed in one transaction, the answers queued
 * sealed for the mixer (mixer.ts), which stores them in batches with online submissions.
 */
export async function importResponses(
  db: Db,
  hasher: CodeHasher,
  edition: LoadedEdition,
  sheet: Sheet,
  defaultChannel: Channel,
): Promise<ImportResult> {
  const errors = headerErrors(edition, sheet);
  if (errors.length > 0) throw importFailed(errors);
  const prepared = await checkRows(hasher, edition, sheet, defaultChannel, errors);
  errors.push(...(await codeErrors(db, edition, prepared)));
  if (errors.length > 0) throw importFailed(errors);
  const byChannel = await storeAll(db, hasher, edition, prepared);
  return { imported: prepared.length, byChannel };
}

/** 422 for a sheet with problems, sorted by line, the first quoted in the summary; nothing was stored. */
export function importFailed(errors: RowError[]): HttpError {
  errors.sort((a, b) => a.line - b.line);
  const first = errors[0]!;
  return new HttpError(
    422,
    'import_failed',
    serverMessage('import_failed', {
      count: errors.length,
      line: first.line,
      column: first.column,
      first: first.message,
    }),
    errors.slice(0, 1000),
    errors.length > 1000 ? errors.length : undefined,
  );
}
