import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TSX = path.resolve('node_modules/.bin/tsx');

function withoutCoverage(): NodeJS.ProcessEnv {
  const { NODE_V8_COVERAGE: _drop, ...rest } = process.env;
  return rest;
}

function run(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(TSX, ['server/cli/start.ts'], {
    // Children do not write V8 coverage: c8 would merge their unexecuted copy of every module
    // with the test process's and under-report what the suite covers.
    env: { ...withoutCoverage(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('server/cli/start', function () {
  this.timeout(120_000);

  it('start with PORT=abc exits 1 naming the variable and what to do', async () => {
    const p = run({ PORT: 'abc' });
    expect(await p.exited).to.equal(1);
    expect(p.output()).to.include(
      'Configuration error: PORT: must be a whole number from 1 to 65535 (got "abc")',
    );
    expect(p.output()).to.include('Fix the environment variable PORT');
  });

  it('start serves, then on SIGTERM finishes the in-flight request, closes the database and exits 0', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'start-test-'));
    const port = 30000 + Math.floor(Math.random() * 20000);
    const p = run({ PORT: String(port), DATA_DIR: dataDir, SEED: 'false', LOG_LEVEL: 'info' });
    await waitFor(() => p.output().includes('Ready:'), 90_000);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).to.deep.equal({ status: 'ready', database: 'pglite' });
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/families`);
    p.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).to.equal(200);
    expect(await p.exited).to.equal(0);
    expect(p.output()).to.include('"msg":"shutting down"');
  });
});
