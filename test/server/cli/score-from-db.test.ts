import { expect } from 'chai';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
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
  const publicDir = path.join(dir, 'public');
  const saved = {
    DB_DIR: process.env.DB_DIR,
    DATA_DIR: process.env.DATA_DIR,
    DATABASE_URL: process.env.DATABASE_URL,
  };

  before(async () => {
    const database = await openDatabase({ dataDir: dir });
    await database.migrate();
    await seedDemo(database.db, () => {}, { firms: 600 });
    await database.close();
    process.env.DB_DIR = dir;
    process.env.DATA_DIR = dir;
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

  it('runScoreFromDb(..., "--publish") publishes a signed release once; a second needs --supersedes', async () => {
    const first = io();
    expect(
      await runScoreFromDb(['--family', DEMO_FAMILY, '--edition', '2023', '--publish'], first.io),
    ).to.equal(0);
    expect(first.out.stderr).to.match(/Published release ddci-demo-2023-r1 \(sha256 [0-9a-f]{64}\)/);
    const release = readFileSync(path.join(publicDir, 'api/v1/releases/ddci-demo-2023-r1.json'), 'utf8');
    expect(JSON.parse(release).edition).to.equal(2023);
    expect(statSync(path.join(dir, 'release-signing-key.pem')).mode & 0o777).to.equal(0o600);
    const second = io();
    expect(
      await runScoreFromDb(['--family', DEMO_FAMILY, '--edition', '2023', '--publish'], second.io),
    ).to.equal(1);
    expect(second.out.stderr).to.include(
      'ddci-demo 2023 already has release ddci-demo-2023-r1; a correction must say "supersedes": "ddci-demo-2023-r1"',
    );
    const correction = io();
    const args = ['--family', DEMO_FAMILY, '--edition', '2023', '--publish', '--exclude-flagged'];
    expect(
      await runScoreFromDb(
        [...args, '--supersedes', 'ddci-demo-2023-r1', '--note', 'Bỏ phiếu bị gắn cờ'],
        correction.io,
      ),
    ).to.equal(0);
    expect(correction.out.stderr).to.include('Published release ddci-demo-2023-r2');
    const index = JSON.parse(readFileSync(path.join(publicDir, 'api/v1/releases.json'), 'utf8'));
    expect(index.releases.map((r: { id: string; status: string }) => [r.id, r.status])).to.deep.equal([
      ['ddci-demo-2023-r1', 'superseded'],
      ['ddci-demo-2023-r2', 'current'],
    ]);
  });

  it('runScoreFromDb(..., "--publish") on a data folder a running server holds is refused, saying what to do', async () => {
    const server = await openDatabase({ dataDir: dir, purpose: 'the server (npm start)' });
    try {
      const t = io();
      expect(
        await runScoreFromDb(['--family', DEMO_FAMILY, '--edition', '2024', '--publish'], t.io),
      ).to.equal(1);
      expect(t.out.stderr)
        .to.include(
          `The embedded database in ${dir} is in use by process ${process.pid} (the server (npm start)`,
        )
        .and.include("stop that server first, or do this through the running server's HTTP API");
    } finally {
      await server.close();
    }
    const ok = io();
    expect(await runScoreFromDb(['--family', DEMO_FAMILY, '--edition', '2024', '--publish'], ok.io)).to.equal(
      0,
    );
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
