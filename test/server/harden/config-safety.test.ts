import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CodeSecretMismatchError,
  checkCodeSecret,
  codeSecretFingerprint,
} from '#server/db/code-secret-check.js';
import { serverSettings } from '#server/db/schema/index.js';
import { CLIENT_DIST } from '#server/http/static-client.js';
import { describeEachDatabase } from '#test/support/db.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describeEachDatabase('checkCodeSecret', (ctx) => {
  it('checkCodeSecret(db, secret) records a one-way fingerprint on first start and accepts the same secret again', async () => {
    await checkCodeSecret(ctx.database.db, A);
    await checkCodeSecret(ctx.database.db, A);
    const rows = await ctx.database.db.select().from(serverSettings);
    expect(rows.map((r) => r.value)).to.deep.equal([codeSecretFingerprint(A)]);
    expect(rows[0]!.value).not.to.include(A.slice(0, 8));
  });

  it('checkCodeSecret(db, other) refuses a different secret with a message saying what to do', async () => {
    const err = await checkCodeSecret(ctx.database.db, B).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(CodeSecretMismatchError);
    expect((err as Error).message).to.include('Set CODE_SECRET to the original secret');
    expect((err as Error).message).to.include('Khóa mã khảo sát');
  });
});

describe('npm start (server/cli/start.ts)', function () {
  this.timeout(180_000);

  it('runs in production mode with a strict Content-Security-Policy and refuses a changed CODE_SECRET', async function () {
    if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) this.skip(); // npm test builds the client first
    const dataDir = mkdtempSync(path.join(tmpdir(), 'prod-'));
    const port = 30000 + Math.floor(Math.random() * 20000);
    const env = {
      ...process.env,
      NODE_ENV: '',
      NODE_V8_COVERAGE: '',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED: 'false',
    };
    const run = (extra: NodeJS.ProcessEnv) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/start.ts'], {
        env: { ...env, ...extra },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d) => (out += String(d)));
      child.stderr!.on('data', (d) => (out += String(d)));
      const exited = new Promise<number | null>((r) => child.on('exit', r));
      return { child, exited, output: () => out };
    };
    const first = run({ CODE_SECRET: A });
    const t0 = Date.now();
    while (!first.output().includes('Ready:')) {
      if (Date.now() - t0 > 150_000) throw new Error(`no start: ${first.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await fetch(`http://127.0.0.1:${port}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.trim()).to.equal("'self'");
    expect(csp).not.to.include('ws:');
    first.child.kill('SIGTERM');
    expect(await first.exited).to.equal(0);

    const second = run({ CODE_SECRET: B });
    expect(await second.exited).to.equal(1);
    expect(second.output()).to.include('The code secret differs from the one this database was set up with');
  });
});
