import autocannon from 'autocannon';

export interface LoadRun {
  requests: number;
  ok: number;
  other: number;
  errors: number;
  timeouts: number;
  /** Requests cut off when time was up, retried with the same submissionId. */
  retried: number;
  acknowledged: number;
  reqPerSec: number;
  /** CPU time of this process (server, embedded database, load generator) per completed request. */
  cpuMsPerRequest: number;
  seconds: number;
  /** Highest resident memory of this process (server and embedded database) while the load ran, MB. */
  rssPeakMb: number;
  p50: number;
  p99: number;
  max: number;
  exhausted: boolean;
  failures: Map<number, string>;
}

/**
 * autocannon against one submission endpoint, each request with a different pre-issued code and a
 * synthetic response; then the cut-off requests are retried as a client would (same submissionId),
 * so `acknowledged` is what must end up stored.
 */
export async function loadSubmissions(opts: {
  base: string;
  path: string;
  codes: string[];
  bodies: unknown[];
  tag: string;
  duration: number;
  connections: number;
}): Promise<LoadRun> {
  let next = 0;
  let exhausted = false;
  // Per connection (context), the body in flight; a 200 marks it acknowledged.
  const sent: string[] = [];
  const acked = new Set<number>();
  const failures = new Map<number, string>();
  const cpu = process.cpuUsage();
  let rssPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 200);
  const result = await autocannon({
    url: opts.base,
    connections: opts.connections,
    duration: opts.duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: opts.path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req, context) => {
          const i = next++;
          if (i >= opts.codes.length) exhausted = true;
          sent[i] = JSON.stringify({
            code: opts.codes[i % opts.codes.length],
            submissionId: `bench-${opts.tag}-${i}`,
            response: opts.bodies[i % opts.bodies.length],
            durationSeconds: 900,
          });
          (context as { i: number }).i = i;
          return { ...req, body: sent[i] };
        },
        onResponse: (status, body, context) => {
          if (status === 200) acked.add((context as { i: number }).i);
          else if (failures.size < 5) failures.set(status, body.slice(0, 300));
        },
      },
    ],
  });
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  let retried = 0;
  for (let i = 0; i < sent.length; i++) {
    if (acked.has(i) || sent[i] === undefined) continue;
    retried++;
    const res = await fetch(`${opts.base}${opts.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: sent[i],
    });
    if (res.status === 200) acked.add(i);
  }
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    other: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    retried,
    acknowledged: acked.size,
    reqPerSec: result.requests.average,
    cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, result.requests.total),
    seconds: result.duration,
    rssPeakMb: rssPeak / 1024 / 1024,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    exhausted,
    failures,
  };
}
