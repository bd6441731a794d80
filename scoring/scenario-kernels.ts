// Kernels for every combination of analysis choices (normaliser × imputation, then aggregator), shared by the
// uncertainty runs (sensitivity.ts) and the Sobol analysis (sobol-index.ts). Each (normaliser, imputation)
// alternative is prepared once (prepareScores) on first use; each aggregator gets its own kernel on it.

import { alternativeMethodology } from './alternatives.js';
import { compileKernel, type Kernel } from './kernel.js';
import type { Aggregator, ImputationMethod, Methodology, Normaliser } from './methodology/types.js';
import { prepareScores, type PreparedScores } from './prepare-scores.js';
import type { ComputeOptions, DataTable } from './types.js';

export interface Scenarios {
  /** The methodology as given, already run with its own weights. */
  nominal: Kernel;
  /** kernel(normaliser, imputation, aggregator): indices into the alternatives; −1 = the methodology's own. */
  kernel(ni: number, ii: number, ai: number): Kernel;
}

export function scenarioKernels(
  m: Methodology,
  table: DataTable,
  compute: ComputeOptions,
  alternatives: {
    normalisers: Normaliser[];
    imputations: ImputationMethod[];
    aggregators: { aggregator: Aggregator; p?: number }[];
  },
): Scenarios {
  const { normalisers, imputations, aggregators } = alternatives;
  const nominalPrepared = prepareScores(m, table, compute);
  const nominal = compileKernel(nominalPrepared);
  nominal.run();
  const prepared = new Map<number, PreparedScores>();
  const kernels = new Map<number, Kernel>([[0, nominal]]);
  // Numeric keys (index + 1 in mixed radix): no string is built per run.
  const kernel = (ni: number, ii: number, ai: number): Kernel => {
    const pk = (ni + 1) * (imputations.length + 1) + ii + 1;
    const key = pk * (aggregators.length + 1) + ai + 1;
    let k = kernels.get(key);
    if (k) return k;
    let p = prepared.get(pk);
    if (!p) {
      const alt = alternativeMethodology(m, normalisers[ni], imputations[ii]);
      prepared.set(pk, (p = alt === m ? nominalPrepared : prepareScores(alt, table, compute)));
    }
    k = compileKernel(p, ai < 0 ? {} : { aggregator: aggregators[ai] });
    kernels.set(key, k);
    return k;
  };
  return { nominal, kernel };
}
