import { expect } from 'chai';
import { scoreObservations } from '#server/cli/score/observations.js';
import { computeIndex } from '#scoring/compute.js';
import { surveyIndicators } from '#scoring/indicators/index.js';
import { surveyEdition } from '#test/scoring/indicators/fixture.js';

describe('scoreObservations', () => {
  const { methodology, observations } = surveyEdition(5, 30, 11);

  it('scoreObservations(obs, m) equals computeIndex of the survey indicator table', () => {
    const { result, table } = scoreObservations(observations, methodology, { edition: 2025 });
    const want = computeIndex(methodology, surveyIndicators(observations, methodology), { edition: 2025 });
    expect(result.blocks.all!.nodes.INDEX!.values).to.deep.equal(want.blocks.all!.nodes.INDEX!.values);
    expect(result.edition).to.equal(2025);
    expect(table.n.T_MEAN).to.deep.equal([30, 30, 30, 30, 30]);
  });

  it('scoreObservations(obs, m, {excludeFlagged}) passes indicator options through', () => {
    const flagged = observations.map((o, i) => (i % 2 === 0 ? { ...o, flags: ['speeder'] } : o));
    const { table } = scoreObservations(flagged, methodology, { excludeFlagged: true });
    expect(table.excludedObservations).to.equal(75);
  });
});
