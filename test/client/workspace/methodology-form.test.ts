import { expect } from 'chai';
import { checkMethodology, methodologyIssues } from '#scoring/methodology/check.js';
import type { Methodology } from '#scoring/methodology/types.js';
import {
  addTier,
  indicators,
  numericParams,
  parseEditions,
  removeTier,
  setBenchmark,
  setNormaliser,
  setNormaliserParam,
  setTierCutoff,
  setTierLabel,
  setTierMethod,
} from '#client/src/workspace/methodology-form/edits.js';
import { errorsAt } from '#client/src/workspace/methodology-form/field-errors.js';
import { asemMethodology } from '#test/scoring/support/asem.js';

describe('methodology form edits (client/src/workspace/methodology-form)', () => {
  const m = (): Methodology => asemMethodology();
  const first = (x: Methodology) => indicators(x)[0]!.node;

  it('indicators(m) lists every indicator with the JSON pointer the server reports problems at', () => {
    const x = m();
    const refs = indicators(x);
    expect(refs.length).to.equal(49);
    const broken = setNormaliser(x, refs[3]!.node.code, 'dist2target');
    const issues = methodologyIssues(broken);
    expect(issues.map((i) => i.path)).to.deep.equal([`${refs[3]!.path}/normaliser`]);
  });

  it('setNormaliser keeps the parameters that still apply, drops a benchmark that does not, and leaves the input alone', () => {
    const x = setBenchmark(m(), first(m()).code, 'pooled', { editions: [2018] });
    const z = setNormaliser(x, first(x).code, 'zscore');
    expect(first(z).normaliser).to.deep.equal({ method: 'zscore' });
    expect(first(z).benchmark).to.equal(undefined);
    expect(first(x).benchmark).to.deep.equal({ kind: 'pooled', editions: [2018] });
    const g = setNormaliserParam(
      setNormaliserParam(setNormaliser(m(), '*', 'goalposts'), '*', 'lower', 0),
      '*',
      'upper',
      10,
    );
    expect(
      indicators(g).every((r) => r.node.normaliser.lower === 0 && r.node.normaliser.upper === 10),
    ).to.equal(true);
    expect(() => checkMethodology(g)).not.to.throw();
    const s = setNormaliser(g, first(g).code, 'scaled');
    expect(first(s).normaliser).to.deep.equal({ method: 'scaled', lower: 0, upper: 10 });
    expect(first(setNormaliserParam(s, first(s).code, 'lower', undefined)).normaliser).to.deep.equal({
      method: 'scaled',
      upper: 10,
    });
    expect(numericParams('dist2target')).to.deep.equal(['target']);
  });

  it('setBenchmark gives pooled editions or fixed min and max, and kind "" removes it', () => {
    const code = first(m()).code;
    const fixed = setBenchmark(m(), code, 'fixed', { min: 0 });
    expect(first(fixed).benchmark).to.deep.equal({ kind: 'fixed', min: 0 });
    expect(methodologyIssues(fixed).map((i) => i.rule)).to.deep.equal(['benchmark-fixed']);
    const ok = setBenchmark(fixed, code, 'fixed', { max: 50 });
    expect(first(ok).benchmark).to.deep.equal({ kind: 'fixed', min: 0, max: 50 });
    expect(methodologyIssues(ok)).to.deep.equal([]);
    expect(first(setBenchmark(ok, code, '')).benchmark).to.equal(undefined);
    expect(parseEditions('2023, 2024;2025 x 2026.5')).to.deep.equal([2023, 2024, 2025]);
  });

  it('tier edits: a method gets valid default cut-offs, tiers are added and removed with their cut-off', () => {
    for (const method of ['fixed', 'quantile', 'meansd'] as const) {
      const t = setTierMethod(m(), method);
      expect(methodologyIssues(t), method).to.deep.equal([]);
      const more = addTier(t);
      expect(more.tiers!.labels.length).to.equal(4);
      const filled = setTierLabel(setTierLabel(more, 3, 'vi', 'Rất thấp'), 3, 'en', 'Very low');
      expect(methodologyIssues(filled), method).to.deep.equal([]);
      const fewer = removeTier(filled, 0);
      expect(fewer.tiers!.labels.map((l) => l.en)).to.deep.equal(['Middle', 'Low', 'Very low']);
      expect(methodologyIssues(fewer), method).to.deep.equal([]);
    }
    const t = setTierMethod(m(), 'fixed');
    const wrong = setTierCutoff(t, 1, 90);
    expect(methodologyIssues(wrong).map((i) => [i.path, i.rule])).to.deep.equal([
      ['/tiers/cutoffs/1', 'tier-cutoffs-ordered'],
    ]);
    expect(setTierMethod(t, '').tiers).to.equal(undefined);
    expect(setTierLabel(t, 0, 'code', '').tiers!.labels[0]!.code).to.equal(undefined);
  });

  it('errorsAt(details, pointer) finds the server problems at a field and below it, not beside it', () => {
    const d = (path: string) => ({ path, code: 'x', message: { vi: 'v', en: 'e' } });
    const details = [
      d('/methodology/tree/children/1'),
      d('/methodology/tree/children/1/normaliser'),
      d('/methodology/tree/children/10'),
    ];
    expect(errorsAt(details, '/tree/children/1').map((x) => x.path)).to.deep.equal([
      '/methodology/tree/children/1',
      '/methodology/tree/children/1/normaliser',
    ]);
  });
});
