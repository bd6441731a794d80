import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { csvRows as rows, root, runInProcess as run } from './score/run-in-process.js';

const META = 'test/fixtures/asem/input/ASEM_iMeta.csv';
const DATA = 'test/fixtures/asem/input/ASEM_iData.csv';
const asem = ['--meta', META, '--data', DATA];

// ASEM's data with one unit's LPI raised far above the others: its own extremes would move every LPI score.
function shiftedData(): string {
  const lines = readFileSync(`${root}${DATA}`, 'utf8').trimEnd().split('\n');
  const header = lines[0]!.split(',').map((h) => h.replace(/"/g, ''));
  const j = header.indexOf('LPI');
  const cells = lines[1]!.split(',');
  cells[j] = '9.5';
  lines[1] = cells.join(',');
  return lines.join('\n') + '\n';
}

const lpi = (json: string) => JSON.parse(json).result.blocks.all.nodes.LPI;

describe('score --benchmarks FILE (replaying recorded benchmarks)', () => {
  it('score --benchmarks CSV uses the given min and max for those indicators and says they were replayed', () => {
    const file = 'indicator,min,max\nLPI,2,5\nFlights,0,3000\n';
    const r = run([...asem, '--format', 'json', '--benchmarks', 'b.csv'], { 'b.csv': file });
    expect(r.code).to.equal(0, r.stderr);
    const node = lpi(r.stdout);
    expect(node.benchmark).to.deep.include({ min: 2, max: 5, replayed: true });
    // COINr's minmax onto [0, 100]: (x − 2) / 3 · 100 from the treated value.
    node.values.forEach((v: number | null, u: number) => {
      if (v !== null) expect(v).to.be.closeTo(((node.treated[u] - 2) / 3) * 100, 1e-9);
    });
    const plain = lpi(run([...asem, '--format', 'json']).stdout);
    expect(plain.benchmark.replayed).to.equal(undefined);
    expect(plain.values).to.not.deep.equal(node.values);
  });

  it('the JSON of an earlier run replays its benchmarks: new data score against the recorded goalposts', () => {
    const first = run([...asem, '--format', 'json']);
    const recorded = lpi(first.stdout).benchmark;
    const files = { 'shifted.csv': shiftedData(), 'first.json': first.stdout };
    const moved = lpi(run(['--meta', META, '--data', 'shifted.csv', '--format', 'json'], files).stdout);
    expect(moved.benchmark.max).to.equal(9.5);
    const replayed = run(
      ['--meta', META, '--data', 'shifted.csv', '--format', 'json', '--benchmarks', 'first.json'],
      files,
    );
    expect(replayed.code).to.equal(0, replayed.stderr);
    const node = lpi(replayed.stdout);
    expect(node.benchmark).to.deep.include({ min: recorded.min, max: recorded.max, replayed: true });
    // Every unit but the one whose LPI changed keeps the score it had in the first run.
    const before = lpi(first.stdout).values as number[];
    expect(node.values.slice(1)).to.deep.equal(before.slice(1));
    expect(node.values[0]).to.be.above(100);
  });

  it('an edition column keeps the rows of the edition scored; none for it is an error naming the editions', () => {
    const file = 'edition,indicator,min,max\n2017,LPI,1,9\n2018,LPI,2,5\n';
    const r = run([...asem, '--format', 'json', '--benchmarks', 'b.csv'], { 'b.csv': file });
    expect(r.code).to.equal(0, r.stderr);
    expect(lpi(r.stdout).benchmark).to.deep.include({ min: 2, max: 5 });
    const none = run([...asem, '--benchmarks', 'b.csv'], {
      'b.csv': 'edition,indicator,min,max\n2017,LPI,1,9\n',
    });
    expect(none.code).to.equal(1);
    expect(none.stderr).to.contain('b.csv:2:1: no benchmarks for edition 2018 (the file has 2017)');
  });

  it('bad rows get file:line:column errors and no scores are written', () => {
    const cases: [string, string][] = [
      ['indicator,min,max\nLPI,2,5\nNOPE,1,2\n', 'b.csv:3:1: "NOPE" is not an indicator of the methodology'],
      ['indicator,min,max\nLPI,two,5\n', 'b.csv:2:2: "two" is not a number (min)'],
      ['indicator,min,max\nLPI,5,2\n', 'b.csv:2:3: max 2 is not above min 5'],
      ['indicator,min,max\nLPI,,2\n', 'b.csv:2:2: min is empty'],
      ['indicator,min,max\nLPI,1,2\nLPI,1,3\n', 'b.csv:3:1: LPI repeats line 2'],
      ['indicator,min,max\nPhysical,1,2\n', 'b.csv:2:1: "Physical" is not an indicator'],
      ['code,lo,hi\nLPI,1,2\n', 'b.csv:1:1: the header needs columns indicator, min and max'],
    ];
    for (const [file, message] of cases) {
      const r = run([...asem, '--benchmarks', 'b.csv'], { 'b.csv': file });
      expect(r.code, message).to.equal(1);
      expect(r.stdout, message).to.equal('');
      expect(r.stderr, message).to.contain(message);
    }
  });

  it('a recorded JSON of another edition, or one with a broken benchmark, points at the place in the file', () => {
    const first = run([...asem, '--format', 'json']).stdout;
    const other = first.replace('"edition": 2018', '"edition": 2016');
    const r = run([...asem, '--benchmarks', 'old.json'], { 'old.json': other });
    expect(r.code).to.equal(1);
    const line = other.split('\n').findIndex((l) => l.includes('"edition": 2016')) + 1;
    expect(r.stderr).to.match(new RegExp(`old\\.json:${line}:\\d+: the recorded result is edition 2016`));
    const broken = JSON.parse(first);
    broken.result.blocks.all.nodes.LPI.benchmark.max = 'high';
    const b = run([...asem, '--benchmarks', 'bad.json'], { 'bad.json': JSON.stringify(broken, null, 2) });
    expect(b.code).to.equal(1);
    expect(b.stderr).to.match(/bad\.json:\d+:\d+: LPI's benchmark is not numbers min < max/);
  });

  it('score --benchmarks also applies to --sensitivity runs (the nominal ranks use the replayed goalposts)', () => {
    const file = 'indicator,min,max\nLPI,0,10\n';
    const r = run([...asem, '--sensitivity', '20', '--benchmarks', 'b.csv'], { 'b.csv': file });
    expect(r.code).to.equal(0, r.stderr);
    expect(rows(r.stdout)).to.have.length(51);
  });
});
