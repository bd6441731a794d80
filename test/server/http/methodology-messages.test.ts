import { expect } from 'chai';
import { methodologyIssues } from '#scoring/methodology/check.js';
import type { AggregateNode, IndicatorNode, Methodology } from '#scoring/methodology/types.js';
import { hasVietnamese, issueMessage, nodeVi } from '#server/http/messages/methodology.js';
import { asemMethodology } from '#test/scoring/support/asem.js';

/** Broken copies of a valid methodology, each breaking one rule of the checker. */
function broken(): Array<[string, (m: Methodology) => void]> {
  // ASEM: index > sub-index > group > indicator.
  const ind = (m: Methodology) =>
    (m.tree.children[0] as AggregateNode).children[0]!.type === 'group'
      ? (((m.tree.children[0] as AggregateNode).children[0] as AggregateNode).children[0] as IndicatorNode)
      : (undefined as never);
  const tiers = {
    method: 'fixed' as const,
    labels: [
      { vi: 'A', en: 'A' },
      { vi: 'B', en: 'B' },
    ],
    cutoffs: [50],
  };
  return [
    ['negative weight', (m) => (m.tree.children[0]!.weight = -1)],
    ['duplicate code', (m) => (m.tree.children[1]!.code = m.tree.children[0]!.code)],
    ['normaliser param', (m) => (ind(m).normaliser = { method: 'zscore', lower: 0 })],
    ['goalposts without posts', (m) => (ind(m).normaliser = { method: 'goalposts' })],
    ['upper below lower', (m) => (ind(m).normaliser = { method: 'minmax', lower: 10, upper: 0 })],
    ['sd not positive', (m) => (ind(m).normaliser = { method: 'zscore', sd: 0 })],
    ['dist2target without target', (m) => (ind(m).normaliser = { method: 'dist2target' })],
    [
      'benchmark on rank',
      (m) => ((ind(m).normaliser = { method: 'rank' }), (ind(m).benchmark = { kind: 'current' })),
    ],
    ['fixed benchmark', (m) => (ind(m).benchmark = { kind: 'fixed', min: 5, max: 1 })],
    ['pooled without editions', (m) => (ind(m).benchmark = { kind: 'pooled' })],
    ['editions on current', (m) => (ind(m).benchmark = { kind: 'current', editions: [2020] })],
    ['unknown benchmark kind', (m) => (ind(m).benchmark = { kind: 'nearby' as never })],
    ['tier field of another method', (m) => (m.tiers = { ...tiers, k: [1] })],
    [
      'tier cut-offs ascending',
      (m) => (m.tiers = { ...tiers, cutoffs: [40, 60], labels: [...tiers.labels, { vi: 'C', en: 'C' }] }),
    ],
    ['tier labels count', (m) => (m.tiers = { ...tiers, cutoffs: [60, 40] })],
    ['tier method needs its list', (m) => (m.tiers = { method: 'quantile', labels: tiers.labels })],
    ['tier labels missing', (m) => (m.tiers = { method: 'fixed', cutoffs: [50] } as never)],
    [
      'tier code repeated',
      (m) =>
        (m.tiers = {
          ...tiers,
          labels: [
            { vi: 'A', en: 'A', code: 'a' },
            { vi: 'B', en: 'B', code: 'a' },
          ],
        }),
    ],
    ['unknown property', (m) => ((m as unknown as Record<string, unknown>).colour = 'red')],
    ['name too long', (m) => (m.name.vi = 'x'.repeat(600))],
  ];
}

describe('methodology issues in Vietnamese and English (server/http/messages/methodology)', () => {
  it('issueMessage(issue) has Vietnamese text for every rule a broken normaliser, benchmark or tier rule breaks', () => {
    for (const [what, breakIt] of broken()) {
      const m = structuredClone(asemMethodology());
      breakIt(m);
      const issues = methodologyIssues(m);
      expect(issues.length, what).to.be.above(0);
      for (const i of issues) {
        expect(hasVietnamese(i.message), `${what}: ${i.message}`).to.equal(true);
        const text = issueMessage(i);
        expect(text.en).to.equal(i.message);
        expect(text.vi).not.to.equal(text.en);
      }
    }
  });

  it('issueMessage fills the message parts in; an unknown message still says it in both languages', () => {
    expect(
      issueMessage({ rule: 'normaliser-param', message: '"lower" does not apply to normaliser "zscore"' }).vi,
    ).to.equal('"lower" không dùng cho phép chuẩn hoá "zscore"');
    expect(issueMessage({ rule: 'minimum', message: 'must be >= 0' }).vi).to.equal('phải ≥ 0');
    expect(issueMessage({ rule: 'new-rule', message: 'something new' })).to.deep.equal({
      vi: 'không hợp lệ (something new)',
      en: 'something new',
    });
  });

  it('nodeVi(label) names the tree nodes in Vietnamese', () => {
    expect(nodeVi('subindex transparency > indicator tr1')).to.equal(
      'chỉ số thành phần transparency > chỉ tiêu tr1',
    );
    expect(nodeVi('index ddci')).to.equal('chỉ số tổng hợp ddci');
  });
});
