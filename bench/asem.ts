// The ASEM example (COINr) as the CLI reads it: iMeta → methodology, iData → table.

import { readFileSync } from 'node:fs';
import { parseCsv } from '#server/cli/score/csv.js';
import { methodologyFromMeta } from '#server/cli/score/imeta.js';
import { readTable } from '#server/cli/score/read-table.js';
import type { Methodology } from '#scoring/methodology/types.js';
import type { DataTable } from '#scoring/types.js';

export function asemEdition(): { methodology: Methodology; table: DataTable } {
  const at = (file: string) => new URL(`../test/fixtures/asem/input/${file}`, import.meta.url);
  const meta = parseCsv(readFileSync(at('ASEM_iMeta.csv'), 'utf8'), 'ASEM_iMeta.csv');
  const data = parseCsv(readFileSync(at('ASEM_iData.csv'), 'utf8'), 'ASEM_iData.csv');
  const methodology = methodologyFromMeta(meta, 'asem', ['all']);
  return { methodology, table: readTable(data, methodology).table };
}
