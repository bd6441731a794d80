import { expect } from 'chai';
import { mergeDraft, resumePoint } from '#client/src/answer/code-start.js';
import { pages } from '#client/src/answer/model.js';
import { ddciDemo2025 } from '#surveys/shipped.js';

const context = { units: { departments: ['SO_TC', 'CUC_THUE', 'SO_XD'], localities: ['P_A', 'X_B'] } };

describe('answering from a code: merging a late draft and where to continue', () => {
  it('mergeDraft(draft, mine) keeps the draft and puts what was answered since the page opened on top', () => {
    const draft = {
      answers: { CONSENT: 1, BLOCK: 1, A4: '2001' },
      units: { departments: { SO_TC: { TR1: 2, TR2: 3 } } },
    };
    const mine = { answers: { BLOCK: 3 }, units: { departments: { SO_TC: { TR2: 5 }, SO_XD: { TR1: 1 } } } };
    expect(mergeDraft(draft, mine)).to.deep.equal({
      answers: { CONSENT: 1, BLOCK: 3, A4: '2001' },
      units: { departments: { SO_TC: { TR1: 2, TR2: 5 }, SO_XD: { TR1: 1 } } },
    });
    expect(mergeDraft({ answers: { CONSENT: 1 } }, { answers: {} })).to.deep.equal({
      answers: { CONSENT: 1 },
    });
  });

  it('resumePoint(pages, here, unfinished) leads to the first unfinished page, the review when none is, and nowhere when it is not further on', () => {
    const list = pages(ddciDemo2025, context, { answers: { CONSENT: 1, BLOCK: 1, UNITS_DEPT: ['SO_TC'] } });
    const keys = list.map((p) => p.key);
    const unfinishedFrom = (key: string) => (p: { key: string }) => keys.indexOf(p.key) >= keys.indexOf(key);
    expect(resumePoint(list, 'INTRO', unfinishedFrom('DEPARTMENTS.R_DEPT.SO_TC'))).to.equal(
      'DEPARTMENTS.R_DEPT.SO_TC',
    );
    expect(resumePoint(list, undefined, () => false)).to.equal('review');
    expect(resumePoint(list, 'INTRO', unfinishedFrom('INTRO'))).to.equal(undefined);
    expect(resumePoint(list, 'PROFILE', unfinishedFrom('DEPARTMENTS'))).to.equal(undefined);
  });
});
