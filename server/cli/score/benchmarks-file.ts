// Recorded benchmarks for --benchmarks FILE: the goalposts (min and max) an earlier run used, replayed so a
// published edition scores the same whatever data arrive later (ComputeOptions.benchmarks). Two layouts:
//   CSV: columns indicator (or code, iCode), min, max, and optionally edition (rows of other editions are skipped;
//        the edition scored comes from --edition or the data);
//   JSON: the output of `npm run score -- … --format json`, whose indicators carry the benchmark they used.
// Every problem is reported as file:line:column.

import { BENCHMARKED_METHODS, type Methodology, type MethodologyNode } from '#scoring/methodology/types.js';
import type { ComputeOptions } from '#scoring/types.js';
import { column, numberCell, parseCsv, type Csv, type CsvRow } from './csv.js';
import { InputError } from './errors.js';
import { jsonPositions } from './json-position.js';

export type Benchmarks = NonNullable<ComputeOptions['benchmarks']>;

/** readBenchmarks(text, file, m, edition) — by indicator code; edition: the edition being scored, if known. */
export function readBenchmarks(
  text: string,
  file: string,
  m: Methodology,
  edition: number | null,
): Benchmarks {
  const benchmarked = benchmarkedIndicators(m);
  return /^\s*[{[]/.test(text)
    ? fromResult(text, file, benchmarked, edition)
    : fromCsv(parseCsv(text, file), benchmarked, edition);
}

function benchmarkedIndicators(m: Methodology): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (n: MethodologyNode): void => {
    if (n.type === 'indicator') out.set(n.code, n.normaliser.method);
    else n.children.forEach(walk);
  };
  walk(m.tree);
  return out;
}

// The problem with using a recorded benchmark for `code`, or undefined.
function refusal(code: string, benchmarked: Map<string, string>): string | undefined {
  const method = benchmarked.get(code);
  if (method === undefined) return `${JSON.stringify(code)} is not an indicator of the methodology`;
  if (!BENCHMARKED_METHODS.includes(method as (typeof BENCHMARKED_METHODS)[number]))
    return `${code} is normalised by ${method}, which takes no benchmark (${BENCHMARKED_METHODS.join(', ')} do)`;
  return undefined;
}

function fromCsv(csv: Csv, benchmarked: Map<string, string>, edition: number | null): Benchmarks {
  const codeCol = column(csv, ['indicator', 'code', 'iCode']);
  const minCol = column(csv, ['min']);
  const maxCol = column(csv, ['max']);
  const editionCol = column(csv, ['edition', 'year']);
  if (codeCol < 0 || minCol < 0 || maxCol < 0)
    throw new InputError(
      csv.file,
      1,
      1,
      'the header needs columns indicator, min and max (and optionally edition)',
    );
  if (csv.rows.length === 0)
    throw new InputError(csv.file, 2, 1, 'no benchmarks (the file has a header only)');
  if (editionCol >= 0 && edition === null)
    throw new InputError(csv.file, 1, editionCol + 1, 'the file has an edition column: give --edition');
  const out: Benchmarks = {};
  const seen = new Map<string, number>();
  const editions = new Set<number>();
  for (const row of csv.rows) {
    if (editionCol >= 0) {
      const e = numberCell(csv, row, editionCol, 'edition');
      if (e === null || !Number.isInteger(e))
        throw new InputError(csv.file, row.line, editionCol + 1, 'the edition is not a year');
      editions.add(e);
      if (e !== edition) continue;
    }
    const code = (row.fields[codeCol] ?? '').trim();
    const why = refusal(code, benchmarked);
    if (why) throw new InputError(csv.file, row.line, codeCol + 1, why);
    if (seen.has(code))
      throw new InputError(csv.file, row.line, codeCol + 1, `${code} repeats line ${seen.get(code)}`);
    seen.set(code, row.line);
    out[code] = range(csv, row, minCol, maxCol);
  }
  if (seen.size === 0)
    throw new InputError(
      csv.file,
      2,
      editionCol + 1,
      `no benchmarks for edition ${edition} (the file has ${[...editions].sort().join(', ')})`,
    );
  return out;
}

function range(csv: Csv, row: CsvRow, minCol: number, maxCol: number): { min: number; max: number } {
  const min = numberCell(csv, row, minCol, 'min');
  const max = numberCell(csv, row, maxCol, 'max');
  if (min === null) throw new InputError(csv.file, row.line, minCol + 1, 'min is empty');
  if (max === null) throw new InputError(csv.file, row.line, maxCol + 1, 'max is empty');
  if (!(min < max))
    throw new InputError(csv.file, row.line, maxCol + 1, `max ${max} is not above min ${min}`);
  return { min, max };
}

interface RecordedResult {
  result?: {
    edition?: number | null;
    blocks?: Record<
      string,
      { nodes?: Record<string, { type?: string; benchmark?: { min?: unknown; max?: unknown } }> }
    >;
  };
}

function fromResult(text: string, file: string, benchmarked: Map<string, string>, edition: number | null) {
  let doc: RecordedResult;
  try {
    doc = JSON.parse(text) as RecordedResult;
  } catch (e) {
    throw new InputError(file, 1, 1, `not JSON: ${(e as Error).message}`);
  }
  const pos = jsonPositions(text);
  const at = (pointer: string, message: string): InputError => {
    const p = pos.get(pointer) ?? { line: 1, column: 1 };
    return new InputError(file, p.line, p.column, message);
  };
  const r = doc?.result;
  if (!r || typeof r !== 'object' || !r.blocks || typeof r.blocks !== 'object')
    throw at('', 'not a result of `npm run score -- … --format json` (no result.blocks)');
  if (edition !== null && typeof r.edition === 'number' && r.edition !== edition)
    throw at(
      '/result/edition',
      `the recorded result is edition ${r.edition}, the data are edition ${edition}`,
    );
  const out = recorded(r.blocks, benchmarked, at);
  if (Object.keys(out).length === 0) throw at('/result/blocks', 'the result records no benchmarks');
  return out;
}

type Located = (pointer: string, message: string) => InputError;

// The indicators' benchmarks in a recorded result, one per indicator code.
function recorded(
  blocks: NonNullable<NonNullable<RecordedResult['result']>['blocks']>,
  benchmarked: Map<string, string>,
  at: Located,
): Benchmarks {
  const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const out: Benchmarks = {};
  for (const [block, b] of Object.entries(blocks))
    for (const [code, node] of Object.entries(b?.nodes ?? {})) {
      const bm = node?.benchmark;
      if (node?.type !== 'indicator' || !bm) continue;
      const nodeAt = `/result/blocks/${esc(block)}/nodes/${esc(code)}`;
      const pointer = `${nodeAt}/benchmark`;
      const why = refusal(code, benchmarked);
      if (why) throw at(nodeAt, why);
      if (typeof bm.min !== 'number' || typeof bm.max !== 'number' || !(bm.min < bm.max))
        throw at(pointer, `${code}'s benchmark is not numbers min < max`);
      const before = out[code];
      if (before && (before.min !== bm.min || before.max !== bm.max))
        throw at(pointer, `${code}'s benchmark differs from another block's (one benchmark per indicator)`);
      out[code] = { min: bm.min, max: bm.max };
    }
  return out;
}
