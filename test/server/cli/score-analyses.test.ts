import { expect } from 'chai';
import { csvRows as rows, runInProcess as run } from './score/run-in-process.js';

const asem = [
  '--meta',
  'test/fixtures/asem/input/ASEM_iMeta.csv',
  '--data',
  'test/fixtures/asem/input/ASEM_iData.csv',
];

describe('score --audit and --sobol', () => {
  it('score --audit on ASEM writes one CSV row per node with statistics, correlations, alpha and flags', () => {
    const r = run([...asem, '--audit']);
    expect(r.code).to.equal(0, r.stderr);
    const out = rows(r.stdout);
    expect(out).to.have.length(60);
    const lpi = out.find((x) => x.code === 'LPI')!;
    expect(Number(lpi.n)).to.equal(51);
    expect(Number(lpi.r_parent)).to.be.within(-1, 1);
    expect(out.find((x) => x.code === 'Physical')!.alpha).to.not.equal('');
    expect(r.stdout).not.to.match(/NaN|Infinity/);
    // ConSpeed has missing values in iData.
    expect(Number(out.find((x) => x.code === 'ConSpeed')!.availability)).to.be.below(1);
  });

  it('score --audit --format json gives the engine audit object', () => {
    const r = run([...asem, '--audit', '--audit-stage', 'normalised', '--format', 'json']);
    expect(r.code).to.equal(0, r.stderr);
    const a = JSON.parse(r.stdout).audit;
    expect(a.stage).to.equal('normalised');
    expect(a.blocks.all.pairs.length).to.be.above(0);
  });

  it('score --sobol N with weight noise and normalisers writes first and total indices per factor', () => {
    const r = run([
      ...asem,
      '--sobol',
      '64',
      '--noise',
      '0.25',
      '--normalisers',
      'minmax,rank',
      '--bootstrap',
      '50',
    ]);
    expect(r.code).to.equal(0, r.stderr);
    const out = rows(r.stdout);
    expect(out.map((x) => x.factor)).to.deep.equal(['weights', 'normaliser']);
    for (const x of out) expect(Number(x.total_lower)).to.be.at.most(Number(x.total_upper));
    expect(r.stderr).to.contain('sobol 256/256 (100 %)');
  });

  it('score --sobol N --sobol-weights per-node gives one weights factor per pillar; a bad value exits 2', () => {
    const args = [...asem, '--sobol', '32', '--noise-levels', 'indicator', '--bootstrap', '0'];
    const r = run([...args, '--sobol-weights', 'per-node']);
    expect(r.code).to.equal(0, r.stderr);
    const factors = rows(r.stdout).map((x) => x.factor);
    expect(factors).to.have.length(8);
    expect(factors[0]).to.equal('weights:Physical');
    expect(run([...args, '--sobol-weights', 'each']).stderr).to.contain(
      '--sobol-weights is not one or per-node',
    );
    const alone = run([...asem, '--sobol-weights', 'per-node']);
    expect(alone.code).to.equal(2);
    expect(alone.stderr).to.contain('need --sobol N');
  });

  it('score --sobol with nothing uncertain exits 1; --audit with --sobol is a usage error', () => {
    expect(run([...asem, '--sobol', '16', '--noise', '0']).code).to.equal(1);
    const both = run([...asem, '--sobol', '16', '--audit']);
    expect(both.code).to.equal(2);
    expect(both.stderr).to.contain('give one of --audit, --sensitivity and --sobol');
  });
});
