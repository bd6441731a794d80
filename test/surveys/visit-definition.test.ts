import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { sipasVisit2026 } from '#surveys/shipped.js';
import type { RatingQuestion } from '#surveys/types.js';
import { validateResponse } from '#surveys/validate.js';
import { questionSites } from '#surveys/walk.js';
import { visitResponse } from '#test/surveys/support/visit-response.js';

const sites = questionSites(sipasVisit2026);
const asked = sites.filter((s) => s.question.type !== 'unitRatings');
const context = { units: { centres: ['TTPV_TINH', 'TTPV_X_AN_LAC'] } };

describe('sipas-visit-2026, the visit survey at service centres', () => {
  it('asks 12–20 items besides the centre, which the centre token fills in', () => {
    const items = asked.filter((s) => s.question.code !== 'CENTRE');
    expect(items.length).to.be.within(12, 20);
  });

  it('asks each of the five SIPAS factors as an assessment and a satisfaction rating', () => {
    for (const factor of ['access', 'procedure', 'civil_servant', 'result', 'feedback']) {
      const items = sites.filter((s) => 'component' in s.question && s.question.component === factor);
      const satisfaction = items.filter(
        (s) => s.question.type === 'rating' && (s.question as RatingQuestion).scale === 'SAT5',
      );
      expect(items.length, factor).to.be.at.least(2);
      expect(satisfaction, factor).to.have.length(1);
    }
  });

  it('asks the 4-on-the-spot steps, the signed electronic result, trips, on-time, unofficial payment and expectations', () => {
    const codes = sites.map((s) => s.question.code);
    expect(codes).to.include.members(['FOUR', 'ESIGN', 'TRIPS', 'ONTIME', 'PAY', 'EXPECT']);
  });

  it('asks citizen or firm, and size and sector only of firms, without names or contact details', () => {
    const roles = asked
      .map((s) => ('profileRole' in s.question ? s.question.profileRole : undefined))
      .filter(Boolean);
    expect(roles.sort()).to.deep.equal(['sector', 'size']);
    expect(validateResponse(sipasVisit2026, context, visitResponse('TTPV_TINH')).errors).to.deep.equal([]);
    const firm = visitResponse('TTPV_TINH');
    firm.answers.WHO = 2;
    expect(validateResponse(sipasVisit2026, context, firm).errors.map((e) => [e.path, e.code])).to.deep.equal(
      [
        ['/answers/FSIZE', 'required'],
        ['/answers/FSECTOR', 'required'],
      ],
    );
  });

  it('validateResponse hides the result ratings when the result is not received yet', () => {
    const pending = visitResponse('TTPV_TINH');
    pending.units!.centres!.TTPV_TINH!.ESIGN = 4;
    const errors = validateResponse(sipasVisit2026, context, pending).errors.map((e) => [e.path, e.code]);
    expect(errors).to.deep.equal([
      ['/units/centres/TTPV_TINH/RES1', 'hidden_not_empty'],
      ['/units/centres/TTPV_TINH/RES2', 'hidden_not_empty'],
    ]);
  });

  it('validateResponse takes exactly one centre of the edition', () => {
    const two = visitResponse('TTPV_TINH');
    two.answers.CENTRE = ['TTPV_TINH', 'TTPV_X_AN_LAC'];
    expect(validateResponse(sipasVisit2026, context, two).errors[0]?.code).to.equal('too_many_selections');
    expect(validateResponse(sipasVisit2026, context, visitResponse('MC_H_AN_LAC')).valid).to.equal(false);
  });

  it('writes every question in Vietnamese with diacritics and a distinct English', () => {
    const diacritics = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
    for (const { question } of sites) {
      expect(question.text.vi, question.code).to.match(diacritics);
      expect(question.text.vi, question.code).to.not.equal(question.text.en);
    }
  });

  it('surveys/README.md lists every item code', () => {
    const readme = readFileSync(new URL('../../surveys/README.md', import.meta.url), 'utf8');
    const missing = sites.map((s) => s.question.code).filter((code) => !readme.includes(`| ${code} |`));
    expect(missing).to.deep.equal([]);
  });
});
