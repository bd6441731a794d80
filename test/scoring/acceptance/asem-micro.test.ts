import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { aggregate } from '#scoring/aggregate/aggregate.js';
import { arithmetic } from '#scoring/aggregate/arithmetic.js';
import { copeland } from '#scoring/aggregate/copeland.js';
import { geometric } from '#scoring/aggregate/geometric.js';
import { harmonic } from '#scoring/aggregate/harmonic.js';
import { outrank } from '#scoring/aggregate/outrank.js';
import { power } from '#scoring/aggregate/power.js';
import { toCells, toColumn } from '#scoring/column.js';
import type { Direction, Normaliser } from '#scoring/methodology/types.js';
import { normalise } from '#scoring/normalise/normalise.js';
import { checkSkewKurt } from '#scoring/treat/check-skew-kurt.js';
import { kurt } from '#scoring/treat/kurt.js';
import { logCT } from '#scoring/treat/logct.js';
import { skew } from '#scoring/treat/skew.js';
import { winsorise } from '#scoring/treat/winsorise.js';
import { expectClose } from '#test/scoring/support/close.js';
import { fixture } from '#test/scoring/support/csv.js';

interface MicroCase {
  name: string;
  function: string;
  input: (number | null)[] | (number | null)[][];
  params: Record<string, unknown>;
  expected: unknown;
}

const cases = JSON.parse(readFileSync(fixture('asem/micro_cases.json'), 'utf8')) as MicroCase[];

function expectVector(actual: ArrayLike<number | null>, expected: (number | null)[], name: string) {
  expect(actual.length, name).to.equal(expected.length);
  const cells = actual instanceof Float64Array ? toCells(actual) : Array.from(actual);
  expected.forEach((e, i) => expectClose(cells[i], e, `${name}[${i}]`));
}

/** Each micro case mapped onto the engine's call; the expected values come only from the fixture. */
const run: Record<string, (c: MicroCase) => void> = {
  skew: (c) => expectClose(skew(toColumn(c.input as number[])), (c.expected as number[])[0]!, c.name),
  kurt: (c) => expectClose(kurt(toColumn(c.input as number[])), (c.expected as number[])[0]!, c.name),
  check_SkewKurt: (c) => {
    const p = c.params as { skew_thresh: number; kurt_thresh: number };
    expect(checkSkewKurt(toColumn(c.input as number[]), p.skew_thresh, p.kurt_thresh).pass).to.equal(
      (c.expected as boolean[])[0],
    );
  },
  winsorise: (c) => {
    const p = c.params as { winmax: number; skew_thresh: number; kurt_thresh: number };
    const e = c.expected as { x: number[]; nwin: number; skew_after: number[]; kurt_after: number[] };
    const w = winsorise(toColumn(c.input as number[]), {
      winmax: p.winmax,
      skewThreshold: p.skew_thresh,
      kurtThreshold: p.kurt_thresh,
    });
    expectVector(w.x, e.x, c.name);
    expect(w.nwin).to.equal(e.nwin);
    expectClose(w.skew, e.skew_after[0]!, 'skew after');
    expectClose(w.kurt, e.kurt_after[0]!, 'kurt after');
  },
  log_CT: (c) => expectVector(logCT(toColumn(c.input as number[])), c.expected as number[], c.name),
  n_minmax: (c) => normaliserCase(c, { method: 'minmax', ...bounds(c.params.l_u) }),
  'Normalise(direction=-1, n_minmax)': (c) =>
    normaliserCase(c, { method: 'minmax', ...bounds(c.params.l_u) }),
  n_zscore: (c) => {
    const [mean, sd] = c.params.m_sd as [number, number];
    normaliserCase(c, { method: 'zscore', mean, sd });
  },
  n_rank: (c) => normaliserCase(c, { method: 'rank' }),
  n_prank: (c) => normaliserCase(c, { method: 'prank' }),
  n_borda: (c) => normaliserCase(c, { method: 'borda' }),
  n_dist2max: (c) => normaliserCase(c, { method: 'dist2max' }),
  n_dist2targ: (c) =>
    normaliserCase(c, {
      method: 'dist2target',
      target: c.params.targ as number,
      cap: c.params.cap_max as boolean,
    }),
  n_goalposts: (c) => {
    const [lower, upper, scale] = c.params.gposts as [number, number, number];
    const truncate = (c.params.trunc2posts as boolean | undefined) ?? true;
    normaliserCase(c, { method: 'goalposts', lower, upper, scale, truncate });
  },
  n_scaled: (c) => {
    const [lower, upper] = c.params.npara as [number, number];
    normaliserCase(c, { method: 'scaled', lower, upper, scale: c.params.scale_factor as number });
  },
  a_amean: (c) => meanCase(c, arithmetic),
  a_gmean: (c) => meanCase(c, geometric),
  a_hmean: (c) => meanCase(c, harmonic),
  a_genmean: (c) => meanCase(c, (x, w) => power(x, w, c.params.p as number)),
  'Aggregate(a_amean, dat_thresh)': (c) => {
    const rows = c.input as (number | null)[][];
    const columns = rows[0]!.map((_, k) => toColumn(rows.map((r) => r[k]!)));
    const out = aggregate(columns, c.params.w as number[], 'arithmetic', {
      coverage: c.params.dat_thresh as number,
    });
    expectVector(out, c.expected as (number | null)[], c.name);
  },
  outrankMatrix: (c) => {
    const e = c.expected as { matrix: number[][]; nDominant: number; fracDominant: number[] };
    const o = outrank(rowsOf(c), c.params.w as number[]);
    e.matrix.forEach((row, i) => expectVector(o.matrix[i]!, row, `${c.name} row ${i}`));
    expect(o.nDominant).to.equal(e.nDominant);
    expectClose(o.fracDominant, e.fracDominant[0]!, 'fracDominant');
  },
  a_copeland: (c) =>
    expectVector(copeland(rowsOf(c), c.params.w as number[]), c.expected as number[], c.name),
};

function bounds(lu: unknown): { lower: number; upper: number } {
  const [lower, upper] = lu as [number, number];
  return { lower, upper };
}

function normaliserCase(c: MicroCase, spec: Normaliser) {
  const direction = ((c.params.direction as number | undefined) ?? 1) as Direction;
  expectVector(
    normalise(c.input as (number | null)[], spec, direction),
    c.expected as (number | null)[],
    c.name,
  );
}

function meanCase(c: MicroCase, f: (x: Float64Array, w: number[]) => number) {
  expectClose(
    f(toColumn(c.input as (number | null)[]), c.params.w as number[]),
    (c.expected as number[])[0]!,
    c.name,
  );
}

const rowsOf = (c: MicroCase) => (c.input as number[][]).map((r) => toColumn(r));

describe('ASEM micro cases (micro_cases.json)', () => {
  it('micro_cases.json holds 27 cases, each with a runner', () => {
    expect(cases).to.have.length(27);
    for (const c of cases) expect(run, c.function).to.have.property(c.function);
  });
  for (const c of cases) {
    it(`${c.function} reproduces ${c.name}`, () => run[c.function]!(c));
  }
});
