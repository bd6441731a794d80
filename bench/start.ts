// npm run bench:start -- [--runs 3] [--port 3190]
//
// First start on the embedded database, as a newcomer gets it: for each run a fresh DATA_DIR,
// `server/cli/start.ts` (the built client must exist: the script runs `npm run build` once first
// when dist/client is missing, and `npm run build:snapshot`, which does nothing while the snapshot
// is current), timed from spawn to the "Ready:" line, with the server's CPU seconds at each line
// (wall time follows the machine's load; CPU time much less). Prints each phase line the
// server reports with its time since spawn, the resident memory of the server once ready and 15 s later
// (idle: once V8 has given back the garbage of seeding and publishing), and the
// median over the runs with the load average. Figures, never a pass/fail test.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, port: { type: 'string', default: '3190' } },
});
const runs = Number(values.runs);
const port = Number(values.port);
if (!(runs >= 1) || !(port > 0)) throw new Error('--runs and --port must be positive numbers');

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(path.join(root, 'dist/client/index.html'))) {
  console.error('building the client first (npm run build) …');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
// As `npm start` does: the first-start snapshot (server/seed/snapshot.ts), built once per change
// of the code it depends on; the runs then time the first start a newcomer gets after the build.
execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/build-snapshot.ts'], {
  cwd: root,
  stdio: 'inherit',
});

/** Resident set size of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 10 ms). */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

interface Run {
  readyMs: number;
  cpu?: number;
  rss?: number;
  settled?: number;
}

/** How long after ready the resident memory is read again, idle. */
const SETTLE_MS = 15_000;

function once(i: number): Promise<Run> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/start.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffered += chunk;
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const ms = performance.now() - t0;
        const cpu = cpuSeconds(child.pid!)?.toFixed(1) ?? '?';
        console.error(
          `  run ${i} ${(ms / 1000).toFixed(1).padStart(6)} s  cpu ${cpu.padStart(5)} s  ${line}`,
        );
        if (line.startsWith('Ready:')) {
          const rss = rssMb(child.pid!);
          const cpu = cpuSeconds(child.pid!);
          // The first start's seeding and publishing leave garbage that V8's memory reducer gives back after a few
          // idle seconds: the resident memory once settled is what the server holds while it serves.
          setTimeout(() => {
            const settled = rssMb(child.pid!);
            child.kill('SIGTERM');
            child.once('exit', () => {
              rmSync(dataDir, { recursive: true, force: true });
              resolve({ readyMs: ms, cpu, rss, settled });
            });
          }, SETTLE_MS);
        }
      }
    });
    child.once('exit', (code) => {
      if (code !== 0 && code !== null) reject(new Error(`server exited with ${code} before ready`));
    });
  });
}

const results: Run[] = [];
for (let i = 1; i <= runs; i++) results.push(await once(i));
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`first start to ready (embedded database, fresh DATA_DIR), ${runs} run(s):`);
for (const [i, r] of results.entries())
  console.log(
    `  run ${i + 1}: ${(r.readyMs / 1000).toFixed(1)} s, server CPU ${r.cpu?.toFixed(1) ?? '?'} s, resident memory ${r.rss?.toFixed(0) ?? '?'} MB at ready, ${r.settled?.toFixed(0) ?? '?'} MB ${SETTLE_MS / 1000} s later`,
  );
console.log(
  `median ${(median(results.map((r) => r.readyMs)) / 1000).toFixed(1)} s to ready (target ≤ 15 s), ` +
    `server CPU ${median(results.map((r) => r.cpu ?? NaN)).toFixed(1)} s, ` +
    `resident memory ${median(results.map((r) => r.rss ?? NaN)).toFixed(0)} MB at ready and ` +
    `${median(results.map((r) => r.settled ?? NaN)).toFixed(0)} MB settled (target ≤ 500 MB); ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${os.cpus().length} cores (wall time follows the load, CPU time much less)`,
);
