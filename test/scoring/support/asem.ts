import type { AggregateNode, IndicatorNode, Methodology, Normaliser } from '#scoring/methodology/types.js';
import type { DataTable } from '#scoring/types.js';
import { cell, fixture, readCsv } from './csv.js';

const meta = () => readCsv(fixture('asem/input/ASEM_iMeta.csv'));

/** ASEM framework from iMeta as a methodology: every node arithmetic, weights from iMeta, min-max [0, 100]. */
export function asemMethodology(extra: Partial<Methodology> = {}, useDenominators = false): Methodology {
  const rows = meta().filter((r) => r.Type === 'Indicator' || r.Type === 'Aggregate');
  const normaliser: Normaliser = { method: 'minmax', lower: 0, upper: 100 };
  const build = (code: string): AggregateNode | IndicatorNode => {
    const r = rows.find((x) => x.iCode === code)!;
    const name = { vi: r.iName!, en: r.iName! };
    if (r.Type === 'Indicator') {
      const node: IndicatorNode = {
        type: 'indicator',
        code,
        name,
        weight: Number(r.Weight),
        source: { kind: 'hard', series: code },
        direction: Number(r.Direction) as 1 | -1,
        normaliser,
      };
      if (useDenominators && r.Denominator) node.denominator = r.Denominator;
      return node;
    }
    const level = Number(r.Level);
    return {
      type: level === 4 ? 'index' : level === 3 ? 'subindex' : 'group',
      code,
      name,
      weight: Number(r.Weight),
      aggregator: 'arithmetic',
      children: rows.filter((x) => x.Parent === code).map((x) => build(x.iCode!)),
    };
  };
  return {
    id: 'asem',
    version: '1',
    name: { vi: 'ASEM', en: 'ASEM Sustainable Connectivity' },
    blocks: [{ code: 'all', name: { vi: 'Tất cả', en: 'All' } }],
    tree: build('Index') as AggregateNode,
    ...extra,
  };
}

export const ASEM_INDICATORS = () =>
  meta()
    .filter((r) => r.Type === 'Indicator')
    .map((r) => r.iCode!);

/** iData as a table: indicator and denominator columns, groups for imputation. */
export function asemTable(): DataTable {
  return toTable(readCsv(fixture('asem/input/ASEM_iData.csv')), 2018);
}

/** The synthetic panel iData_p (51 units × 2018–2022) as one table per edition, in year order. */
export function asemPanel(): DataTable[] {
  const data = readCsv(fixture('asem/input/ASEM_iData_p.csv'));
  const years = [...new Set(data.map((r) => Number(r.Time)))].sort();
  return years.map((y) =>
    toTable(
      data.filter((r) => Number(r.Time) === y),
      y,
    ),
  );
}

function toTable(data: Record<string, string>[], edition: number): DataTable {
  const columns = [...ASEM_INDICATORS(), 'Area', 'Energy', 'GDP', 'Population'];
  const values: Record<string, (number | null)[]> = {};
  for (const c of columns) values[c] = data.map((r) => cell(r[c]));
  return {
    edition,
    units: data.map((r) => ({
      code: r.uCode!,
      block: 'all',
      groups: {
        EurAsia_group: r.EurAsia_group!,
        GDP_group: r.GDP_group!,
        GDPpc_group: r.GDPpc_group!,
        Pop_group: r.Pop_group!,
      },
    })),
    values,
  };
}

/** A data-set CSV (uCode + indicator columns) as a map unit → indicator → value. */
export function asemDataset(path: string): Map<string, Record<string, string>> {
  return new Map(readCsv(fixture(path)).map((r) => [r.uCode!, r]));
}
