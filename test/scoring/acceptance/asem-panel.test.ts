// Pooled (panel) benchmarks against COINr's global normalisation, written from the specification (issue #11,
// composite-indicators.md §4): per edition, denominate, screen (availability < 0.9 over the 49 indicators removes
// the unit), treat (the JRC rule, on that edition's kept units); pool the extremes of the treated values over every
// edition; min-max [0, 100] of the direction-adjusted value against the pooled extremes; arithmetic means up the
// tree. The expected values below are computed here from raw iData_p, with the engine only for the JRC rule
// (checked against COINr in asem-case2 and asem-micro).

import { expect } from 'chai';
import { computeIndex } from '#scoring/compute.js';
import type { MethodologyNode, Methodology } from '#scoring/methodology/types.js';
import { treat } from '#scoring/treat/treat.js';
import type { DataTable, IndexResult } from '#scoring/types.js';
import { asemMethodology, asemPanel, ASEM_INDICATORS } from '#test/scoring/support/asem.js';
import { expectClose } from '#test/scoring/support/close.js';
import { fixture, readCsv } from '#test/scoring/support/csv.js';

const YEARS = [2018, 2019, 2020, 2021, 2022];
const meta = readCsv(fixture('asem/input/ASEM_iMeta.csv'));
const indicatorMeta = new Map(meta.filter((r) => r.Type === 'Indicator').map((r) => [r.iCode!, r]));

function pooledAll(node: MethodologyNode, editions: number[]): MethodologyNode {
  return node.type === 'indicator'
    ? { ...node, benchmark: { kind: 'pooled', editions } }
    : { ...node, children: node.children.map((c) => pooledAll(c, editions)) };
}

const base = asemMethodology(
  { screening: { minAvailability: 0.9 }, treatment: { method: 'jrc', winmax: 5 } },
  true,
);
const panelMethodology = (editions: number[]): Methodology => ({
  ...base,
  tree: pooledAll(base.tree, editions) as Methodology['tree'],
});

/** Per edition, from the specification: kept units and each indicator's treated values (NaN = missing/removed). */
function specTreated(t: DataTable): {
  kept: boolean[];
  x: Map<string, number[]>;
  denominated: Map<string, number[]>;
} {
  const codes = ASEM_INDICATORS();
  const n = t.units.length;
  const denominated = new Map(
    codes.map((c) => {
      const d = indicatorMeta.get(c)!.Denominator;
      return [
        c,
        Array.from({ length: n }, (_, i) => {
          const v = t.values[c]![i];
          const q = d ? t.values[d]![i] : 1;
          return v === null || v === undefined || q === null || q === undefined || q === 0 ? NaN : v / q;
        }),
      ];
    }),
  );
  const kept = Array.from(
    { length: n },
    (_, i) => codes.filter((c) => !Number.isNaN(denominated.get(c)![i])).length / codes.length >= 0.9,
  );
  const x = new Map<string, number[]>();
  for (const c of codes) {
    const keptValues = denominated.get(c)!.filter((_, i) => kept[i]);
    const treated = Array.from(treat(c, Float64Array.from(keptValues), { winmax: 5 }).x);
    let k = 0;
    x.set(
      c,
      kept.map((ok) => (ok ? treated[k++]! : NaN)),
    );
  }
  return { kept, x, denominated };
}

describe('pooled benchmarks on the ASEM panel (COINr global normalisation)', () => {
  const panel = asemPanel();
  const spec = panel.map(specTreated);
  const codes = ASEM_INDICATORS();
  const pool = new Map(
    codes.map((c) => {
      const all = spec.flatMap((s) => s.x.get(c)!.filter((v) => !Number.isNaN(v)));
      return [c, [Math.min(...all), Math.max(...all)] as const];
    }),
  );
  const m = panelMethodology(YEARS);
  const results = new Map<number, IndexResult>(
    panel.map((t) => [t.edition!, computeIndex(m, t, { history: panel.filter((h) => h !== t) })]),
  );

  it('the specification screens out BGD, BRN, KHM, LAO and MMR in every edition, so the kept units matter', () => {
    for (const s of spec) {
      const out = panel[0]!.units.filter((_, i) => !s.kept[i]).map((u) => u.code);
      expect(out).to.deep.equal(['BGD', 'BRN', 'KHM', 'LAO', 'MMR']);
    }
  });

  it('computeIndex(panel edition, {history}) takes each indicator’s pooled min and max over treated, kept values', () => {
    for (const [year, r] of results) {
      for (const c of codes) {
        const b = r.blocks.all!.nodes[c]!.benchmark!;
        expect(b.kind).to.equal('pooled');
        expect(b.editions, `${year} ${c}`).to.deep.equal(YEARS);
        expect(b.missingEditions).to.deep.equal([]);
        expect(b.min, `${year} ${c} min`).to.equal(pool.get(c)![0]);
        expect(b.max, `${year} ${c} max`).to.equal(pool.get(c)![1]);
      }
    }
  });

  it('computeIndex records every edition’s own extremes with the benchmark', () => {
    const b = results.get(2020)!.blocks.all!.nodes.Flights!.benchmark!;
    expect(b.pool!.map((p) => p.edition)).to.deep.equal(YEARS);
    b.pool!.forEach((p, k) => {
      const v = spec[k]!.x.get('Flights')!.filter((x) => !Number.isNaN(x));
      expect([p.min, p.max]).to.deep.equal([Math.min(...v), Math.max(...v)]);
    });
  });

  it('the pooled extremes differ from untreated extremes over all units (the old rule) for 34 of 49 indicators', () => {
    const differ = codes.filter((c) => {
      const raw = spec.flatMap((s) => s.denominated.get(c)!.filter((v) => !Number.isNaN(v)));
      return Math.min(...raw) !== pool.get(c)![0] || Math.max(...raw) !== pool.get(c)![1];
    });
    expect(differ.length).to.equal(34);
  });

  it('computeIndex(panel edition) normalises every kept unit against the pooled extremes and aggregates them', () => {
    panel.forEach((t, k) => {
      const block = results.get(t.edition!)!.blocks.all!;
      const expected = new Map<string, (number | null)[]>();
      for (const c of codes) {
        const d = Number(indicatorMeta.get(c)!.Direction);
        const [lo, hi] = d === 1 ? pool.get(c)! : [-pool.get(c)![1], -pool.get(c)![0]];
        expected.set(
          c,
          spec[k]!.x.get(c)!.map((v) => (Number.isNaN(v) ? null : ((d * v - lo) / (hi - lo)) * 100)),
        );
      }
      const mean = (code: string): (number | null)[] => {
        if (expected.has(code)) return expected.get(code)!;
        const kids = meta.filter((r) => r.Parent === code && r.Type !== 'Group').map((r) => mean(r.iCode!));
        const out = t.units.map((_, i) => {
          const v = kids.map((col) => col[i]).filter((x): x is number => x !== null);
          return v.length === 0 ? null : v.reduce((s, x) => s + x, 0) / v.length;
        });
        expected.set(code, out);
        return out;
      };
      mean('Index');
      for (const [code, col] of expected) {
        t.units.forEach((u, i) =>
          expectClose(block.nodes[code]!.values[i], col[i]!, `${t.edition} ${u.code} ${code}`),
        );
      }
      expect(block.screened).to.deep.equal(['BGD', 'BRN', 'KHM', 'LAO', 'MMR']);
    });
  });

  it('computeIndex(m, edition, {benchmarks}) replays a recorded edition, so widening the pool never rewrites it', () => {
    const early = panelMethodology([2018, 2019, 2020]);
    const history = panel.filter((t) => t.edition! < 2020);
    const published = computeIndex(early, panel[2]!, { history });
    const recorded = Object.fromEntries(
      Object.values(published.blocks.all!.nodes)
        .filter((n) => n.benchmark)
        .map((n) => [n.code, { min: n.benchmark!.min!, max: n.benchmark!.max! }]),
    );
    const later = panel.filter((t) => t.edition !== 2020);
    const widened = computeIndex(m, panel[2]!, { history: later });
    const replayed = computeIndex(m, panel[2]!, { history: later, benchmarks: recorded });
    expect(replayed.blocks.all!.nodes.Index!.values).to.deep.equal(published.blocks.all!.nodes.Index!.values);
    expect(widened.blocks.all!.nodes.Index!.values).not.to.deep.equal(
      published.blocks.all!.nodes.Index!.values,
    );
  });

  it('computeIndex(panel edition) ignores a screened unit’s extreme value in another edition', () => {
    const history = panel.slice(1).map((t) => structuredClone(t));
    const brn = history[0]!.units.findIndex((u) => u.code === 'BRN');
    (history[0]!.values.LPI as (number | null)[])[brn] = 1e6;
    const r = computeIndex(m, panel[0]!, { history });
    expect(r.blocks.all!.nodes.LPI!.benchmark!.max).to.equal(pool.get('LPI')![1]);
  });

  it('computeIndex(panel edition) skips an edition without the indicator and lists it as missing', () => {
    const history = panel.slice(1).map((t) => ({ ...t, values: { ...t.values } }));
    delete history[1]!.values.LPI;
    const b = computeIndex(m, panel[0]!, { history }).blocks.all!.nodes.LPI!.benchmark!;
    expect(b.editions).to.deep.equal([2018, 2019, 2021, 2022]);
    expect(b.missingEditions).to.deep.equal([2020]);
  });
});
