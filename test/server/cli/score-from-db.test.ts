import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '#server/db/client.js';
import { runScoreFromDb } from '#server/cli/score/from-db.js';
import { DEMO_FAMILY, seedDemo } from '#server/seed/demo.js';

function io() {
  const out = { stdout: '', stderr: '', files: new Map<string, string>() };
  return {
    out,
    io: {
      stdout: (t: string) => void (out.stdout += t),
      stderr: (t: string) => void (out.stderr += t),
      writeText: (p: string, t: string) => void out.files.set(p, t),
    },
  };
}

describe('runScoreFromDb', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'score-db-'));
  const saved = { DB_DIR: process.env.DB_DIR, DATABASE_URL: process.env.DATABASE_URL };

  before(async () => {
    const database = await openDatabase({ dataDir: dir });
    await database.migrate();
    await seedDemo(database.db, () => {}, { firms: 600 });
    await database.close();
    process.env.DB_DIR = dir;
    delete process.env.DATABASE_URL;
  });

  after(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  it('runScoreFromDb(["--family", f, "--edition", y]) prints one CSV row per unit', async () => {
    const t = io();
    expect(await runScoreFromDb(['--family', DEMO_FAMILY, '--edition', '2025'], t.io)).to.equal(0);
    const lines = t.out.stdout.trim().split('\n');
    expect(lines[0]).to.match(/^block,unit,/);
    expect(lines.filter((l) => l.startsWith('departments,')).length).to.be.greaterThan(10);
    expect(t.out.stderr).to.match(/Scored \d+ unit ratings from ddci-demo 2025/);
  });

  it('runScoreFromDb(..., "--bootstrap", N) adds intervals and reports progress', async () => {
    const t = io();
    const code = await runScoreFromDb(
      [
        '--family',
        DEMO_FAMILY,
        '--edition',
        '2025',
        '--bootstrap',
        '20',
        '--format',
        'json',
        '--out',
        'x.json',
      ],
      t.io,
    );
    expect(code).to.equal(0);
    const body = JSON.parse(t.out.files.get('x.json')!);
    expect(body.bootstrap.resamples).to.equal(20);
    expect(body.result.methodology.id).to.equal('ddci-demo');
    expect(t.out.stderr).to.include('bootstrap 20/20');
  });

  it('runScoreFromDb(..., "--publish") stores scores once and refuses a second time without --replace', async () => {
    const first = io();
    expect(
      await runScoreFromDb(['--family', DEMO_FAMILY, '--edition', '2023', '--publish'], first.io),
    ).to.equal(0);
    expect(first.out.stderr).to.match(/Published \d+ scores for ddci-demo 2023/);
    const second = io();
    expect(
      await runScoreFromDb(['--family', DEMO_FAMILY, '--edition', '2023', '--publish'], second.io),
    ).to.equal(1);
    expect(second.out.stderr).to.include('ddci-demo 2023 already has published scores');
  });

  it('runScoreFromDb with a bad edition or an unknown option exits 2 with the usage', async () => {
    const t = io();
    expect(await runScoreFromDb(['--family', DEMO_FAMILY, '--edition', 'soon'], t.io)).to.equal(2);
    expect(t.out.stderr).to.include('--edition must be a year such as 2025');
    const u = io();
    expect(await runScoreFromDb(['--family', DEMO_FAMILY, '--colour', 'red'], u.io)).to.equal(2);
    expect(u.out.stderr).to.include('usage: npm run score -- --family FAMILY --edition YEAR');
  });

  it('runScoreFromDb for an edition without a survey exits 1 naming it', async () => {
    const t = io();
    expect(await runScoreFromDb(['--family', DEMO_FAMILY, '--edition', '2019'], t.io)).to.equal(1);
    expect(t.out.stderr).to.include('no survey edition of ddci-demo for 2019');
  });
});
