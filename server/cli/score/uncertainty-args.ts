// Command-line choices of an uncertainty run → the engine's SensitivityOptions (scoring/sensitivity.ts).
//   --noise P               weight noise × U(1 − P, 1 + P) (default 0.25 when nothing else is uncertain)
//   --noise-levels L,…      only nodes of these levels: indicator, group, subindex
//   --noise-node CODE=P     per-node noise (repeatable)
//   --weight-sets FILE      given weight sets (weight-sets.ts), one per run in turn
//   --normalisers N,…       minmax[:lower:upper], zscore[:mean:sd], rank, prank, borda, dist2max, pci
//   --aggregators A,…       arithmetic, geometric, harmonic, power:P, copeland
//   --imputations I,…       none, mean, median, groupMean, groupMedian

import {
  AGGREGATORS,
  IMPUTATION_METHODS,
  type Aggregator,
  type ImputationMethod,
  type Normaliser,
} from '#scoring/methodology/types.js';
import type { SensitivityOptions } from '#scoring/sensitivity.js';
import { NOISE_LEVELS, type NoiseLevel, type WeightNoise } from '#scoring/weight-noise.js';
import type { WeightOverrides } from '#scoring/types.js';
import { UsageError } from './errors.js';

export interface UncertaintyArgs {
  noise?: string;
  'noise-levels'?: string;
  'noise-node'?: string[];
  normalisers?: string;
  aggregators?: string;
  imputations?: string;
}

/** uncertaintyOptions(args, sets) — the uncertain inputs; with none given, noise 0.25 on every weight. */
export function uncertaintyOptions(
  a: UncertaintyArgs,
  sets: WeightOverrides[] | undefined,
): Pick<SensitivityOptions, 'weights' | 'weightSets' | 'normalisers' | 'aggregators' | 'imputations'> {
  const out: ReturnType<typeof uncertaintyOptions> = {};
  if (a.normalisers !== undefined) out.normalisers = list(a.normalisers, '--normalisers').map(normaliser);
  if (a.aggregators !== undefined) out.aggregators = list(a.aggregators, '--aggregators').map(aggregator);
  if (a.imputations !== undefined)
    out.imputations = list(a.imputations, '--imputations').map((s) => {
      if (!(IMPUTATION_METHODS as readonly string[]).includes(s))
        throw new UsageError(`--imputations: ${s} is not one of ${IMPUTATION_METHODS.join(', ')}`);
      return s as ImputationMethod;
    });
  if (sets) out.weightSets = sets;
  const anyOther = Object.keys(out).length > 0;
  const noise: WeightNoise = {};
  if (a.noise !== undefined) noise.p = share(a.noise, '--noise');
  if (a['noise-levels'] !== undefined) {
    noise.levels = list(a['noise-levels'], '--noise-levels').map((l) => {
      if (!(NOISE_LEVELS as readonly string[]).includes(l))
        throw new UsageError(`--noise-levels: ${l} is not one of ${NOISE_LEVELS.join(', ')}`);
      return l as NoiseLevel;
    });
    noise.p ??= 0.25;
  }
  for (const spec of a['noise-node'] ?? []) {
    const [code, p] = spec.split('=');
    if (!code || p === undefined) throw new UsageError(`--noise-node ${spec} is not CODE=P`);
    (noise.byNode ??= {})[code] = share(p, `--noise-node ${code}`);
  }
  if (noise.p === undefined && !noise.byNode && !anyOther) noise.p = 0.25;
  if (noise.p !== undefined || noise.byNode) out.weights = noise;
  return out;
}

function list(s: string, flag: string): string[] {
  const items = s.split(',').map((x) => x.trim());
  if (items.some((x) => x === '')) throw new UsageError(`${flag} has an empty item`);
  return items;
}

function share(s: string, flag: string): number {
  const x = Number(s);
  if (s.trim() === '' || !(x >= 0 && x <= 1)) throw new UsageError(`${flag} is not a number in [0, 1]`);
  return x;
}

function numbers(parts: string[], n: number, spec: string): number[] {
  if (parts.length !== n) throw new UsageError(`--normalisers/--aggregators: ${spec} takes ${n} number(s)`);
  return parts.map((p) => {
    const x = Number(p);
    if (p.trim() === '' || !Number.isFinite(x)) throw new UsageError(`${spec}: ${p} is not a number`);
    return x;
  });
}

function normaliser(spec: string): Normaliser {
  const [method, ...rest] = spec.split(':');
  if (method === 'minmax' || method === 'zscore') {
    if (rest.length === 0) return { method };
    const [a, b] = numbers(rest, 2, spec);
    return method === 'minmax' ? { method, lower: a, upper: b } : { method, mean: a, sd: b };
  }
  if (
    method === 'rank' ||
    method === 'prank' ||
    method === 'borda' ||
    method === 'dist2max' ||
    method === 'pci'
  ) {
    numbers(rest, 0, spec);
    return { method };
  }
  throw new UsageError(
    `--normalisers: ${spec} is not one of minmax[:lower:upper], zscore[:mean:sd], rank, prank, borda, dist2max, pci (targets and goalposts are per indicator: set them in the methodology)`,
  );
}

function aggregator(spec: string): { aggregator: Aggregator; p?: number } {
  const [name, ...rest] = spec.split(':');
  if (!(AGGREGATORS as readonly string[]).includes(name!))
    throw new UsageError(`--aggregators: ${spec} is not one of ${AGGREGATORS.join(', ')} (power:P)`);
  if (name === 'power') {
    const [p] = numbers(rest, 1, spec);
    if (p === 0) throw new UsageError(`--aggregators: ${spec}: p must not be 0 (use geometric)`);
    return { aggregator: 'power', p };
  }
  numbers(rest, 0, spec);
  return { aggregator: name as Aggregator };
}
