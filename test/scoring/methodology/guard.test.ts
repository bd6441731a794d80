import { expect } from 'chai';
import { methodologyIssues } from '#scoring/methodology/check.js';
import { METHODOLOGY_LIMITS as L } from '#scoring/methodology/guard.js';
import type { IndicatorNode } from '#scoring/methodology/types.js';
import { asemMethodology } from '#test/scoring/support/asem.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
// Hostile methodologies of about the size a 1 MB request body allows. Each must be refused by the
// caps before Ajv; the time is printed (not asserted: the machine is shared).

/** The methodology's issues and the milliseconds they took, printed with the input's size. */
function timed(label: string, input: unknown) {
  const bytes = JSON.stringify(input).length;
  const t = performance.now();
  const issues = methodologyIssues(input);
  const ms = performance.now() - t;
  console.log(`      ${label}: ${(bytes / 1024).toFixed(0)} KB checked in ${ms.toFixed(1)} ms`);
  return { issues, ms };
}

const INDICATOR: IndicatorNode = (asemMethodology() as any).tree.children[0].children[0].children[0];

describe('methodologyIssues on hostile input (size caps before the schema)', () => {
  before(() => methodologyIssues(asemMethodology())); // compiles the schema once

  it('methodologyIssues(m) refuses 40,000 children in one array (8,000 took 8 s before the caps) as max-items at the array', () => {
    const m = asemMethodology() as any;
    m.tree.children = Array.from({ length: 40_000 }, (_, i) => ({ code: `x${i}`, bogus: 1 }));
    const { issues } = timed('40,000 unknown children', m);
    expect(issues).to.deep.equal([
      {
        path: '/tree/children',
        node: null,
        rule: 'max-items',
        message: `more than ${L.maxArrayLength} items`,
      },
    ]);
  });

  it('methodologyIssues(m) refuses 100,000 unknown keys as max-properties, not 100,000 issues', () => {
    const m = asemMethodology() as any;
    for (let i = 0; i < 100_000; i++) m.tree[`k${i}`] = i;
    const { issues } = timed('100,000 unknown keys', m);
    expect(issues).to.have.length(1);
    expect(issues[0]).to.include({ path: '/tree', rule: 'max-properties' });
  });

  it('methodologyIssues(m) refuses 300,000 numbers in a tier list as max-items', () => {
    const m = asemMethodology() as any;
    m.tiers = { method: 'fixed', cutoffs: Array.from({ length: 300_000 }, (_, i) => -i), labels: [] };
    expect(timed('300,000 cut-offs', m).issues[0]).to.include({ path: '/tiers/cutoffs', rule: 'max-items' });
  });

  it('methodologyIssues(m) refuses more than 100,000 values spread over small arrays as max-size', () => {
    const m = asemMethodology() as any;
    m.tree.children[0].description = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`d${i}`, Array.from({ length: 1000 }, () => [1, 2])]),
    );
    expect(timed('180,000 values in 60 arrays', m).issues[0]!.rule).to.equal('max-size');
  });

  it('methodologyIssues(m) refuses more than 1,000,000 characters of text as max-size', () => {
    const m = asemMethodology() as any;
    m.description = { vi: 'a'.repeat(600_000), en: 'b'.repeat(600_000) };
    expect(timed('1.2 M characters', m).issues[0]).to.include({ path: '/description/en', rule: 'max-size' });
  });

  it('methodologyIssues(m) refuses a tree of more than 5,000 nodes as max-tree-nodes', () => {
    const m = asemMethodology() as any;
    m.tree.children.forEach((c: any, s: number) =>
      c.children.forEach((g: any, k: number) => {
        g.children = Array.from({ length: 1000 }, (_, i) => ({ ...INDICATOR, code: `i${s}_${k}_${i}` }));
      }),
    );
    expect(timed('a tree of 8 × 1,000 indicators', m).issues[0]!.rule).to.equal('max-tree-nodes');
  });

  it('methodologyIssues(m) stays linear below the caps: doubling the tree about doubles the time (printed)', () => {
    const sized = (n: number) => {
      const m = asemMethodology() as any;
      m.tree.children = Array.from({ length: 4 }, (_, s) => ({
        ...m.tree.children[0],
        code: `s${s}`,
        children: Array.from({ length: n / 4 }, (_, i) => ({ code: `x${s}_${i}`, bogus: 1 })),
      }));
      return m;
    };
    const runs = [1000, 2000, 4000].map((n) => ({ n, ...timed(`${n} invalid nodes`, sized(n)) }));
    for (const r of runs) expect(r.issues.length).to.be.greaterThan(r.n); // every node reported
    console.log(`      ratio 4000/1000 nodes: ${(runs[2]!.ms / runs[0]!.ms).toFixed(1)}× (linear: 4×)`);
  });
});
