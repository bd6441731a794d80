import { toCells } from './column.js';
import type { FlatTree } from './flatten.js';
import { methodologyHash } from './methodology/hash.js';
import type { Block, Methodology } from './methodology/types.js';
import { blockFrames, type BlockFrame } from './block-frame.js';
import { prepareBlock } from './prepare-block.js';
import { rank } from './rank.js';
import type { ComputeOptions, DataTable, MissingReason, NodeResult, TreatmentRecord } from './types.js';

export interface PreparedBlock {
  block: Block;
  tree: FlatTree;
  units: string[];
  /** Reason that removes a whole unit ('unit-suppressed' or 'screened'), else null. */
  unitReasons: (MissingReason | null)[];
  screened: string[];
  /** Normalised scores by flat-node position (indicators only). */
  scores: Float64Array[];
  /** Indicator results by flat-node position, without weights (reweight adds them). */
  indicators: Map<number, Omit<NodeResult, 'weight' | 'effectiveWeight'>>;
  treatment: TreatmentRecord[];
}

export interface Prepared {
  methodology: Methodology;
  hash: string;
  edition: number | null;
  blocks: PreparedBlock[];
}

/**
 * Everything weights cannot change, done once: per block, suppression, denomination, imputation, screening,
 * treatment, benchmarks and normalisation (prepare-block.ts), plus the indicators' published NodeResults. The
 * methodology is assumed checked (checkMethodology).
 */
export function prepare(m: Methodology, table: DataTable, options: ComputeOptions = {}): Prepared {
  const edition = options.edition ?? table.edition ?? null;
  const blocks = blockFrames(m, table).map((frame) => resultBlock(m, frame, table, edition, options));
  return { methodology: m, hash: hashOf(m), edition, blocks };
}

// Hashing an 80-indicator methodology costs ~0.6 ms, paid on every prepare() by re-weighting and sensitivity
// runs. Checked methodologies are treated as immutable (the engine never writes to one), so the hash is kept per
// object; a caller that edits a methodology in place must pass a copy.
const hashes = new WeakMap<Methodology, string>();
function hashOf(m: Methodology): string {
  let h = hashes.get(m);
  if (h === undefined) hashes.set(m, (h = methodologyHash(m)));
  return h;
}

function resultBlock(
  m: Methodology,
  frame: BlockFrame,
  table: DataTable,
  edition: number | null,
  options: ComputeOptions,
): PreparedBlock {
  const { tree, units } = frame;
  const steps = prepareBlock(m, frame, table, edition, options);
  const scores: Float64Array[] = [];
  const indicators: PreparedBlock['indicators'] = new Map();
  frame.leaves.forEach((ind, k) => {
    const at = tree.indicators[k]!;
    const col = steps.columns[k]!;
    const score = steps.scores[k]!;
    const reasons = col.reasons.map((r, j) => r ?? (score[j] === score[j] ? null : 'undefined'));
    scores[at] = score;
    const node = tree.nodes[at]!;
    indicators.set(at, {
      code: ind.code,
      name: ind.name,
      type: 'indicator',
      parent: node.parent >= 0 ? tree.nodes[node.parent]!.node.code : null,
      children: [],
      values: toCells(score),
      reasons,
      ranks: toCells(rank(score)),
      direction: ind.direction,
      normaliser: ind.normaliser,
      raw: toCells(col.raw),
      n: col.n ? toCells(col.n) : undefined,
      treated: toCells(steps.treated[k]!),
      imputed: steps.imputed[k] ?? new Array<boolean>(units.length).fill(false),
      benchmark: steps.benchmarks[k],
    });
  });
  return {
    block: frame.block,
    tree,
    units,
    unitReasons: steps.unitReasons,
    screened: steps.screened,
    scores,
    indicators,
    treatment: steps.treatment,
  };
}
