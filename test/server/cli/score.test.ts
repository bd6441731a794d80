import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { csvRows as rows, root, runInProcess as run } from './score/run-in-process.js';

const fx = (name: string) => `test/fixtures/score/${name}`;

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/score.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    // No V8 coverage from the child: c8 would merge its unexecuted module copies into the report.
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_V8_COVERAGE')),
  });
}

describe('score (CLI)', () => {
  it('score --meta --data scores a wide table as a child process and exits 0', () => {
    const r = cli('--meta', fx('meta.csv'), '--data', fx('data-wide.csv'));
    expect(r.status).to.equal(0, r.stderr);
    const out = rows(r.stdout);
    // Hand computation in test/fixtures/score/README.md: A 275/3, B 800/18, C 1225/18, D 0.
    expect(out.map((x) => x.unit)).to.deep.equal(['A', 'B', 'C', 'D']);
    [275 / 3, 800 / 18, 1225 / 18, 0].forEach((want, i) =>
      expect(Number(out[i]!.Index)).to.be.closeTo(want, 1e-9),
    );
    expect(out.map((x) => x.rank)).to.deep.equal(['1', '3', '2', '4']);
  });

  it('score --data with a bad number exits 1 with file:line:column on stderr (child process)', () => {
    const r = cli('--meta', fx('meta.csv'), '--data', fx('data-bad-number.csv'));
    expect(r.status).to.equal(1);
    expect(r.stderr).to.equal(`${fx('data-bad-number.csv')}:3:4: "twenty" is not a number (days)\n`);
  });

  it('score --data in long layout gives the same scores as the wide layout', () => {
    const wide = run(['--meta', fx('meta.csv'), '--data', fx('data-wide.csv')]);
    const long = run(['--meta', fx('meta.csv'), '--data', fx('data-long.csv')]);
    expect(long.code).to.equal(0, long.stderr);
    expect(long.stdout).to.equal(wide.stdout);
  });

  it('score --methodology applies the PCI normaliser and the 100-point scale', () => {
    const r = run(['--methodology', fx('methodology.json'), '--data', fx('data-wide.csv')]);
    expect(r.code).to.equal(0, r.stderr);
    // A: Open = (7 + 10)/2 = 8.5, Cost = 10, index 9.25 on [1, 10] → 10 + 8.25·10 = 92.5.
    expect(Number(rows(r.stdout)[0]!.Index)).to.be.closeTo(92.5, 1e-9);
  });

  it('score --methodology with invalid JSON reports file:line:column of the syntax error', () => {
    const r = run(['--methodology', fx('methodology-bad-json.json'), '--data', fx('data-wide.csv')]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/^test\/fixtures\/score\/methodology-bad-json\.json:4:3: invalid JSON/);
  });

  it('score --methodology with a schema violation reports the line and column of the offending member', () => {
    const r = run(['--methodology', fx('methodology-bad-weight.json'), '--data', fx('data-wide.csv')]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(
      /methodology-bad-weight\.json:117:13: \/tree\/children\/1\/children\/1\/weight/,
    );
  });

  it('score --meta with an unknown parent reports file:line:column of the parent cell', () => {
    const r = run(['--meta', fx('meta-bad-parent.csv'), '--data', fx('data-wide.csv')]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.equal(`${fx('meta-bad-parent.csv')}:4:3: parent "Opne" is not an aggregate code\n`);
  });

  it('score --data with an unclosed quote reports the line and column csv-parse gives', () => {
    const r = run(['--meta', fx('meta.csv'), '--data', fx('data-bad-quote.csv')]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/^test\/fixtures\/score\/data-bad-quote\.csv:3:3: Quote Not Closed/);
  });

  it('score --data without the column of an indicator reports it', () => {
    const r = run(['--meta', fx('meta.csv'), '--data', 'x.csv'], {
      'x.csv': 'unit,web,docs,days\nA,1,2,3\n',
    });
    expect(r.code).to.equal(1);
    expect(r.stderr).to.equal('x.csv:1:1: no column for fees\n');
  });

  it('score --data with a repeated unit reports the second line', () => {
    const data = 'unit,web,docs,days,fees\nA,1,2,3,4\nA,1,2,3,4\n';
    const r = run(['--meta', fx('meta.csv'), '--data', 'x.csv'], { 'x.csv': data });
    expect(r.stderr).to.equal('x.csv:3:1: unit A appears twice\n');
  });

  it('score without --data exits 2 with the usage', () => {
    const r = run(['--meta', fx('meta.csv')]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('--data is required').and.contain('usage:');
  });

  it('score with both --methodology and --meta exits 2', () => {
    const r = run([
      '--meta',
      fx('meta.csv'),
      '--methodology',
      fx('methodology.json'),
      '--data',
      fx('data-wide.csv'),
    ]);
    expect(r.code).to.equal(2);
  });

  it('score with an unknown option exits 2', () => {
    expect(run(['--bogus']).code).to.equal(2);
  });

  it('score --data with several editions and no --edition exits 2 naming them', () => {
    const data = 'unit,year,web,docs,days,fees\nA,2023,1,2,3,4\nA,2024,1,2,3,4\n';
    const r = run(['--meta', fx('meta.csv'), '--data', 'x.csv'], { 'x.csv': data });
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('holds editions 2023, 2024');
  });

  it('score --edition picks one edition of a panel', () => {
    const data =
      'unit,year,web,docs,days,fees\nA,2023,1,2,3,4\nB,2023,2,2,3,4\nA,2024,9,2,3,4\nB,2024,1,2,3,4\n';
    const r = run(['--meta', fx('meta.csv'), '--data', 'x.csv', '--edition', '2024'], { 'x.csv': data });
    expect(r.code).to.equal(0, r.stderr);
    expect(rows(r.stdout).map((x) => x.rank)).to.deep.equal(['1', '2']);
  });

  it('score on a missing file exits 3', () => {
    const r = run(['--meta', fx('meta.csv'), '--data', 'test/fixtures/score/nope.csv']);
    expect(r.code).to.equal(3);
    expect(r.stderr).to.contain('cannot read test/fixtures/score/nope.csv');
  });

  it('score --format json writes the full result', () => {
    const r = run(['--meta', fx('meta.csv'), '--data', fx('data-wide.csv'), '--format', 'json']);
    const json = JSON.parse(r.stdout) as {
      result: { blocks: Record<string, { nodes: Record<string, { ranks: number[] }> }> };
    };
    expect(json.result.blocks.all!.nodes.Index!.ranks).to.deep.equal([1, 3, 2, 4]);
  });

  it('score --out FILE writes there and nothing to stdout', () => {
    const r = run(['--meta', fx('meta.csv'), '--data', fx('data-wide.csv'), '--out', 'o.csv']);
    expect(r.stdout).to.equal('');
    expect(r.written['o.csv']).to.match(/^block,unit,rank,Index/);
  });

  it('score --sensitivity adds rank ranges and reports progress on stderr', () => {
    const r = run([
      '--meta',
      fx('meta.csv'),
      '--data',
      fx('data-wide.csv'),
      '--sensitivity',
      '50',
      '--seed',
      '3',
    ]);
    expect(r.code).to.equal(0, r.stderr);
    const out = rows(r.stdout);
    out.forEach((x) => expect(Number(x.rank_lower)).to.be.at.most(Number(x.rank_upper)));
    expect(r.stderr).to.contain('sensitivity 50/50 (100 %)');
  });

  it('score writes a unit code that looks like a formula with a leading apostrophe', () => {
    const data = 'unit,web,docs,days,fees\n"=HYPERLINK(""x"")",1,2,3,4\nB,2,3,4,5\n';
    const r = run(['--meta', fx('meta.csv'), '--data', 'x.csv'], { 'x.csv': data });
    expect(r.stdout.split('\n')[1]).to.match(/^all,"'=HYPERLINK\(""x""\)",/);
  });

  it('score --meta ASEM iMeta --data ASEM iData reproduces COINr case 1 composites', () => {
    const r = run([
      '--meta',
      'test/fixtures/asem/input/ASEM_iMeta.csv',
      '--data',
      'test/fixtures/asem/input/ASEM_iData.csv',
    ]);
    expect(r.code).to.equal(0, r.stderr);
    const want = new Map(
      rows(
        readFileSync(new URL('test/fixtures/asem/case1_minmax_amean/scores.csv', `file://${root}`), 'utf8'),
      ).map((x) => [x.uCode!, Number(x.Index)]),
    );
    const got = rows(r.stdout);
    expect(got).to.have.length(51);
    for (const x of got) expect(Number(x.Index)).to.be.closeTo(want.get(x.unit!)!, 1e-9 * want.get(x.unit!)!);
  });
});
