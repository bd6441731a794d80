import { expect } from 'chai';
import { checkMethodology, MethodologyError, methodologyIssues } from '#scoring/methodology/check.js';
import type { Methodology } from '#scoring/methodology/types.js';
import { asemMethodology } from '#test/scoring/support/asem.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Mutate = (m: any) => void;

/** [behaviour, mutation, expected path, expected rule, expected node label or undefined] */
const CASES: [string, Mutate, string, string, string?][] = [
  [
    'rejects an unknown property',
    (m) => (m.tree.children[0].colour = 'red'),
    '/tree/children/0/colour',
    'additionalProperties',
    'subindex Conn',
  ],
  [
    'rejects a missing required field',
    (m) => delete m.tree.children[0].children[0].aggregator,
    '/tree/children/0/children/0',
    'required',
    'subindex Conn > group Physical',
  ],
  [
    'rejects an unknown normaliser',
    (m) => (m.tree.children[0].children[0].children[0].normaliser.method = 'magic'),
    '/tree/children/0/children/0/children/0/normaliser/method',
    'enum',
    'subindex Conn > group Physical > indicator LPI',
  ],
  [
    'rejects a direction other than ±1',
    (m) => (m.tree.children[0].children[0].children[1].direction = 0),
    '/tree/children/0/children/0/children/1/direction',
    'enum',
  ],
  [
    'rejects an unknown survey statistic',
    (m) =>
      (m.tree.children[0].children[0].children[0].source = {
        kind: 'survey',
        item: 'TR1',
        statistic: 'mode',
      }),
    '/tree/children/0/children/0/children/0/source/statistic',
    'enum',
  ],
  [
    'rejects a negative weight',
    (m) => (m.tree.children[1].children[2].weight = -0.5),
    '/tree/children/1/children/2/weight',
    'weight-nonnegative',
    'subindex Sust > group SusEcFin',
  ],
  [
    'rejects siblings whose weights are all zero',
    (m) => m.tree.children.forEach((c: any) => (c.weight = 0)),
    '/tree/children',
    'weights-positive-sum',
    'index Index',
  ],
  [
    'rejects a duplicate code',
    (m) => (m.tree.children[1].children[0].children[0].code = 'LPI'),
    '/tree/children/1/children/0/children/0/code',
    'unique-code',
    'subindex Sust > group Environ > indicator LPI',
  ],
  ['rejects a root that is not an index', (m) => (m.tree.type = 'group'), '/tree/type', 'root-is-index'],
  [
    'rejects an index below the root',
    (m) => (m.tree.children[0].type = 'index'),
    '/tree/children/0/type',
    'index-only-at-root',
  ],
  [
    'rejects a parameter the normaliser does not take',
    (m) => (m.tree.children[0].children[0].children[0].normaliser = { method: 'pci', lower: 1 }),
    '/tree/children/0/children/0/children/0/normaliser/lower',
    'normaliser-param',
  ],
  [
    'rejects goalposts without posts',
    (m) => (m.tree.children[0].children[0].children[0].normaliser = { method: 'goalposts', lower: 1 }),
    '/tree/children/0/children/0/children/0/normaliser',
    'normaliser-param',
  ],
  [
    'rejects minmax with lower ≥ upper',
    (m) =>
      (m.tree.children[0].children[0].children[0].normaliser = { method: 'minmax', lower: 10, upper: 1 }),
    '/tree/children/0/children/0/children/0/normaliser/upper',
    'normaliser-range',
  ],
  [
    'rejects a zscore with sd 0',
    (m) => (m.tree.children[0].children[0].children[0].normaliser = { method: 'zscore', sd: 0 }),
    '/tree/children/0/children/0/children/0/normaliser/sd',
    'normaliser-range',
  ],
  [
    'rejects dist2target without a target',
    (m) => (m.tree.children[0].children[0].children[0].normaliser = { method: 'dist2target' }),
    '/tree/children/0/children/0/children/0/normaliser',
    'normaliser-param',
  ],
  [
    'rejects a benchmark on a rank normaliser',
    (m) =>
      Object.assign(m.tree.children[0].children[0].children[0], {
        normaliser: { method: 'rank' },
        benchmark: { kind: 'current' },
      }),
    '/tree/children/0/children/0/children/0/benchmark',
    'benchmark-applies',
  ],
  [
    'rejects a fixed benchmark with min ≥ max',
    (m) => (m.tree.children[0].children[0].children[0].benchmark = { kind: 'fixed', min: 5, max: 5 }),
    '/tree/children/0/children/0/children/0/benchmark',
    'benchmark-fixed',
  ],
  [
    'rejects a pooled benchmark without editions',
    (m) => (m.tree.children[0].children[0].children[0].benchmark = { kind: 'pooled' }),
    '/tree/children/0/children/0/children/0/benchmark',
    'benchmark-pooled',
  ],
  [
    'rejects a share without categories',
    (m) =>
      (m.tree.children[0].children[0].children[0].source = {
        kind: 'survey',
        item: 'TR1',
        statistic: 'share',
      }),
    '/tree/children/0/children/0/children/0/source',
    'share-needs-categories',
  ],
  [
    'rejects a percentile without p',
    (m) =>
      (m.tree.children[0].children[0].children[0].source = {
        kind: 'survey',
        item: 'TR6',
        statistic: 'percentile',
      }),
    '/tree/children/0/children/0/children/0/source',
    'percentile-needs-p',
  ],
  [
    'rejects op "in" with a single value',
    (m) =>
      (m.tree.children[0].children[0].children[0].source = {
        kind: 'survey',
        item: 'TR1',
        statistic: 'mean',
        filter: { item: 'A4', op: 'in', value: 2015 },
      }),
    '/tree/children/0/children/0/children/0/source/filter/value',
    'filter-value',
  ],
  [
    'rejects power without p',
    (m) => (m.tree.children[0].aggregator = 'power'),
    '/tree/children/0/p',
    'power-needs-p',
    'subindex Conn',
  ],
  [
    'rejects p on another aggregator',
    (m) => (m.tree.children[0].p = 2),
    '/tree/children/0/p',
    'p-only-for-power',
  ],
  [
    'rejects a block component that is not a root child',
    (m) => (m.blocks[0].components = ['Conn', 'Physical']),
    '/blocks/0/components/1',
    'component-exists',
  ],
  ['rejects a duplicate block', (m) => m.blocks.push({ ...m.blocks[0] }), '/blocks/1/code', 'unique-block'],
  [
    'rejects tier cut-offs out of order',
    (m) => (m.tiers = { method: 'fixed', cutoffs: [50, 60], labels: [l('a'), l('b'), l('c')] }),
    '/tiers/cutoffs/1',
    'tier-cutoffs-ordered',
  ],
  [
    'rejects tier labels that do not match the cut-offs',
    (m) => (m.tiers = { method: 'fixed', cutoffs: [60, 50], labels: [l('a'), l('b')] }),
    '/tiers/labels',
    'tier-labels-count',
  ],
  [
    'rejects two tiers with the same code',
    (m) =>
      (m.tiers = {
        method: 'fixed',
        cutoffs: [60],
        labels: [
          { ...l('a'), code: 'top' },
          { ...l('b'), code: 'top' },
        ],
      }),
    '/tiers/labels/1/code',
    'tier-code-unique',
  ],
  [
    'rejects a tier code that is not a lower-case identifier',
    (m) => (m.tiers = { method: 'fixed', cutoffs: [60], labels: [{ ...l('a'), code: 'Rất tốt' }, l('b')] }),
    '/tiers/labels/0/code',
    'pattern',
  ],
  [
    'rejects a tier rule without its list',
    (m) => (m.tiers = { method: 'quantile', labels: [l('a')] }),
    '/tiers',
    'tier-fields',
  ],
  [
    'rejects group imputation without a group',
    (m) => (m.imputation = { method: 'groupMean' }),
    '/imputation/group',
    'imputation-needs-group',
  ],
  [
    'rejects a degenerate scale',
    (m) => (m.scale = { from: [1, 1], to: [0, 100] }),
    '/scale/from',
    'scale-range',
  ],
];

function l(en: string) {
  return { vi: en, en };
}

describe('methodologyIssues', () => {
  it('methodologyIssues(valid) is empty', () => {
    expect(methodologyIssues(asemMethodology())).to.deep.equal([]);
  });
  for (const [behaviour, mutate, path, rule, node] of CASES) {
    it(`methodologyIssues(m) ${behaviour}, naming ${path} and rule ${rule}`, () => {
      const m = structuredClone(asemMethodology()) as any;
      mutate(m);
      const issues = methodologyIssues(m);
      const match = issues.find((i) => i.path === path && i.rule === rule);
      expect(match, JSON.stringify(issues, null, 1)).to.not.equal(undefined);
      if (node) expect(match!.node).to.equal(node);
    });
  }
  it('methodologyIssues(cyclic) reports the cycle instead of overflowing the stack', () => {
    const m = structuredClone(asemMethodology()) as any;
    m.tree.children[0].children.push(m.tree);
    expect(methodologyIssues(m)[0]).to.include({ rule: 'no-cycles', path: '/tree/children/0/children/5' });
  });
  it('methodologyIssues(deep) rejects nesting deeper than 64 levels', () => {
    const m = structuredClone(asemMethodology()) as any;
    let node = m.tree.children[0];
    for (let i = 0; i < 70; i++)
      node = node.children[0] = { ...node, code: `g${i}`, children: [node.children[0]] };
    expect(methodologyIssues(m)[0]!.rule).to.equal('max-depth');
  });
  it('methodologyIssues(m) rejects a "__proto__" key as an unknown property', () => {
    const m = JSON.parse(JSON.stringify(asemMethodology()).replace('"id":', '"__proto__":{"x":1},"id":'));
    expect(methodologyIssues(m)[0]).to.include({ rule: 'additionalProperties', path: '/__proto__' });
  });
  it('methodologyIssues(42) reports the root type', () => {
    expect(methodologyIssues(42)[0]).to.include({ path: '', rule: 'type' });
  });
});

describe('checkMethodology', () => {
  it('checkMethodology(valid) returns it', () => {
    const m: Methodology = asemMethodology();
    expect(checkMethodology(m)).to.equal(m);
  });
  it('checkMethodology(invalid) throws a MethodologyError whose message names the path and the rule', () => {
    const m = structuredClone(asemMethodology()) as any;
    m.tree.children[1].weight = -1;
    expect(() => checkMethodology(m))
      .to.throw(
        MethodologyError,
        /\/tree\/children\/1\/weight \(subindex Sust\): weight must be ≥ 0 \[weight-nonnegative\]/,
      )
      .with.property('issues')
      .that.has.length(1);
  });
});
