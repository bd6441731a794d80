// The load generator of bench:submit, in a process of its own (forked by submit-load.ts), so the
// server's resident memory and CPU time are measured without it. Receives one LoadOptions message,
// answers with one LoadResult and exits.
import autocannon from 'autocannon';

export interface LoadOptions {
  base: string;
  path: string;
  codes: string[];
  bodies: unknown[];
  tag: string;
  duration: number;
  connections: number;
}

export interface LoadResult {
  requests: number;
  ok: number;
  other: number;
  errors: number;
  timeouts: number;
  retried: number;
  acknowledged: number;
  reqPerSec: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  exhausted: boolean;
  failures: Array<[number, string]>;
}

/**
 * autocannon against one submission endpoint, each request with a different pre-issued code and a
 * synthetic response; then the cut-off requests are retried as a client would (same submissionId),
 * so `acknowledged` is what must end up stored.
 */
async function run(opts: LoadOptions): Promise<LoadResult> {
  let next = 0;
  let exhausted = false;
  // Per request, the body sent; a 200 marks it acknowledged.
  const sent: string[] = [];
  const acked = new Set<number>();
  const failures = new Map<number, string>();
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
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    exhausted,
    failures: [...failures],
  };
}

process.once('message', (opts: LoadOptions) => {
  run(opts).then(
    (result) => process.send!(result, () => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
