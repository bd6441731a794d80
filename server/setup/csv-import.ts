import type { LineageEvent, SetupImportResult } from '#api/admin-setup.js';
import type { Localized } from '#api/text.js';
import type { Actor } from '#server/auth/actor.js';
import { CsvSyntaxError, parseCsvRecords } from '#server/csv/records.js';
import type { Db } from '#server/db/client.js';
import { blocks } from '#server/db/schema/index.js';
import { fieldError, invalid, type FieldError } from '#server/http/errors.js';
import { eq } from 'drizzle-orm';
import { lineageShapeProblem, unitIndex, writeLineage } from './lineage.js';
import { requireFamily } from './lookup.js';
import { writeUnit } from './units.js';
import { serverMessage } from '#server/http/messages.js';

export const UNIT_COLUMNS = [
  'block',
  'code',
  'name_vi',
  'name_en',
  'official_code',
  'valid_from',
  'valid_to',
] as const;
export const LINEAGE_COLUMNS = [
  'event',
  'date',
  'from_block',
  'from_code',
  'to_block',
  'to_code',
  'note_vi',
  'note_en',
] as const;
const EVENTS: LineageEvent[] = ['merge', 'split', 'rename', 'abolish', 'level_change'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const MAX_PROBLEMS = 200;

type Row = Record<string, string>;

/** Decodes an upload as UTF-8 (BOM allowed), refusing anything else rather than storing it garbled. */
export function decodeUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw invalid([fieldError('/file', 'not_utf8', serverMessage('not_utf8'))]);
  }
}

/** Header-keyed rows; missing required columns and syntax errors are 422s naming the line. */
function readRows(
  buf: Buffer,
  required: readonly string[],
  known: readonly string[],
): Array<{ line: number; row: Row }> {
  let parsed;
  try {
    parsed = parseCsvRecords(decodeUtf8(buf));
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    throw invalid([
      fieldError(
        `/rows/${e.line}`,
        'csv_syntax',
        serverMessage('csv_syntax', { line: e.line, reason: e.message }),
      ),
    ]);
  }
  const header = parsed.header.map((h) => h.toLowerCase());
  const missing = required.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !known.includes(c));
  if (missing.length || unknown.length)
    throw invalid([
      fieldError(
        '/rows/1',
        'bad_header',
        serverMessage('bad_header', {
          columns: known.join(', '),
          missing: missing.length ? serverMessage('bad_header.missing', { columns: missing.join(', ') }) : '',
          unknown: unknown.length ? serverMessage('bad_header.unknown', { columns: unknown.join(', ') }) : '',
        }),
      ),
    ]);
  return parsed.rows.map(({ line, fields }) => ({
    line,
    row: Object.fromEntries(header.map((h, i) => [h, (fields[i] ?? '').trim()])),
  }));
}

const problem = (line: number, column: string, code: string, message: Localized): FieldError =>
  fieldError(`/rows/${line}/${column}`, code, message);

function checkUnitRow(line: number, r: Row, blockCodes: Set<string>): FieldError[] {
  const out: FieldError[] = [];
  if (!blockCodes.has(r.block!))
    out.push(
      problem(line, 'block', 'unknown_block', serverMessage('unknown_block.row', { block: r.block! })),
    );
  if (!CODE.test(r.code!))
    out.push(problem(line, 'code', 'invalid_code', serverMessage('invalid_code.unit')));
  for (const c of ['name_vi', 'name_en'])
    if (!r[c]) out.push(problem(line, c, 'required', serverMessage('required.column', { column: c })));
  for (const c of ['valid_from', 'valid_to'])
    if (r[c] && (!DATE.test(r[c]!) || Number.isNaN(Date.parse(r[c]!))))
      out.push(problem(line, c, 'invalid_date', serverMessage('invalid_date.row', { value: r[c]! })));
  if (r.valid_from && r.valid_to && r.valid_from > r.valid_to)
    out.push(problem(line, 'valid_to', 'range_reversed', serverMessage('range_reversed.row')));
  return out;
}

const tally = (): SetupImportResult => ({ rows: 0, created: 0, updated: 0, unchanged: 0 });

/** Units from CSV: every row is checked first; then all are written in one transaction, or none. */
export async function importUnitsCsv(
  db: Db,
  actor: Actor,
  family: string,
  buf: Buffer,
): Promise<SetupImportResult> {
  const rows = readRows(buf, ['block', 'code', 'name_vi', 'name_en'], UNIT_COLUMNS);
  const f = await requireFamily(db, family);
  const blockRows = await db.select().from(blocks).where(eq(blocks.familyId, f.id));
  const blockIds = new Map(blockRows.map((b) => [b.code, b.id]));
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  for (const { line, row } of rows) {
    problems.push(...checkUnitRow(line, row, new Set(blockIds.keys())));
    const key = `${row.block}/${row.code}`;
    if (seen.has(key))
      problems.push(problem(line, 'code', 'duplicate', serverMessage('duplicate.row', { value: key })));
    seen.add(key);
  }
  if (problems.length) throw invalid(problems.slice(0, MAX_PROBLEMS), 'import_rejected', problems.length);
  const result = { ...tally(), rows: rows.length };
  await db.transaction(async (tx) => {
    for (const { row } of rows) {
      const outcome = await writeUnit(
        tx,
        actor,
        { family, blockId: blockIds.get(row.block!)!, block: row.block! },
        {
          code: row.code!,
          nameVi: row.name_vi!,
          nameEn: row.name_en!,
          officialCode: row.official_code || null,
          validFrom: row.valid_from || null,
          validTo: row.valid_to || null,
        },
        'upsert',
      );
      result[outcome.outcome]++;
    }
  });
  return result;
}

/** Lineage from CSV, referring to units by block and code; checked whole, written whole. */
export async function importLineageCsv(
  db: Db,
  actor: Actor,
  family: string,
  buf: Buffer,
): Promise<SetupImportResult> {
  const rows = readRows(buf, ['event', 'date', 'from_block', 'from_code'], LINEAGE_COLUMNS);
  const f = await requireFamily(db, family);
  const index = await unitIndex(db, f.id);
  const problems: FieldError[] = [];
  const resolved = rows.map(({ line, row }) => {
    const event = row.event as LineageEvent;
    if (!EVENTS.includes(event))
      problems.push(
        problem(
          line,
          'event',
          'invalid_option',
          serverMessage('invalid_option.event', { options: EVENTS.join(', ') }),
        ),
      );
    if (!DATE.test(row.date ?? '') || Number.isNaN(Date.parse(row.date!)))
      problems.push(
        problem(line, 'date', 'invalid_date', serverMessage('invalid_date.row', { value: row.date ?? '' })),
      );
    const from = index.get(`${row.from_block}/${row.from_code}`);
    if (from === undefined)
      problems.push(
        problem(
          line,
          'from_code',
          'unknown_unit',
          serverMessage('unknown_unit.row', { unit: `${row.from_block}/${row.from_code}` }),
        ),
      );
    const hasTo = !!(row.to_block || row.to_code);
    const to = hasTo ? index.get(`${row.to_block}/${row.to_code}`) : null;
    if (hasTo && to === undefined)
      problems.push(
        problem(
          line,
          'to_code',
          'unknown_unit',
          serverMessage('unknown_unit.row', { unit: `${row.to_block}/${row.to_code}` }),
        ),
      );
    const shape = EVENTS.includes(event) ? lineageShapeProblem(event, hasTo, `/rows/${line}`) : null;
    if (shape) problems.push(shape);
    const label = `${row.from_block}/${row.from_code} → ${hasTo ? `${row.to_block}/${row.to_code}` : '∅'}`;
    return {
      event,
      date: row.date!,
      fromUnitId: from!,
      toUnitId: to ?? null,
      noteVi: row.note_vi || null,
      noteEn: row.note_en || null,
      label,
    };
  });
  if (problems.length) throw invalid(problems.slice(0, MAX_PROBLEMS), 'import_rejected', problems.length);
  const result = { ...tally(), rows: rows.length };
  await db.transaction(async (tx) => {
    for (const e of resolved) result[await writeLineage(tx, actor, family, e)]++;
  });
  return result;
}
