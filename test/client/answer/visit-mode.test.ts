import { expect } from 'chai';
import { pages, pruneHidden } from '#client/src/answer/model.js';
import {
  centreQuestion,
  visitStart,
  visitTokenOf,
  withoutCentrePage,
} from '#client/src/answer/visit-mode.js';
import { sipasVisit2026 } from '#surveys/shipped.js';
import { validateResponse } from '#surveys/validate.js';
import { visitResponse } from '#test/surveys/support/visit-response.js';

const units = { centres: [{ code: 'TTPV_TINH' }, { code: 'TTPV_X_AN_LAC' }] };
const context = { units: { centres: ['TTPV_TINH', 'TTPV_X_AN_LAC'] } };

describe('answering pages in visit mode', () => {
  it('visitTokenOf(path) reads the token of /khao-sat/visit/… and /survey/visit/…, nothing else', () => {
    expect(visitTokenOf('/khao-sat/visit/c1.abc.def')).to.equal('c1.abc.def');
    expect(visitTokenOf('/survey/visit/c1.abc.def')).to.equal('c1.abc.def');
    expect(visitTokenOf('/khao-sat/ddci-demo-2025')).to.equal(undefined);
    expect(visitTokenOf('/rankings/visit/x')).to.equal(undefined);
  });

  it('withoutCentrePage() drops the page that would only ask the centre the token names', () => {
    const q = centreQuestion(sipasVisit2026, units, 'TTPV_X_AN_LAC')!;
    expect(q.code).to.equal('CENTRE');
    const start = visitStart(q, 'TTPV_X_AN_LAC');
    const all = pages(sipasVisit2026, context, start).map((p) => p.key);
    expect(all[0]).to.equal('VISIT');
    const shown = withoutCentrePage(sipasVisit2026, pages(sipasVisit2026, context, start), start, q);
    expect(shown.map((p) => p.key)).to.deep.equal([
      'RATING.R_SIPAS.TTPV_X_AN_LAC',
      'OUTCOME.R_DELIVERY.TTPV_X_AN_LAC',
      'PROFILE',
    ]);
  });

  it('pruneHidden() keeps the answers of two rating blocks about the same centre', () => {
    const response = visitResponse('TTPV_X_AN_LAC');
    const kept = pruneHidden(sipasVisit2026, context, response);
    expect(kept).to.deep.equal(response);
    expect(validateResponse(sipasVisit2026, context, kept).valid).to.equal(true);
  });
});
