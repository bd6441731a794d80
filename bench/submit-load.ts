import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadOptions, LoadResult } from './submit-load-child.js';

export interface LoadRun extends Omit<LoadResult, 'failures'> {
  failures: Map<number, string>;
  /** CPU time of this process (the server, with PGlite its database too) per completed request. */
  cpuMsPerRequest: number;
  /** Resident memory of this process when the load started, MB. */
  rssStartMb: number;
  /** Highest resident memory of this process (server and embedded database) while the load ran, MB. */
  rssPeakMb: number;
}

const child = fileURLToPath(new URL('./submit-load-child.ts', import.meta.url));

/**
 * Runs the load generator (submit-load-child.ts) in a child process against one submission
 * endpoint of the server in this process, and measures this process alone meanwhile: its CPU time
 * per request and its peak resident memory.
 */
export async function loadSubmissions(opts: LoadOptions): Promise<LoadRun> {
  const cpu = process.cpuUsage();
  const rssStart = process.memoryUsage.rss();
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 200);
  try {
    const proc = fork(child, { execArgv: ['--import', 'tsx'] });
    const result = await new Promise<LoadResult>((resolve, reject) => {
      proc.once('message', (m) => resolve(m as LoadResult));
      proc.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)));
      proc.send(opts);
    });
    const used = process.cpuUsage(cpu);
    return {
      ...result,
      failures: new Map(result.failures),
      cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, result.requests),
      rssStartMb: rssStart / 1024 / 1024,
      rssPeakMb: rssPeak / 1024 / 1024,
    };
  } finally {
    clearInterval(sampler);
  }
}
