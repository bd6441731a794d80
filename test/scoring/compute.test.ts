import { expect } from 'chai';
import { computeIndex } from '#scoring/compute.js';
import { explain } from '#scoring/explain.js';
import { prepare } from '#scoring/prepare.js';
import { reweight } from '#scoring/reweight.js';
import type { DataTable } from '#scoring/types.js';
import { ddciPooled, ddciTable, leaves } from './support/ddci.js';

const m = ddciPooled();
const history = [ddciTable(m, 2023, 1), ddciTable(m, 2024, 2)];

describe('computeIndex', () => {
  const table = ddciTable(m, 2025);
  const result = computeIndex(m, table, { history });

  it('computeIndex(ddci-demo) scores 8 components for departments and 10 for localities', () => {
    expect(result.blocks.departments!.nodes.ddci!.children).to.have.length(8);
    expect(result.blocks.localities!.nodes.ddci!.children).to.have.length(10);
    expect(result.blocks.departments!.nodes).not.to.have.property('land_access');
  });

  it('computeIndex(ddci-demo) records pooled benchmarks with the editions that supplied them', () => {
    const b = result.blocks.localities!.nodes.tr1!.benchmark!;
    expect(b.kind).to.equal('pooled');
    expect(b.editions).to.deep.equal([2023, 2024, 2025]);
    const pooled = [table, ...history].flatMap((t) =>
      t.units.flatMap((u, i) => (u.block === 'localities' ? [t.values.tr1![i] as number] : [])),
    );
    expect(b.min).to.equal(Math.min(...pooled));
    expect(b.max).to.equal(Math.max(...pooled));
  });

  it('computeIndex(m, table, {history}) without the earlier editions lists them as missing', () => {
    const b = computeIndex(m, table).blocks.localities!.nodes.tr1!.benchmark!;
    expect(b.editions).to.deep.equal([2025]);
    expect(b.missingEditions).to.deep.equal([2023, 2024]);
  });

  it('computeIndex(m, table, {benchmarks}) replays recorded benchmarks, so a wider pool does not rewrite a result', () => {
    const recorded = Object.fromEntries(
      leaves(m.tree).map((i) => {
        const b = result.blocks.localities!.nodes[i.code]!.benchmark!;
        return [i.code, { min: b.min!, max: b.max! }];
      }),
    );
    const wider = [...history, ddciTable(m, 2022, 5)];
    const widerPolicy = structuredClone(m);
    const replayed = computeIndex(widerPolicy, table, { history: wider, benchmarks: recorded });
    expect(replayed.blocks.localities!.nodes.ddci!.values).to.deep.equal(
      result.blocks.localities!.nodes.ddci!.values,
    );
    expect(replayed.blocks.localities!.nodes.tr1!.benchmark!.replayed).to.equal(true);
  });

  it('computeIndex(ddci-demo) maps the 1–10 component mean onto 100 points', () => {
    const block = result.blocks.localities!;
    const components = block.nodes.ddci!.children.map((c) => block.nodes[c]!.values[0]!);
    const mean = components.reduce((a, b) => a + b, 0) / components.length;
    expect(block.nodes.ddci!.values[0]).to.be.closeTo(mean * 10, 1e-9);
  });

  it('computeIndex(ddci-demo) gives every scored unit a bilingual tier', () => {
    const tiers = result.blocks.departments!.tiers;
    expect(tiers.every((t) => t !== null && t.label.vi.length > 0 && t.label.en.length > 0)).to.equal(true);
    expect(result.blocks.departments!.tierCutoffs).to.have.length(5);
  });

  it('computeIndex(m, table) suppresses a unit below minRespondents, with the reason, and leaves it unranked', () => {
    const t: DataTable = {
      ...table,
      units: table.units.map((u, i) => (i === 0 ? { ...u, respondents: 3 } : u)),
    };
    const block = computeIndex(m, t, { history }).blocks.departments!;
    expect(block.nodes.ddci!.values[0]).to.equal(null);
    expect(block.nodes.ddci!.reasons[0]).to.equal('unit-suppressed');
    expect(block.nodes.tr1!.reasons[0]).to.equal('unit-suppressed');
    expect(block.nodes.ddci!.ranks[0]).to.equal(null);
    expect(block.tiers[0]).to.equal(null);
  });

  it('computeIndex(m, table) suppresses an indicator value whose n is below its minRespondents', () => {
    const t: DataTable = { ...table, n: { ...table.n, tr1: table.units.map((_, i) => (i === 1 ? 4 : 30)) } };
    const block = computeIndex(m, t, { history }).blocks.departments!;
    expect(block.nodes.tr1!.values[1]).to.equal(null);
    expect(block.nodes.tr1!.reasons[1]).to.equal('indicator-suppressed');
    expect(block.nodes.tr1!.n![1]).to.equal(4);
    expect(block.nodes.transparency!.values[1]).to.be.a('number');
  });

  it('computeIndex(m, table) gives a null value with n = 3 under minRespondents 5 the reason indicator-suppressed', () => {
    const t: DataTable = {
      ...table,
      values: { ...table.values, tr1: Array.from(table.values.tr1!, (v, i) => (i === 1 ? null : v)) },
      n: { ...table.n, tr1: table.units.map((_, i) => (i === 1 ? 3 : 30)) },
    };
    const tr1 = computeIndex(m, t, { history }).blocks.departments!.nodes.tr1!;
    expect(tr1.values[1]).to.equal(null);
    expect(tr1.reasons[1]).to.equal('indicator-suppressed');
    expect(tr1.n![1]).to.equal(3);
  });

  it('computeIndex(m, table) gives a null value with n at its minimum the reason missing', () => {
    const t: DataTable = {
      ...table,
      values: { ...table.values, tr1: Array.from(table.values.tr1!, (v, i) => (i === 1 ? null : v)) },
      n: { ...table.n, tr1: table.units.map((_, i) => (i === 1 ? 5 : 30)) },
    };
    expect(computeIndex(m, t, { history }).blocks.departments!.nodes.tr1!.reasons[1]).to.equal('missing');
  });

  it('computeIndex(m, table) gives a value whose n is unknown the reason indicator-suppressed, and a null there missing', () => {
    const t: DataTable = {
      ...table,
      values: { ...table.values, tr1: Array.from(table.values.tr1!, (v, i) => (i === 2 ? null : v)) },
      n: { ...table.n, tr1: table.units.map((_, i) => (i === 1 || i === 2 ? null : 30)) },
    };
    const tr1 = computeIndex(m, t, { history }).blocks.departments!.nodes.tr1!;
    expect(tr1.reasons.slice(0, 3)).to.deep.equal([null, 'indicator-suppressed', 'missing']);
  });

  it('computeIndex(m, table) marks non-finite inputs invalid and never emits NaN or Infinity', () => {
    const t: DataTable = {
      ...table,
      values: { ...table.values, tr2: table.units.map((_, i) => (i === 2 ? Infinity : 0.5)) },
    };
    const r = computeIndex(m, t, { history });
    expect(r.blocks.departments!.nodes.tr2!.reasons[2]).to.equal('invalid');
    expect(JSON.stringify(r)).not.to.match(/NaN|Infinity/);
  });

  it('computeIndex(m, table) throws a RangeError naming an indicator column the table lacks', () => {
    const { tr3: _gone, ...values } = table.values;
    expect(() => computeIndex(m, { ...table, values })).to.throw(RangeError, /no column "tr3"/);
  });
});

describe('reweight', () => {
  const table = ddciTable(m, 2025);
  const prepared = prepare(m, table, { history });

  it('reweight(prepare(m)) equals computeIndex(m)', () => {
    expect(reweight(prepared)).to.deep.equal(computeIndex(m, table, { history }));
  });

  it('reweight(prepared, weights) equals computeIndex with those weights written into the methodology', () => {
    const heavier = structuredClone(m);
    heavier.tree.children[0]!.weight = 3;
    const viaReweight = reweight(prepared, { transparency: 3 });
    const direct = computeIndex(heavier, table, { history });
    expect(viaReweight.blocks.localities!.nodes.ddci!.values).to.deep.equal(
      direct.blocks.localities!.nodes.ddci!.values,
    );
    expect(viaReweight.blocks.localities!.nodes.transparency!.effectiveWeight).to.be.closeTo(3 / 12, 1e-15);
  });

  it('reweight(prepared, weights) leaves prepared untouched', () => {
    const before = reweight(prepared);
    reweight(prepared, { transparency: 0, ddci: 5 });
    expect(reweight(prepared)).to.deep.equal(before);
  });
});

describe('explain', () => {
  const table = ddciTable(m, 2025);
  const t: DataTable = { ...table, n: { ...table.n, tr1: table.units.map((_, i) => (i === 0 ? 2 : 30)) } };
  const result = computeIndex(m, t, { history });

  it('explain(result, unit, root) rebuilds the composite from its children and weights', () => {
    const e = explain(result, 'camPha', 'ddci');
    const sum = e.children!.reduce((s, c) => s + c.contribution!, 0);
    expect(e.scale).to.deep.equal({ from: [0, 10], to: [0, 100] });
    expect(e.value).to.be.closeTo(sum * 10, 1e-9);
  });

  it('explain(result, unit, indicator) gives the raw value with n, the benchmark and the path to the composite', () => {
    const e = explain(result, 'customs', 'tr2');
    expect(e.indicator!.raw).to.equal(table.values.tr2![1]);
    expect(e.indicator!.n).to.equal(30);
    expect(e.indicator!.benchmark!.kind).to.equal('pooled');
    const { min, max } = e.indicator!.benchmark! as { min: number; max: number };
    expect(e.value).to.be.closeTo(1 + (9 * (max - (e.indicator!.raw as number))) / (max - min), 1e-12);
    expect(e.path.map((p) => p.code)).to.deep.equal(['transparency', 'ddci']);
  });

  it('explain(result, unit, node) shows a suppressed child with weight used 0 and siblings re-weighted', () => {
    const e = explain(result, 'tax', 'transparency');
    const tr1 = e.children!.find((c) => c.code === 'tr1')!;
    expect(tr1.reason).to.equal('indicator-suppressed');
    expect(tr1.weightUsed).to.equal(0);
    expect(
      e.children!.filter((c) => c.code !== 'tr1').every((c) => Math.abs(c.weightUsed - 1 / 5) < 1e-15),
    ).to.equal(true);
  });

  it('explain(result, unit, indicator) gives a null value with n = 3 under minRespondents 5 the reason indicator-suppressed', () => {
    const nullTr1: DataTable = {
      ...table,
      values: { ...table.values, tr1: Array.from(table.values.tr1!, (v, i) => (i === 1 ? null : v)) },
      n: { ...table.n, tr1: table.units.map((_, i) => (i === 1 ? 3 : 30)) },
    };
    const e = explain(computeIndex(m, nullTr1, { history }), 'customs', 'tr1');
    expect(e.value).to.equal(null);
    expect(e.reason).to.equal('indicator-suppressed');
    expect(e.indicator!.n).to.equal(3);
    expect(e.indicator!.raw).to.equal(null);
  });

  it('explain(result, unknown) throws a RangeError', () => {
    expect(() => explain(result, 'nowhere', 'ddci')).to.throw(RangeError, 'unknown unit nowhere');
    expect(() => explain(result, 'tax', 'land_access')).to.throw(
      RangeError,
      /not scored in block departments/,
    );
  });
});
