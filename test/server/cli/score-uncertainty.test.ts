import { expect } from 'chai';
import { csvRows as rows, runInProcess as run } from './score/run-in-process.js';

const base = ['--meta', 'test/fixtures/score/meta.csv', '--data', 'test/fixtures/score/data-wide.csv'];

describe('score --sensitivity / --weight-sets (uncertainty from the CLI)', () => {
  it('score --weight-sets FILE runs each set once and reports mean rank and mean absolute shift', () => {
    const sets = 'set,web,docs,days,fees,Open,Cost\nA,1,1,1,2,1,1\nB,1,1,1,2,5,1\nC,1,1,1,2,1,5\n';
    const r = run([...base, '--weight-sets', 'w.csv', '--runs-out', 'runs.csv'], { 'w.csv': sets });
    expect(r.code).to.equal(0, r.stderr);
    const out = rows(r.stdout);
    expect(Object.keys(out[0]!)).to.include.members(['rank_mean', 'rank_median', 'rank_shift']);
    const runs = rows(r.written['runs.csv']!);
    expect(runs).to.have.length(3 * out.length);
    // Set A is the nominal methodology: its run reproduces the nominal ranks.
    for (const unit of out)
      expect(runs.find((x) => x.run === '1' && x.unit === unit.unit)!.rank).to.equal(unit.rank);
    expect(r.stderr).to.contain('sensitivity 3/3 (100 %)');
  });

  it('score --weight-sets in the long layout gives the same result as the wide layout', () => {
    const wide = 'web,Open\n1,1\n3,2\n';
    const long = 'set,node,weight\nx,web,1\nx,Open,1\ny,web,3\ny,Open,2\n';
    const a = run([...base, '--weight-sets', 'w.csv'], { 'w.csv': wide });
    const b = run([...base, '--weight-sets', 'l.csv'], { 'l.csv': long });
    expect(a.code).to.equal(0, a.stderr);
    expect(b.stdout).to.equal(a.stdout);
  });

  const bad: [string, string, string][] = [
    ['an unknown node', 'web,Nope\n1,1\n', 'w.csv:1:2: "Nope" is not a node of the methodology'],
    ['a negative weight', 'web,docs\n1,1\n-1,1\n', 'w.csv:3:1: weight -1 of web is negative'],
    ['a non-numeric weight', 'web,docs\n1,abc\n', 'w.csv:2:2: "abc" is not a number (weight of docs)'],
    ['an empty weight', 'web,docs\n1,\n', 'w.csv:2:2: missing weight for docs'],
    [
      'a set missing a row (long layout)',
      'set,node,weight\nA,web,1\nA,docs,2\nB,web,1\n',
      'w.csv:4:1: set B has no row for docs (the set on line 2 has one)',
    ],
    ['an unknown node (long layout)', 'set,node,weight\nA,wbe,1\n', 'w.csv:2:2: "wbe" is not a node'],
    ['no sets', 'web,docs\n', 'w.csv:2:1: no weight sets'],
  ];
  for (const [what, file, message] of bad) {
    it(`score --weight-sets with ${what} exits 1 with file:line:column`, () => {
      const r = run([...base, '--weight-sets', 'w.csv'], { 'w.csv': file });
      expect(r.code).to.equal(1);
      expect(r.stderr).to.contain(message);
      expect(r.stdout).to.equal('');
    });
  }

  it('score --sensitivity with nothing uncertain (--noise 0) exits 1 and says what to give', () => {
    const r = run([...base, '--sensitivity', '10', '--noise', '0']);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain('nothing is uncertain');
  });

  it('score --normalisers without --sensitivity is a usage error', () => {
    const r = run([...base, '--normalisers', 'rank']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('--normalisers needs --sensitivity RUNS');
  });

  it('score --normalisers with an unknown normaliser is a usage error naming it', () => {
    const r = run([...base, '--sensitivity', '5', '--normalisers', 'minmax,goalposts']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('goalposts');
  });

  it('score --sensitivity with normaliser, aggregator and imputation alternatives and level noise runs', () => {
    const r = run([
      ...base,
      '--sensitivity',
      '40',
      '--seed',
      '9',
      '--noise-levels',
      'indicator',
      '--noise-node',
      'Open=0.5',
      '--normalisers',
      'minmax:1:100,zscore:100:10,rank',
      '--aggregators',
      'arithmetic,geometric,power:2',
      '--imputations',
      'mean,median',
      '--format',
      'json',
    ]);
    expect(r.code).to.equal(0, r.stderr);
    const s = JSON.parse(r.stdout).sensitivity;
    expect(s.runs).to.equal(40);
    const b = s.blocks.all;
    expect(b.mean.every((x: number | null) => x === null || (x >= 1 && x <= 4))).to.equal(true);
  });

  it('score --weight-sets with zero weights writes missing aggregates as empty cells, never NaN', () => {
    const r = run([...base, '--weight-sets', 'w.csv', '--runs-out', 'runs.csv', '--format', 'json'], {
      'w.csv': 'web,docs\n0,0\n',
    });
    expect(r.code).to.equal(0, r.stderr);
    expect(r.stdout).not.to.match(/NaN|Infinity/);
    expect(r.written['runs.csv']).not.to.match(/NaN|Infinity/);
  });
});
