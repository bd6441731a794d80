import { expect } from 'chai';
import { fields, pages, progress, pruneHidden, withAnswer, withoutPaths } from '#client/src/answer/model.js';
import { validateDraft } from '#surveys/validate.js';
import { parseNumber } from '#client/src/answer/widgets.js';
import { ddciDemo2025 } from '#surveys/shipped.js';
import type { SurveyResponse } from '#surveys/types.js';
import { validateResponse } from '#surveys/validate.js';

const context = { units: { departments: ['SO_TC', 'CUC_THUE', 'SO_XD'], localities: ['P_A', 'X_B'] } };
const keys = (r: SurveyResponse) => pages(ddciDemo2025, context, r).map((p) => p.key);

describe('answering flow model', () => {
  it('pages(definition, units, response) shows only the consent page until consent is given', () => {
    expect(keys({ answers: {} })).to.deep.equal(['INTRO']);
    expect(keys({ answers: { CONSENT: 2 } })).to.deep.equal(['INTRO']);
  });

  it('pages() repeats the rating section once per chosen unit, in the edition order', () => {
    const r = { answers: { CONSENT: 1, BLOCK: 1, UNITS_DEPT: ['SO_XD', 'SO_TC'] } };
    expect(keys(r)).to.deep.equal([
      'INTRO',
      'BLOCK_CHOICE',
      'DEPARTMENTS',
      'DEPARTMENTS.R_DEPT.SO_TC',
      'DEPARTMENTS.R_DEPT.SO_XD',
      'PROFILE',
      'COMMENTS',
    ]);
  });

  it('pruneHidden() clears a hidden item, the ratings of a unit no longer chosen and a hidden block', () => {
    const r: SurveyResponse = {
      answers: { CONSENT: 1, BLOCK: 1, UNITS_DEPT: ['SO_TC'], UNITS_LOC: ['P_A'] },
      units: {
        departments: { SO_TC: { TR4: 2, TR5: 3 }, CUC_THUE: { TR1: 4 } },
        localities: { P_A: { TR1: 1 } },
      },
    };
    expect(pruneHidden(ddciDemo2025, context, r)).to.deep.equal({
      answers: { CONSENT: 1, BLOCK: 1, UNITS_DEPT: ['SO_TC'] },
      units: { departments: { SO_TC: { TR4: 2 } } },
    });
  });

  it('pruneHidden() leaves nothing the server would refuse as hidden_not_empty', () => {
    const r = pruneHidden(ddciDemo2025, context, {
      answers: { CONSENT: 2, BLOCK: 3, A1: 1, C1: 'x', UNITS_DEPT: ['SO_TC'] },
      units: { departments: { SO_TC: { TR1: 1 } } },
    });
    expect(r).to.deep.equal({ answers: { CONSENT: 2 } });
    expect(validateResponse(ddciDemo2025, context, r).errors).to.deep.equal([]);
  });

  it('progress() counts only applicable questions: a shown follow-up adds one', () => {
    const base = { answers: { CONSENT: 1, BLOCK: 1, UNITS_DEPT: ['SO_TC'] } };
    const unitPage = pages(ddciDemo2025, context, base).find((p) => p.kind === 'unit')!;
    const tr4 = fields(ddciDemo2025, unitPage, base).find((f) => f.question.code === 'TR4')!;
    const before = progress(ddciDemo2025, context, base);
    const after = progress(ddciDemo2025, context, withAnswer(base, tr4, 1));
    expect(after.total).to.equal(before.total + 1);
    expect(after.answered).to.equal(before.answered + 1);
  });

  it('parseNumber(text) reads a comma or a point as the decimal mark and keeps other text for the validator', () => {
    expect(parseNumber('12,5')).to.equal(12.5);
    expect(parseNumber(' 2010 ')).to.equal(2010);
    expect(parseNumber('')).to.equal(undefined);
    expect(parseNumber('mười')).to.equal('mười');
    expect(
      validateResponse(ddciDemo2025, context, { answers: { CONSENT: 1, A4: 'mười' } }).errors[0]!.code,
    ).to.equal('invalid_type');
  });

  it('withoutPaths(response, draft errors) drops only the mistyped answers, so the rest of the draft saves', () => {
    const r: SurveyResponse = {
      answers: { CONSENT: 1, BLOCK: 1, UNITS_DEPT: ['SO_TC'], A4: 'mười' },
      units: { departments: { SO_TC: { TR1: 2, TR6: 'ba' } } },
    };
    const bad = validateDraft(ddciDemo2025, context, r).errors.map((e) => e.path);
    const draft = withoutPaths(r, bad);
    expect(validateDraft(ddciDemo2025, context, draft).valid).to.equal(true);
    expect(draft).to.deep.equal({
      answers: { CONSENT: 1, BLOCK: 1, UNITS_DEPT: ['SO_TC'] },
      units: { departments: { SO_TC: { TR1: 2 } } },
    });
  });
});
