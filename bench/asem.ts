// The ASEM example (COINr) as the CLI reads it: iMeta → methodology, iData → table.

import { readFileSync } from 'node:fs';
import { parseCsv } from '#server/cli/score/csv.js';
import { methodologyFromMeta } from '#server/cli/score/imeta.js';
import { readTable } from '#server/cli/score/read-table.js';
import type { Methodology, MethodologyNode } from '#scoring/methodology/types.js';
import type { DataTable } from '#scoring/types.js';

export function asemEdition(): { methodology: Methodology; table: DataTable } {
  const at = (file: string) => new URL(`../test/fixtures/asem/input/${file}`, import.meta.url);
  const meta = parseCsv(readFileSync(at('ASEM_iMeta.csv'), 'utf8'), 'ASEM_iMeta.csv');
  const data = parseCsv(readFileSync(at('ASEM_iData.csv'), 'utf8'), 'ASEM_iData.csv');
  const methodology = methodologyFromMeta(meta, 'asem', ['all']);
  return { methodology, table: readTable(data, methodology).table };
}

/** COINr's example coin (ASEM case 2): denominators, group-mean imputation, screening 0.9, JRC treatment. */
export function asemCase2(): { methodology: Methodology; table: DataTable } {
  const { methodology } = asemEdition();
  const meta = parseCsv(
    readFileSync(new URL('../test/fixtures/asem/input/ASEM_iMeta.csv', import.meta.url), 'utf8'),
    'ASEM_iMeta.csv',
  );
  const code = meta.header.indexOf('iCode');
  const den = meta.header.indexOf('Denominator');
  const denominators = new Map(meta.rows.map((r) => [r.fields[code]!, r.fields[den] ?? '']));
  const withDen = (node: MethodologyNode): MethodologyNode =>
    node.type === 'indicator'
      ? denominators.get(node.code)
        ? { ...node, denominator: denominators.get(node.code)! }
        : node
      : { ...node, children: node.children.map(withDen) };
  const m: Methodology = {
    ...methodology,
    tree: withDen(methodology.tree) as Methodology['tree'],
    imputation: { method: 'groupMean', group: 'EurAsia_group' },
    screening: { minAvailability: 0.9 },
    treatment: { method: 'jrc', winmax: 5 },
  };
  const data = parseCsv(
    readFileSync(new URL('../test/fixtures/asem/input/ASEM_iData.csv', import.meta.url), 'utf8'),
    'ASEM_iData.csv',
  );
  return { methodology: m, table: readTable(data, m).table };
}
