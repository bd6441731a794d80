// The score command, testable in-process: runScore(argv, io) returns the exit code. server/cli/score.ts binds it to
// the real process.

import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { computeIndex } from '#scoring/compute.js';
import type { Methodology } from '#scoring/methodology/types.js';
import { audit } from '#scoring/audit/audit.js';
import { sensitivity as runSensitivity, type SensitivityResult } from '#scoring/sensitivity.js';
import { sobolIndex } from '#scoring/sobol-index.js';
import { column, parseCsv } from './csv.js';
import { EXIT, InputError, InputErrors, UsageError } from './errors.js';
import { methodologyFromMeta } from './imeta.js';
import { formatCsv, formatJson, formatRunsCsv } from './output.js';
import { formatAuditCsv, formatSobolCsv } from './analysis-output.js';
import { parseMethodology } from './read-methodology.js';
import { readTable } from './read-table.js';
import { uncertaintyOptions } from './uncertainty-args.js';
import { readBenchmarks } from './benchmarks-file.js';
import { readWeightSets } from './weight-sets.js';

export interface ScoreIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readText(path: string): string;
  writeText(path: string, text: string): void;
  /** Progress redraws one line on a terminal, prints every 10 % otherwise. */
  isTTY: boolean;
}

export const USAGE = `usage: npm run score -- (--methodology FILE | --meta FILE) --data FILE [options]

Scores a unit × indicator table with the index engine.

  --methodology FILE  methodology JSON (scoring/methodology/schema.json)
  --meta FILE         COINr-style iMeta CSV (iCode, Parent, Level, Direction, Weight, Type, iName), converted to
                      a methodology: min-max [0, 100], arithmetic means
  --data FILE         CSV, wide (unit column + one column per indicator code, optional n_<code>) or long
                      (unit, indicator, value[, n]); optional block and edition (or Time, year) columns
  --edition YEAR      the edition to score when the data hold several (the others serve pooled benchmarks)
  --format csv|json   csv: one row per unit; json: the full result (default csv, or json for --out *.json)
  --out FILE          write there instead of stdout
  --sensitivity RUNS  uncertainty analysis (Monte Carlo): per unit the mean, median and 5-95 % rank range and
                      the mean absolute rank shift; without other choices, weight noise 0.25 on every node
  --noise P           weight noise: each weight × U(1 - P, 1 + P)
  --noise-levels L,…  noise only on nodes of these levels (indicator, group, subindex; P default 0.25)
  --noise-node C=P    noise P on node C (repeatable)
  --weight-sets FILE  given weight sets (CSV: a column per node code, a row per set; or set,node,weight rows);
                      run j uses set j in turn; RUNS defaults to the number of sets
  --normalisers N,…   normaliser alternatives: minmax[:lower:upper], zscore[:mean:sd], rank, prank, borda,
                      dist2max, pci
  --aggregators A,…   aggregator alternatives: arithmetic, geometric, harmonic, power:P, copeland
  --imputations I,…   imputation alternatives: none, mean, median, groupMean, groupMedian
  --runs-out FILE     also write every run's composite and rank (CSV: block, run, unit, composite, rank)
  --seed SEED         seed for --sensitivity and --sobol (default 1)
  --sobol N           variance-based sensitivity instead of scores: Saltelli design with N base samples over
                      the uncertain choices above (each a factor); first-order (Saltelli 2010) and total (Jansen)
                      indices of the mean absolute rank shift, with bootstrap 5-95 % intervals
  --sobol-unit CODE   explain one unit's rank instead of the mean absolute rank shift
  --sobol-weights W   one (default, as COINr: all weights one factor) or per-node (one factor per aggregate
                      node whose children get noise, named weights:<node>; at most 10 factors in all)
  --bootstrap B       bootstrap replicates for the Sobol intervals (default 1000; 0 = none)
  --benchmarks FILE   replay recorded benchmarks (each indicator's min and max): CSV indicator,min,max[,edition]
                      (rows of the edition scored), or the JSON of an earlier --format json run
  --audit             statistical audit instead of scores: per indicator statistics and flags, correlations
                      with parent and composite, Cronbach's alpha per aggregate, sibling pairs
  --audit-stage S     values the indicator statistics describe: raw (default), treated, normalised

exit codes: 0 ok · 1 invalid input file (file:line:column: message) · 2 bad command line · 3 cannot read or write
`;

/** runScore(argv, io) — argv without the node and script paths. */
export function runScore(argv: string[], io: ScoreIo): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`score: ${e.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof InputError || e instanceof InputErrors) {
      io.stderr(`${e.message}\n`);
      return EXIT.input;
    }
    if (e instanceof IoError) {
      io.stderr(`score: ${e.message}\n`);
      return EXIT.io;
    }
    if (e instanceof RangeError || e instanceof TypeError) {
      io.stderr(`score: ${e.message}\n`);
      return EXIT.input;
    }
    throw e;
  }
}

class IoError extends Error {}

const OPTIONS = {
  methodology: { type: 'string' },
  meta: { type: 'string' },
  data: { type: 'string' },
  edition: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  sensitivity: { type: 'string' },
  noise: { type: 'string' },
  'noise-levels': { type: 'string' },
  'noise-node': { type: 'string', multiple: true },
  'weight-sets': { type: 'string' },
  normalisers: { type: 'string' },
  aggregators: { type: 'string' },
  imputations: { type: 'string' },
  'runs-out': { type: 'string' },
  seed: { type: 'string' },
  audit: { type: 'boolean' },
  'audit-stage': { type: 'string' },
  sobol: { type: 'string' },
  'sobol-unit': { type: 'string' },
  'sobol-weights': { type: 'string' },
  benchmarks: { type: 'string' },
  bootstrap: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Args = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function parse(argv: string[]): Args {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options: OPTIONS }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function run(argv: string[], io: ScoreIo): number {
  const a = parse(argv);
  if (a.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const f = flags(a);
  const { m, table, history } = inputs(a, io, f.edition);
  const edition = f.edition ?? table.edition ?? null;
  const benchmarks = a.benchmarks
    ? readBenchmarks(read(io, a.benchmarks), a.benchmarks, m, edition)
    : undefined;
  const compute = benchmarks ? { history, benchmarks } : { history };
  const json = f.format === 'json';
  let text: string;
  if (a.audit) {
    const r = audit(m, table, { stage: f.stage, compute });
    text = json ? JSON.stringify({ audit: r }, null, 2) + '\n' : formatAuditCsv(r);
  } else if (f.sobolN !== undefined) {
    const r = sobolIndex(m, table, {
      ...uncertaintyOptions(a, weightSets(a, io, m)),
      n: f.sobolN,
      bootstrap: f.bootstrap,
      seed: f.seed,
      output: a['sobol-unit'] ? { unit: a['sobol-unit'] } : 'meanAbsShift',
      weightFactors: f.sobolWeights,
      compute,
      onProgress: reporter(io, 'sobol'),
    });
    text = json ? JSON.stringify({ sobol: r }, null, 2) + '\n' : formatSobolCsv(r);
  } else {
    const result = computeIndex(m, table, compute);
    let sens: SensitivityResult | undefined;
    if (f.uncertain) {
      sens = runSensitivity(m, table, {
        ...uncertaintyOptions(a, weightSets(a, io, m)),
        runs: f.runs,
        seed: f.seed,
        compute,
        keepRuns: a['runs-out'] !== undefined,
        onProgress: reporter(io, 'sensitivity'),
      });
      if (a['runs-out']) write(io, a['runs-out'], formatRunsCsv(sens));
    }
    text = json ? formatJson(result, sens) : formatCsv(result, sens);
  }
  if (a.out) write(io, a.out, text);
  else io.stdout(text);
  return EXIT.ok;
}

// Checks the command line as a whole before any file is read.
function flags(a: Args) {
  if (!a.data) throw new UsageError('--data is required');
  if (!a.methodology === !a.meta) throw new UsageError('give one of --methodology or --meta');
  const format = a.format ?? (a.out?.endsWith('.json') ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') throw new UsageError('--format is not csv or json');
  const edition = a.edition === undefined ? undefined : integer(a.edition, '--edition', 0);
  const runs = a.sensitivity === undefined ? undefined : integer(a.sensitivity, '--sensitivity', 1);
  const sobolN = a.sobol === undefined ? undefined : integer(a.sobol, '--sobol', 2);
  if ([a.audit, runs !== undefined, sobolN !== undefined].filter(Boolean).length > 1)
    throw new UsageError('give one of --audit, --sensitivity and --sobol');
  const uncertain = runs !== undefined || sobolN !== undefined || a['weight-sets'] !== undefined;
  for (const flag of UNCERTAINTY_FLAGS)
    if (!uncertain && a[flag] !== undefined)
      throw new UsageError(`--${flag} needs --sensitivity RUNS, --sobol N or --weight-sets FILE`);
  const { stage, bootstrap, sobolWeights } = analysisFlags(a, sobolN);
  const seed = a.seed === undefined ? 1 : /^-?\d+$/.test(a.seed) ? Number(a.seed) : a.seed;
  return { format, edition, runs, sobolN, uncertain, stage, bootstrap, sobolWeights, seed } as const;
}

function analysisFlags(a: Args, sobolN: number | undefined) {
  if (a['audit-stage'] !== undefined && !a.audit) throw new UsageError('--audit-stage needs --audit');
  const stage = a['audit-stage'] ?? 'raw';
  if (stage !== 'raw' && stage !== 'treated' && stage !== 'normalised')
    throw new UsageError('--audit-stage is not raw, treated or normalised');
  if (
    (a['sobol-unit'] !== undefined || a.bootstrap !== undefined || a['sobol-weights'] !== undefined) &&
    sobolN === undefined
  )
    throw new UsageError('--sobol-unit, --sobol-weights and --bootstrap need --sobol N');
  const sobolWeights = a['sobol-weights'] ?? 'one';
  if (sobolWeights !== 'one' && sobolWeights !== 'per-node')
    throw new UsageError('--sobol-weights is not one or per-node');
  const bootstrap = a.bootstrap === undefined ? 1000 : integer(a.bootstrap, '--bootstrap', 0);
  return { stage, bootstrap, sobolWeights } as const;
}

function inputs(a: Args, io: ScoreIo, edition: number | undefined) {
  const data = parseCsv(read(io, a.data!), a.data!);
  let m: Methodology;
  if (a.methodology) {
    m = parseMethodology(read(io, a.methodology), a.methodology);
  } else {
    const b = column(data, ['block']);
    const blocks = b < 0 ? ['all'] : [...new Set(data.rows.map((r) => (r.fields[b] ?? '').trim()))];
    const id =
      basename(a.meta!)
        .replace(/\.[^.]*$/, '')
        .replace(/[^A-Za-z0-9_-]/g, '-') || 'meta';
    m = methodologyFromMeta(parseCsv(read(io, a.meta!), a.meta!), id, blocks);
  }
  return { m, ...readTable(data, m, edition) };
}

function weightSets(a: Args, io: ScoreIo, m: Methodology) {
  const file = a['weight-sets'];
  return file ? readWeightSets(parseCsv(read(io, file), file), m) : undefined;
}

const UNCERTAINTY_FLAGS = [
  'noise',
  'noise-levels',
  'noise-node',
  'normalisers',
  'aggregators',
  'imputations',
  'runs-out',
] as const;

function write(io: ScoreIo, path: string, text: string): void {
  try {
    io.writeText(path, text);
  } catch (e) {
    throw new IoError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

function read(io: ScoreIo, path: string): string {
  try {
    return io.readText(path);
  } catch (e) {
    throw new IoError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

function integer(s: string, flag: string, min: number): number {
  const x = Number(s);
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(x) || x < min)
    throw new UsageError(`${flag} is not an integer ≥ ${min}`);
  return x;
}

function reporter(io: ScoreIo, label: string): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const step = io.isTTY ? 1 : 10;
    const pct = Math.floor((done / total) * 100);
    if (pct < shown + step && done !== total) return;
    shown = pct;
    const line = `${label} ${done}/${total} (${pct} %)`;
    io.stderr(io.isTTY ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}
