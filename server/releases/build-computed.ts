import type { ReleaseBlock, ReleaseUnit, ScoreCell } from '#api/releases.js';
import type { Localized } from '#api/text.js';
import type { BootstrapResult, RankedColumn } from '#scoring/bootstrap.js';
import type { Methodology } from '#scoring/methodology/types.js';
import type { BlockResult, DataTable, IndexResult, NodeResult } from '#scoring/types.js';
import { blockIndicators } from './build-indicators.js';
import { editionTitle } from './title.js';
import { sortUnits } from './sort-units.js';

/** Names the database holds for a block and its units (the methodology's block names are generic). */
export interface BlockNames {
  code: string;
  name: Localized;
  units: Map<string, Localized>;
}

const pair = (a: number | null | undefined, b: number | null | undefined): [number, number] | null =>
  a === null || a === undefined || b === null || b === undefined ? null : [a, b];

const round = (x: number | null) => (x === null ? null : Math.round(x));

/** Unit i's score in `node`; `j` is the same unit's position in the bootstrap column, if any. */
function cell(node: NodeResult, i: number, column?: RankedColumn, j?: number): ScoreCell {
  const at = (a: RankedColumn['lower']) => (j === undefined ? null : (a[j] ?? null));
  return {
    value: node.values[i] ?? null,
    rank: node.ranks[i] ?? null,
    reason: node.values[i] === null ? (node.reasons[i] ?? 'missing') : null,
    interval: column ? pair(at(column.lower), at(column.upper)) : null,
    // Percentiles of whole ranks, interpolated: shown as whole ranks.
    rankRange: column ? pair(round(at(column.rankLower)), round(at(column.rankUpper))) : null,
  };
}

function uncertainty(boot: BootstrapResult | undefined): ReleaseBlock['uncertainty'] {
  if (!boot) return null;
  return {
    method: boot.method,
    resamples: boot.resamples,
    interval: boot.interval,
    rankInterval: boot.rankInterval,
  };
}

function blockOf(
  m: Methodology,
  year: number,
  block: BlockResult,
  names: BlockNames,
  table: DataTable,
  boot: BootstrapResult | undefined,
): ReleaseBlock {
  const root = block.nodes[block.root]!;
  const bootBlock = boot?.blocks[block.block];
  // The bootstrap keeps its own unit order; look units up by code.
  const bootIndex = new Map((bootBlock?.units ?? []).map((u, i) => [u, i]));
  const respondents = new Map(table.units.filter((u) => u.block === block.block).map((u) => [u.code, u]));
  const labels = m.tiers?.labels ?? [];
  // The methodology's stable tier code, never the label text; tier_N for a rule without codes.
  const tiers = labels.map((l, i) => ({ code: l.code ?? `tier_${i + 1}`, name: { vi: l.vi, en: l.en } }));
  const cellAt = (node: NodeResult, i: number) =>
    cell(node, i, bootBlock?.nodes[node.code], bootIndex.get(block.units[i]!));
  const indicators = blockIndicators(m, block);
  const units: ReleaseUnit[] = block.units.map((code, i) => {
    const tier = block.tiers[i];
    return {
      code,
      name: names.units.get(code) ?? { vi: code, en: code },
      n: respondents.get(code)?.respondents ?? null,
      composite: cellAt(root, i),
      tier: tier ? tiers[tier.index]! : null,
      change: null,
      subIndices: Object.fromEntries(root.children.map((c) => [c, cellAt(block.nodes[c]!, i)])),
      indicatorValues: indicators.values(i),
    };
  });
  return {
    code: block.block,
    name: names.name,
    composite: { code: 'composite', name: editionTitle(m.name, year), weight: null },
    components: root.children.map((c) => {
      const node = block.nodes[c]!;
      return { code: c, name: { vi: node.name.vi, en: node.name.en }, weight: node.weight };
    }),
    tiers,
    indicators: indicators.indicators,
    uncertainty: uncertainty(boot),
    units: sortUnits(units),
  };
}

/** Release blocks from a computed result, in the family's block order; intervals from `boot` when given. */
export function computedBlocks(
  m: Methodology,
  year: number,
  result: IndexResult,
  table: DataTable,
  names: BlockNames[],
  boot?: BootstrapResult,
): ReleaseBlock[] {
  return names
    .filter((b) => result.blocks[b.code])
    .map((b) => blockOf(m, year, result.blocks[b.code]!, b, table, boot));
}
