// Audit and Sobol results → CSV (the JSON forms are the engine's objects). Missing statistics are empty cells,
// never NaN; text cells that a spreadsheet would run as a formula are neutralised as in output.ts.

import type { AuditResult } from '#scoring/audit/audit.js';
import type { SobolIndexResult } from '#scoring/sobol-index.js';
import { num, text } from './output.js';

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
  const lines = [AUDIT_HEADER.join(',')];
  for (const b of Object.values(r.blocks))
    for (const n of b.nodes) {
      const s = n.stats;
      lines.push(
        [
          text(b.block),
          text(n.code),
          n.type,
          text(n.parent ?? ''),
          s ? String(s.n) : '',
          num(s?.availability),
          num(s?.min),
          num(s?.max),
          num(s?.mean),
          num(s?.median),
          num(s?.sd),
          num(s?.skew),
          num(s?.kurt),
          num(s?.shareZeros),
          num(s?.shareUnique),
          num(n.alpha),
          num(n.pearsonParent),
          num(n.spearmanParent),
          num(n.pearsonIndex),
          num(n.spearmanIndex),
          text(n.flags.join(';')),
        ].join(','),
      );
    }
  return lines.join('\n') + '\n';
}

/** formatSobolCsv(sobol) — one row per factor: first-order and total indices with their intervals. */
export function formatSobolCsv(r: SobolIndexResult): string {
  const lines = ['factor,first,first_lower,first_upper,total,total_lower,total_upper'];
  r.factors.forEach((f, i) =>
    lines.push(
      [
        f,
        num(r.first[i]),
        num(r.firstInterval[i]?.[0]),
        num(r.firstInterval[i]?.[1]),
        num(r.total[i]),
        num(r.totalInterval[i]?.[0]),
        num(r.totalInterval[i]?.[1]),
      ].join(','),
    ),
  );
  return lines.join('\n') + '\n';
}
