// The statistical audit of an index (composite-indicators.md §7; COINr get_stats, get_corr, get_corr_flags,
// get_cronbach): per block, statistics and flags of every indicator; for every node its Pearson and Spearman
// correlation with its parent and with the composite (flags: negative, weak); for every aggregate Cronbach's
// alpha over its children and the correlations among them (flags: collinear pairs, negative pairs).
// Correlations use the scored values (normalised indicators, with direction applied, and aggregates), so a
// negative correlation means a component pulls against its group.

import { computeIndex } from '#scoring/compute.js';
import { toColumn } from '#scoring/column.js';
import type { Methodology } from '#scoring/methodology/types.js';
import type { BlockResult, Cell, ComputeOptions, DataTable, NodeResult } from '#scoring/types.js';
import { pearson, spearman } from './correlation.js';
import { cronbachAlpha } from './cronbach.js';
import { columnStats, type StatsThresholds } from './stats.js';

export interface AuditOptions extends StatsThresholds {
  compute?: ComputeOptions;
  /** Values the indicator statistics describe: input ('raw', default), after treatment, or normalised. */
  stage?: 'raw' | 'treated' | 'normalised';
  /** Sibling pairs with Pearson r at or above this are collinear (default 0.9). */
  collinear?: number;
  /** Sibling pairs with r at or below this are flagged negative (default −0.4). */
  negativePair?: number;
  /** A correlation with the parent or the composite below this (in absolute value) is weak (default 0.3). */
  weak?: number;
}

type Stat = Cell;

export interface NodeAudit {
  code: string;
  type: NodeResult['type'];
  parent: string | null;
  /** Indicators: statistics of the chosen stage. */
  stats?: {
    n: number;
    min: Stat;
    max: Stat;
    mean: Stat;
    median: Stat;
    sd: Stat;
    skew: Stat;
    kurt: Stat;
    availability: Stat;
    shareZeros: Stat;
    shareUnique: Stat;
  };
  /** Aggregates: Cronbach's alpha over the children. */
  alpha?: Stat;
  pearsonParent: Stat;
  spearmanParent: Stat;
  pearsonIndex: Stat;
  spearmanIndex: Stat;
  flags: string[];
}

export interface PairAudit {
  parent: string;
  a: string;
  b: string;
  pearson: Stat;
  spearman: Stat;
  flags: string[];
}

export interface BlockAudit {
  block: string;
  units: string[];
  nodes: NodeAudit[];
  pairs: PairAudit[];
}

export interface AuditResult {
  stage: 'raw' | 'treated' | 'normalised';
  blocks: Record<string, BlockAudit>;
}

const cell = (v: number): Stat => (Number.isFinite(v) ? v : null);

/** audit(m, table, options?) — the statistical audit of every block. */
export function audit(m: Methodology, table: DataTable, options: AuditOptions = {}): AuditResult {
  const stage = options.stage ?? 'raw';
  const result = computeIndex(m, table, options.compute ?? {});
  const blocks: Record<string, BlockAudit> = {};
  for (const b of Object.values(result.blocks)) blocks[b.block] = auditBlock(b, stage, options);
  return { stage, blocks };
}

function auditBlock(b: BlockResult, stage: AuditResult['stage'], o: AuditOptions): BlockAudit {
  const weak = o.weak ?? 0.3;
  const col = (code: string) => toColumn(b.nodes[code]!.values);
  const index = col(b.root);
  const nodes: NodeAudit[] = [];
  const pairs: PairAudit[] = [];
  for (const node of Object.values(b.nodes)) {
    const x = col(node.code);
    const parent = node.parent === null ? null : col(node.parent);
    const out: NodeAudit = {
      code: node.code,
      type: node.type,
      parent: node.parent,
      pearsonParent: parent ? cell(pearson(x, parent)) : null,
      spearmanParent: parent ? cell(spearman(x, parent)) : null,
      pearsonIndex: node.code === b.root ? null : cell(pearson(x, index)),
      spearmanIndex: node.code === b.root ? null : cell(spearman(x, index)),
      flags: [],
    };
    if (node.type === 'indicator') {
      const values = stage === 'raw' ? node.raw : stage === 'treated' ? node.treated : node.values;
      const s = columnStats(toColumn(values ?? []), o);
      out.stats = {
        n: s.n,
        min: cell(s.min),
        max: cell(s.max),
        mean: cell(s.mean),
        median: cell(s.median),
        sd: cell(s.sd),
        skew: cell(s.skew),
        kurt: cell(s.kurt),
        availability: cell(s.availability),
        shareZeros: cell(s.shareZeros),
        shareUnique: cell(s.shareUnique),
      };
      out.flags.push(...s.flags);
    } else {
      const kids = node.children.map(col);
      out.alpha = cell(cronbachAlpha(kids));
      pairs.push(...siblingPairs(node.code, node.children, kids, o));
    }
    correlationFlags(out, weak);
    nodes.push(out);
  }
  for (const p of pairs)
    for (const f of p.flags) {
      nodes.find((n) => n.code === p.a)!.flags.push(`${f}:${p.b}`);
      nodes.find((n) => n.code === p.b)!.flags.push(`${f}:${p.a}`);
    }
  return { block: b.block, units: b.units, nodes, pairs };
}

function correlationFlags(out: NodeAudit, weak: number): void {
  const check = (r: Stat, what: string) => {
    if (r === null) return;
    if (r < 0) out.flags.push(`negative-with-${what}`);
    else if (r < weak) out.flags.push(`weak-with-${what}`);
  };
  check(out.pearsonParent, 'parent');
  if (out.parent !== null) check(out.pearsonIndex, 'index');
}

function siblingPairs(
  parent: string,
  codes: string[],
  columns: Float64Array[],
  o: AuditOptions,
): PairAudit[] {
  const out: PairAudit[] = [];
  for (let i = 0; i < codes.length; i++)
    for (let j = i + 1; j < codes.length; j++) {
      const r = cell(pearson(columns[i]!, columns[j]!));
      const flags: string[] = [];
      if (r !== null && r >= (o.collinear ?? 0.9)) flags.push('collinear');
      if (r !== null && r <= (o.negativePair ?? -0.4)) flags.push('negative-pair');
      out.push({
        parent,
        a: codes[i]!,
        b: codes[j]!,
        pearson: r,
        spearman: cell(spearman(columns[i]!, columns[j]!)),
        flags,
      });
    }
  return out;
}
