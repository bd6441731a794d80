/** A CSV cell: text, a number (missing when not finite), or missing. */
export type CsvCell = string | number | null | undefined;

/**
 * The one CSV writer (server downloads and the CLI): RFC 4180 quoting. Text cells that a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return) are prefixed with an
 * apostrophe; numbers are written in full (shortest round-trip), NaN and Infinity as empty cells.
 * Lines end in CRLF as RFC 4180 says; the CLI asks for `\n`, the convention of Unix tools.
 */
export function toCsv(header: string[], rows: CsvCell[][], options: { eol?: '\r\n' | '\n' } = {}): string {
  const eol = options.eol ?? '\r\n';
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join(eol) + eol;
}

function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
