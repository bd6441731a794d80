import { expect } from 'chai';
import { checkDefinition } from '#surveys/check.js';
import { inspectJson } from '#surveys/guard.js';
import { ddciDemo2025 } from '#surveys/shipped.js';

type Loose = { sections: Array<{ questions: Array<{ type: string; options?: unknown[] }> }> };

function withOptions(n: number): { definition: Loose; path: string } {
  const definition = structuredClone(ddciDemo2025) as unknown as Loose;
  const s = definition.sections.findIndex((sec) => sec.questions.some((q) => q.type === 'single'));
  const q = definition.sections[s]!.questions.findIndex((x) => x.type === 'single');
  definition.sections[s]!.questions[q]!.options = Array.from({ length: n }, (_, i) => ({
    code: i + 1,
    label: { vi: `p${i}`, en: `o${i}` },
  }));
  return { definition, path: `/sections/${s}/questions/${q}/options` };
}

describe('checkDefinition bounds', () => {
  it('checkDefinition(definition with 120,000 options) refuses the over-long array by its path, in one error', () => {
    const { definition, path } = withOptions(120_000);
    const errors = checkDefinition(definition);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.deep.include({ path, code: 'too_large' });
    expect(errors[0]!.message.vi).to.include('1000');
  });

  it('checkDefinition(definition with 300 options) still reports the schema limit of 200', () => {
    const { definition, path } = withOptions(300);
    const errors = checkDefinition(definition);
    expect(errors.map((e) => e.path)).to.include(path);
    expect(errors.every((e) => e.code !== 'too_large')).to.equal(true);
  });

  it('inspectJson(value, { maxArrayLength }) finds the first array over the cap; without the cap arrays are unbounded', () => {
    const limits = { maxDepth: 8, maxNodes: 10_000, maxStringLength: 10_000 };
    expect(inspectJson({ a: [1, 2, 3] }, { ...limits, maxArrayLength: 2 })).to.deep.include({
      path: '/a',
      code: 'too_large',
    });
    expect(inspectJson({ a: [1, 2, 3] }, limits)).to.equal(undefined);
  });
});
