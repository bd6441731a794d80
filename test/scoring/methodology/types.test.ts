import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { methodologyIssues } from '#scoring/methodology/check.js';
import schema from '#scoring/methodology/schema.json' with { type: 'json' };
import {
  AGGREGATE_TYPES,
  AGGREGATORS,
  BENCHMARK_KINDS,
  FILTER_OPS,
  IMPUTATION_METHODS,
  NORMALISER_METHODS,
  STATISTICS,
  TIER_METHODS,
  TREATMENT_METHODS,
  type AggregateNode,
  type BenchmarkPolicy,
  type Block,
  type IndicatorNode,
  type Methodology,
  type Normaliser,
  type SurveySource,
  type TierRule,
} from '#scoring/methodology/types.js';

const defs = schema.$defs as unknown as Record<string, { properties: Record<string, { enum?: unknown[] }> }>;
const keys = (o: object) => Object.keys(o).sort();
const props = (def: string) => Object.keys(defs[def]!.properties).sort();

// Every optional field filled in: the compiler proves these objects have exactly the type's keys.
const b = { vi: 'x', en: 'x' };
const indicator: Required<IndicatorNode> = {
  type: 'indicator',
  code: 'a',
  name: b,
  weight: 1,
  source: { kind: 'hard', series: 's' },
  direction: 1,
  normaliser: { method: 'pci' },
  benchmark: { kind: 'current' },
  minRespondents: 1,
  treatment: 'none',
  denominator: 'd',
  unit: 'u',
  description: b,
};
const aggregate: Required<AggregateNode> = {
  type: 'group',
  code: 'g',
  name: b,
  weight: 1,
  aggregator: 'power',
  p: 2,
  coverage: 0.5,
  children: [indicator],
  description: b,
};
const methodology: Required<Methodology> = {
  $schema: 's',
  id: 'i',
  version: '1',
  name: b,
  description: b,
  minRespondents: 1,
  blocks: [{ code: 'b', name: b }],
  scale: { from: [0, 10], to: [0, 100] },
  tiers: { method: 'fixed', cutoffs: [1], labels: [b, b] },
  imputation: { method: 'none' },
  screening: { minAvailability: 0.5 },
  treatment: { method: 'jrc', winmax: 5, skewThreshold: 2, kurtThreshold: 3.5 },
  tree: { ...aggregate, type: 'index' },
};
const normaliser: Required<Normaliser> = {
  method: 'pci',
  lower: 0,
  upper: 1,
  mean: 0,
  sd: 1,
  target: 1,
  cap: true,
  scale: 1,
  truncate: true,
  tieTolerance: 0,
};
const survey: Required<SurveySource> = {
  kind: 'survey',
  item: 'TR1',
  statistic: 'share',
  categories: [1],
  p: 50,
  filter: { item: 'A4', op: '>', value: 1 },
};
const benchmark: Required<BenchmarkPolicy> = { kind: 'fixed', editions: [1], min: 0, max: 1 };
const tiers: Required<TierRule> = { method: 'fixed', labels: [b], cutoffs: [], probabilities: [], k: [] };
const block: Required<Block> = { code: 'b', name: b, components: ['g'] };

describe('methodology types', () => {
  it('types.ts has exactly the properties of schema.json for every object', () => {
    expect(keys(methodology)).to.deep.equal(Object.keys(schema.properties).sort());
    expect(keys(indicator)).to.deep.equal(props('indicator'));
    expect(keys(aggregate)).to.deep.equal(props('aggregate'));
    expect(keys(normaliser)).to.deep.equal(props('normaliser'));
    expect(keys(survey)).to.deep.equal(props('surveySource'));
    expect(keys(benchmark)).to.deep.equal(props('benchmark'));
    expect(keys(tiers)).to.deep.equal(props('tiers'));
    expect(keys(block)).to.deep.equal(props('block'));
  });

  it('types.ts enumerations equal the schema enums', () => {
    const e = (def: string, prop: string) => defs[def]!.properties[prop]!.enum;
    expect(e('normaliser', 'method')).to.deep.equal([...NORMALISER_METHODS]);
    expect(e('aggregate', 'aggregator')).to.deep.equal([...AGGREGATORS]);
    expect(e('aggregate', 'type')).to.deep.equal([...AGGREGATE_TYPES]);
    expect(e('surveySource', 'statistic')).to.deep.equal([...STATISTICS]);
    expect(e('filter', 'op')).to.deep.equal([...FILTER_OPS]);
    expect(e('benchmark', 'kind')).to.deep.equal([...BENCHMARK_KINDS]);
    expect(e('tiers', 'method')).to.deep.equal([...TIER_METHODS]);
    expect(e('imputation', 'method')).to.deep.equal([...IMPUTATION_METHODS]);
    expect(e('treatment', 'method')).to.deep.equal([...TREATMENT_METHODS]);
  });

  it('a methodology using every field validates against the schema', () => {
    const full = structuredClone(methodology) as Methodology;
    const { p: _p, ...share } = survey;
    full.tree.children = [
      {
        ...indicator,
        source: share,
        normaliser: { method: 'minmax' },
        benchmark: { kind: 'pooled', editions: [2019] },
      },
    ];
    full.blocks[0]!.components = ['a'];
    expect(methodologyIssues(full)).to.deep.equal([]);
  });

  for (const file of readdirSync(new URL('../../../scoring/methodologies/', import.meta.url))) {
    it(`the shipped methodology ${file} passes methodologyIssues`, () => {
      const m = JSON.parse(
        readFileSync(new URL(`../../../scoring/methodologies/${file}`, import.meta.url), 'utf8'),
      );
      expect(methodologyIssues(m)).to.deep.equal([]);
    });
  }
});
