import { isPeriod, periodOf } from '#api/periods.js';
import type { RowError } from '#api/collection-admin.js';
import type { Sheet } from '#server/collection/import-read.js';
import { rowError } from '#server/collection/import-run.js';
import { serverMessage } from '#server/http/messages.js';

// The delivery-data file (README.md): one row per centre and month.
export const DELIVERY_COLUMNS = ['centre', 'month', 'received', 'on_time', 'online', 'e_result'] as const;
const OPTIONAL = ['block'] as const;
const SHARES = ['on_time', 'online', 'e_result'] as const;

/** One centre's figures for one month, as stored (`period` = YYYYMM; shares 0–1; null = not reported). */
export interface DeliveryRecord {
  unitId: number;
  period: number;
  received: number | null;
  onTime: number | null;
  online: number | null;
  eResult: number | null;
}

/** A centre as the checker sees it: its block, code and the months it existed. */
export interface CentreRef {
  id: number;
  block: string;
  code: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Unknown and missing columns of the header row. */
export function headerErrors(sheet: Sheet): RowError[] {
  const known = new Set<string>([...DELIVERY_COLUMNS, ...OPTIONAL]);
  const header = sheet.header.map((h) => h.toLowerCase());
  const errors = header
    .filter((h) => !known.has(h))
    .map((h) =>
      rowError(
        sheet.headerLine,
        h,
        'unknown_column',
        serverMessage('unknown_column.delivery', { column: h, columns: DELIVERY_COLUMNS.join(', ') }),
      ),
    );
  for (const c of DELIVERY_COLUMNS.filter((c) => !header.includes(c)))
    errors.push(
      rowError(
        sheet.headerLine,
        c,
        'missing_column',
        serverMessage('missing_column.delivery', { column: c }),
      ),
    );
  return errors;
}

/** A share: 0–1 (decimal point or comma), or a percentage 0–100 written with "%". */
export function parseShare(cell: string): number | null | 'invalid' {
  const text = cell.replace(/\s/g, '');
  if (text === '') return null;
  const percent = text.endsWith('%');
  const body = (percent ? text.slice(0, -1) : text).replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(body)) return 'invalid';
  const value = Number(body) / (percent ? 100 : 1);
  return value >= 0 && value <= 1 ? value : 'invalid';
}

/** A whole number; thousands may be grouped with ".", "," or a space (1.520 = 1,520 = 1520). */
function parseCount(cell: string): number | null | 'invalid' {
  const text = cell.trim();
  if (text === '') return null;
  const grouped = /^\d{1,3}([., ]\d{3})+$/.test(text);
  const digits = grouped ? text.replace(/[., ]/g, '') : text;
  return /^\d{1,9}$/.test(digits) ? Number(digits) : 'invalid';
}

/** The centre a row names: by code, within `block` when the file has that column. */
function findCentre(centres: CentreRef[], block: string, code: string) {
  const matches = centres.filter((c) => c.code === code && (block === '' || c.block === block));
  return matches;
}

function monthDates(period: number): { first: string; last: string } {
  const y = Math.floor(period / 100);
  const m = period % 100;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { first: `${y}-${mm}-01`, last: `${y}-${mm}-${days}` };
}

/** The row's month as YYYYMM, or null with its problem recorded. */
function checkMonth(row: Sheet['rows'][number], today: string, errors: RowError[]): number | null {
  const monthCell = (row.cells.get('month') ?? '').trim();
  const period = /^\d{4}-\d{2}$/.test(monthCell) ? periodOf(monthCell) : null;
  if (period === null || !isPeriod(period)) {
    errors.push(
      rowError(row.line, 'month', 'invalid_month', serverMessage('invalid_month', { month: monthCell })),
    );
    return null;
  }
  if (monthDates(period).first > today) {
    errors.push(
      rowError(row.line, 'month', 'future_month', serverMessage('future_month', { month: monthCell })),
    );
    return null;
  }
  return period;
}

/** Checks the centre and month of a row; the centre id when both are good. */
function checkKey(
  row: Sheet['rows'][number],
  centres: CentreRef[],
  today: string,
  errors: RowError[],
): { unitId: number; period: number } | undefined {
  const code = row.cells.get('centre') ?? '';
  const block = row.cells.get('block') ?? '';
  const monthCell = row.cells.get('month') ?? '';
  const period = checkMonth(row, today, errors);
  const matches = findCentre(centres, block, code);
  if (matches.length !== 1) {
    const ambiguous = matches.length > 1;
    errors.push(
      rowError(
        row.line,
        'centre',
        ambiguous ? 'ambiguous_centre' : 'unknown_centre',
        serverMessage(ambiguous ? 'ambiguous_centre' : 'unknown_centre', { code }),
      ),
    );
    return undefined;
  }
  const centre = matches[0]!;
  if (period === null) return undefined;
  const { first, last } = monthDates(period);
  if ((centre.validFrom && centre.validFrom > last) || (centre.validTo && centre.validTo < first)) {
    errors.push(
      rowError(
        row.line,
        'centre',
        'centre_not_valid',
        serverMessage('centre_not_valid', {
          code,
          month: monthCell,
          from: centre.validFrom ?? '…',
          to: centre.validTo ?? '…',
        }),
      ),
    );
    return undefined;
  }
  return { unitId: centre.id, period };
}

/** Checks one row's figures; the record when every cell is good. */
function checkValues(row: Sheet['rows'][number], errors: RowError[]) {
  const before = errors.length;
  for (const column of row.formulas)
    errors.push(rowError(row.line, column, 'formula', serverMessage('formula')));
  const received = parseCount(row.cells.get('received') ?? '');
  if (received === 'invalid')
    errors.push(rowError(row.line, 'received', 'invalid_count', serverMessage('invalid_count')));
  const shares: Partial<Record<(typeof SHARES)[number], number | null>> = {};
  for (const column of SHARES) {
    const value = parseShare(row.cells.get(column) ?? '');
    if (value === 'invalid')
      errors.push(rowError(row.line, column, 'invalid_share', serverMessage('invalid_share')));
    else shares[column] = value;
  }
  if (errors.length > before || received === 'invalid') return undefined;
  if (received === null && SHARES.every((c) => shares[c] === null)) {
    errors.push(rowError(row.line, 'received', 'no_values', serverMessage('no_values')));
    return undefined;
  }
  return { received, onTime: shares.on_time!, online: shares.online!, eResult: shares.e_result! };
}

/**
 * Every problem of a delivery-data sheet (header, then each row's cells, then repeats of a centre
 * and month within the file) and the records to store when there is none.
 */
export function checkDeliverySheet(
  sheet: Sheet,
  centres: CentreRef[],
  today: string,
): { records: DeliveryRecord[]; errors: RowError[] } {
  const errors = headerErrors(sheet);
  if (errors.length > 0) return { records: [], errors };
  const lower = (row: Sheet['rows'][number]) => ({
    ...row,
    cells: new Map([...row.cells].map(([k, v]) => [k.toLowerCase(), v])),
  });
  const records: DeliveryRecord[] = [];
  const seen = new Map<string, number>();
  for (const raw of sheet.rows) {
    const row = lower(raw);
    const key = checkKey(row, centres, today, errors);
    const values = checkValues(row, errors);
    if (!key) continue;
    const earlier = seen.get(`${key.unitId}|${key.period}`);
    if (earlier !== undefined) {
      errors.push(
        rowError(row.line, 'month', 'duplicate_row', serverMessage('duplicate_row', { line: earlier })),
      );
      continue;
    }
    seen.set(`${key.unitId}|${key.period}`, row.line);
    if (values) records.push({ ...key, ...values });
  }
  errors.sort((a, b) => a.line - b.line);
  return { records, errors };
}
