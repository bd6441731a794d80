import { expect } from 'chai';
import { validateDraft, validateResponse } from '#surveys/validate.js';
import type { SurveyResponse } from '#surveys/types.js';
import { minimalDefinition, miniEdition } from './support/minimal.js';

const definition = minimalDefinition();
const valid = (): SurveyResponse => ({
  answers: { Q1: 1, Q2: [1, 3], Q3: 2, Q5: 'ok', Q6: '2024-05-01', U: ['SO_TC'] },
  units: { departments: { SO_TC: { R1: 4, R2: 1, R3: 12 } } },
});
const located = (response: unknown): Array<{ path: string; code: string }> =>
  validateResponse(definition, miniEdition, response).errors.map(({ path, code }) => ({ path, code }));
const withAnswers = (answers: Record<string, unknown>): unknown => {
  const r = valid();
  Object.assign(r.answers, answers);
  return r;
};

describe('validateResponse', () => {
  it('validateResponse(definition, edition, response) accepts a complete valid response', () => {
    expect(validateResponse(definition, miniEdition, valid())).to.deep.equal({ valid: true, errors: [] });
  });

  const invalid: Array<[string, Record<string, unknown>, string, string]> = [
    ['an option code the item does not have', { Q1: 3 }, 'invalid_option', '/answers/Q1'],
    ['a rating off the scale', { Q3: 5 }, 'not_in_scale', '/answers/Q3'],
    ['a rating given as a string', { Q3: '2' }, 'not_in_scale', '/answers/Q3'],
    ['a number below the minimum', { Q4: -1 }, 'below_minimum', '/answers/Q4'],
    ['a number above the maximum', { Q4: 31 }, 'above_maximum', '/answers/Q4'],
    ['a fraction for an integer item', { Q4: 2.5 }, 'not_integer', '/answers/Q4'],
    ['text for a numeric item', { Q4: 'three' }, 'invalid_type', '/answers/Q4'],
    ['text longer than maxLength', { Q5: 'x'.repeat(11) }, 'too_long', '/answers/Q5'],
    ['a malformed date', { Q6: '01/05/2024' }, 'invalid_date', '/answers/Q6'],
    ['a date before the minimum', { Q6: '2019-12-31' }, 'below_minimum', '/answers/Q6'],
    ['a date after the maximum', { Q6: '2026-01-01' }, 'above_maximum', '/answers/Q6'],
    ['too many selections', { Q2: [1, 2, 3] }, 'too_many_selections', '/answers/Q2'],
    ['too few selections', { Q2: [] }, 'too_few_selections', '/answers/Q2'],
    ['a repeated selection', { Q2: [1, 1] }, 'duplicate_selection', '/answers/Q2'],
    ['an exclusive option with another', { Q2: [1, 4] }, 'exclusive_option', '/answers/Q2'],
    ['a unit outside the edition', { U: ['SO_TC', 'SO_GONE'] }, 'unknown_unit', '/answers/U'],
    ['more units than allowed', { U: ['SO_TC', 'SO_XD', 'CUC_THUE'] }, 'too_many_selections', '/answers/U'],
    ['an unknown item code', { Z9: 1 }, 'unknown_key', '/answers/Z9'],
  ];
  for (const [behaviour, answers, code, path] of invalid) {
    it(`validateResponse(definition, edition, response) reports ${behaviour} as ${code}`, () => {
      expect(located(withAnswers(answers))).to.deep.equal([{ path, code }]);
    });
  }

  it('validateResponse(definition, edition, response) locates a per-unit error by block, unit and item', () => {
    const r = valid();
    (r.units as Record<string, Record<string, Record<string, unknown>>>).departments!.SO_TC!.R1 = 7;
    expect(located(r)).to.deep.equal([{ path: '/units/departments/SO_TC/R1', code: 'not_in_scale' }]);
  });

  it('validateResponse(definition, edition, response) rejects an unknown per-unit item', () => {
    const r = valid();
    (r.units as Record<string, Record<string, Record<string, unknown>>>).departments!.SO_TC!.Q1 = 1;
    expect(located(r)).to.deep.equal([{ path: '/units/departments/SO_TC/Q1', code: 'unknown_key' }]);
  });

  it('validateResponse(definition, edition, response) rejects ratings for a unit outside the edition', () => {
    const r = valid();
    (r.units as Record<string, Record<string, unknown>>).departments!.SO_GONE = { R1: 1 };
    expect(located(r)).to.deep.equal([{ path: '/units/departments/SO_GONE', code: 'unknown_unit' }]);
  });

  it('validateResponse(definition, edition, response) rejects ratings for an edition unit that was not selected', () => {
    const r = valid();
    (r.units as Record<string, Record<string, unknown>>).departments!.SO_XD = { R1: 1 };
    expect(located(r)).to.deep.equal([{ path: '/units/departments/SO_XD', code: 'unit_not_selected' }]);
  });

  it('validateResponse(definition, edition, response) requires required items of every selected unit', () => {
    const r = valid();
    (r.answers as Record<string, unknown>).U = ['SO_TC', 'SO_XD'];
    expect(located(r)).to.deep.equal([{ path: '/units/departments/SO_XD/R1', code: 'required' }]);
  });

  it('validateResponse(definition, edition, response) reports a missing required answer', () => {
    const r = valid();
    delete (r.answers as Record<string, unknown>).Q1;
    // With Q1 unanswered, Q2 and the units section are hidden, so their answers must go too.
    delete (r.answers as Record<string, unknown>).Q2;
    delete (r.answers as Record<string, unknown>).U;
    delete r.units;
    expect(located(r)).to.deep.equal([{ path: '/answers/Q1', code: 'required' }]);
  });

  it('validateResponse(definition, edition, response) applies requiredIf when its condition holds', () => {
    expect(located(withAnswers({ Q3: 3 }))).to.deep.equal([{ path: '/answers/Q4', code: 'required' }]);
    expect(located(withAnswers({ Q3: 3, Q4: 2 }))).to.deep.equal([]);
  });

  it("validateResponse(definition, edition, response) counts don't know as missing in requiredIf but accepts it as an answer", () => {
    expect(located(withAnswers({ Q3: 9 }))).to.deep.equal([]);
  });

  it('validateResponse(definition, edition, response) requires hidden questions to be empty', () => {
    expect(located(withAnswers({ Q1: 2, Q2: [1], U: undefined }))).to.deep.include({
      path: '/answers/Q2',
      code: 'hidden_not_empty',
    });
  });

  it('validateResponse(definition, edition, response) requires a hidden section and its rating block to be empty', () => {
    const r = withAnswers({ Q1: 2 }) as SurveyResponse;
    delete r.answers.Q2;
    expect(located(r)).to.deep.equal([
      { path: '/answers/U', code: 'hidden_not_empty' },
      { path: '/units/departments', code: 'hidden_not_empty' },
    ]);
  });

  it('validateResponse(definition, edition, response) requires a per-unit item hidden by a sibling to be empty', () => {
    const r = valid();
    (r.units as Record<string, Record<string, Record<string, unknown>>>).departments!.SO_TC!.R2 = 2;
    expect(located(r)).to.deep.equal([{ path: '/units/departments/SO_TC/R3', code: 'hidden_not_empty' }]);
  });

  it('validateResponse(definition, edition, response) rejects a __proto__ key with a clear error', () => {
    const r = JSON.parse('{"answers":{"Q1":1,"__proto__":{"polluted":true}}}');
    expect(located(r)).to.deep.equal([{ path: '/answers/__proto__', code: 'forbidden_key' }]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('validateResponse(definition, edition, response) rejects constructor and prototype keys', () => {
    expect(located(JSON.parse('{"answers":{},"constructor":{}}'))).to.deep.equal([
      { path: '/constructor', code: 'forbidden_key' },
    ]);
    expect(located(JSON.parse('{"answers":{},"units":{"departments":{"prototype":{}}}}'))).to.deep.equal([
      { path: '/units/departments/prototype', code: 'forbidden_key' },
    ]);
  });

  it('validateResponse(definition, edition, response) rejects excessive nesting', () => {
    let deep: Record<string, unknown> = {};
    const r = { answers: { Q5: deep } };
    for (let i = 0; i < 20; i++) deep = deep.x = {};
    expect(located(r)[0]?.code).to.equal('too_deep');
  });

  it('validateResponse(definition, edition, response) rejects an oversized response', () => {
    expect(located({ answers: { Q2: Array.from({ length: 30_000 }, () => 1) } })[0]?.code).to.equal(
      'too_large',
    );
  });

  it('validateResponse(definition, edition, response) rejects a response that is not an object', () => {
    expect(located([])).to.deep.equal([{ path: '', code: 'not_an_object' }]);
    expect(located({})).to.deep.equal([{ path: '/answers', code: 'required' }]);
  });

  it('validateResponse(definition, edition, response) gives each error a Vietnamese and an English message', () => {
    const { errors } = validateResponse(definition, miniEdition, withAnswers({ Q1: 3, Q4: 99 }));
    expect(errors).to.have.length(2);
    for (const e of errors) expect(e.message.vi).to.not.equal(e.message.en);
  });

  it('validateResponse(definition, edition, response) throws when the edition lacks a block', () => {
    expect(() => validateResponse(definition, { units: {} }, valid())).to.throw(
      TypeError,
      /no units for block departments/,
    );
  });
});

describe('validateDraft', () => {
  it('validateDraft(definition, edition, draft) accepts an empty draft', () => {
    expect(validateDraft(definition, miniEdition, { answers: {} })).to.deep.equal({
      valid: true,
      errors: [],
    });
  });

  it('validateDraft(definition, edition, draft) skips required, visibility and minimum selections', () => {
    const draft = { answers: { Q1: 2, Q2: [], U: [] }, units: { departments: { SO_XD: { R2: 2, R3: 4 } } } };
    expect(validateDraft(definition, miniEdition, draft).errors).to.deep.equal([]);
  });

  it('validateDraft(definition, edition, draft) still checks types, options and units', () => {
    const draft = { answers: { Q1: 'yes', Q4: 1.5 }, units: { departments: { SO_GONE: {} } } };
    expect(validateDraft(definition, miniEdition, draft).errors.map((e) => [e.path, e.code])).to.deep.equal([
      ['/answers/Q1', 'invalid_option'],
      ['/answers/Q4', 'not_integer'],
      ['/units/departments/SO_GONE', 'unknown_unit'],
    ]);
  });

  it('validateDraft(definition, edition, draft) rejects __proto__ keys', () => {
    expect(
      validateDraft(definition, miniEdition, JSON.parse('{"answers":{"__proto__":1}}')).errors[0]?.code,
    ).to.equal('forbidden_key');
  });
});
