// Audit and Sobol results → CSV (the JSON forms are the engine's objects). Missing statistics are empty cells,
// never NaN; written by the one CSV writer (server/http/csv.ts), which neutralises formula cells.

import type { AuditResult } from '#scoring/audit/audit.js';
import type { SobolIndexResult } from '#scoring/sobol-index.js';
import { toCsv, type CsvCell } from '#server/http/csv.js';

const LF = { eol: '\n' } as const;

const AUDIT_HEADER = [
  'block',
  'code',
  'type',
  'parent',
  'n',
  'availability',
  'min',
  'max',
  'mean',
  'median',
  'sd',
  'skew',
  'kurt',
  'share_zeros',
  'share_unique',
  'alpha',
  'r_parent',
  'rho_parent',
  'r_index',
  'rho_index',
  'flags',
];

/** formatAuditCsv(audit) — one row per node and block; flags joined by ";". */
export function formatAuditCsv(r: AuditResult): string {
  const rows: CsvCell[][] = [];
  for (const b of Object.values(r.blocks))
    for (const n of b.nodes) {
      const s = n.stats;
      rows.push([
        b.block,
        n.code,
        n.type,
        n.parent ?? '',
        s?.n,
        s?.availability,
        s?.min,
        s?.max,
        s?.mean,
        s?.median,
        s?.sd,
        s?.skew,
        s?.kurt,
        s?.shareZeros,
        s?.shareUnique,
        n.alpha,
        n.pearsonParent,
        n.spearmanParent,
        n.pearsonIndex,
        n.spearmanIndex,
        n.flags.join(';'),
      ]);
    }
  return toCsv(AUDIT_HEADER, rows, LF);
}

/** formatSobolCsv(sobol) — one row per factor: first-order and total indices with their intervals. */
export function formatSobolCsv(r: SobolIndexResult): string {
  const rows: CsvCell[][] = r.factors.map((f, i) => [
    f,
    r.first[i],
    r.firstInterval[i]?.[0],
    r.firstInterval[i]?.[1],
    r.total[i],
    r.totalInterval[i]?.[0],
    r.totalInterval[i]?.[1],
  ]);
  const header = ['factor', 'first', 'first_lower', 'first_upper', 'total', 'total_lower', 'total_upper'];
  return toCsv(header, rows, LF);
}
