// Many respondents at once, each submitting with a code of its own and retrying as a browser would
// (same submissionId) through connection errors, 503 and 429, until acknowledged. The ledger keeps
// every acknowledged token, so the suites can compare it with what the database stored.
import type { LoadFixture } from './setup.js';

export interface Ledger {
  acknowledged: Set<string>;
  sent: Set<string>;
  byStatus: Map<string, number>;
  firstFailure: Map<string, string>;
  latencies: number[];
  seconds: number;
  exhausted: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function drive(opts: {
  base: () => string;
  fixture: LoadFixture;
  clients: number;
  seconds: number;
  /** After time is up, how long in-flight submissions may keep retrying. */
  graceSeconds?: number;
}): Promise<Ledger> {
  const ledger: Ledger = {
    acknowledged: new Set(),
    sent: new Set(),
    byStatus: new Map(),
    firstFailure: new Map(),
    latencies: [],
    seconds: 0,
    exhausted: false,
  };
  const count = (k: string) => ledger.byStatus.set(k, (ledger.byStatus.get(k) ?? 0) + 1);
  const start = Date.now();
  const end = start + opts.seconds * 1000;
  const hardEnd = end + (opts.graceSeconds ?? 180) * 1000;
  let next = 0;
  const submitOne = async (i: number): Promise<void> => {
    const token = `ledger-${i}`;
    const body = JSON.stringify({
      code: opts.fixture.codes[i],
      submissionId: `load-submission-${i}-${token}`,
      response: opts.fixture.body(i, token),
      durationSeconds: 600,
    });
    ledger.sent.add(token);
    while (Date.now() < hardEnd) {
      const t0 = performance.now();
      try {
        const r = await fetch(`${opts.base()}/api/v1/surveys/${opts.fixture.slug}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(120_000),
        });
        const text = await r.text();
        // A 503 is told by its code: database_busy (overload) or database_unavailable (outage).
        const code = r.status === 503 ? /"code":"([a-z_]+)"/.exec(text)?.[1] : undefined;
        count(code ? `${r.status} ${code}` : String(r.status));
        if (r.status === 200) {
          ledger.latencies.push(performance.now() - t0);
          ledger.acknowledged.add(token);
          return;
        }
        if (!ledger.firstFailure.has(String(r.status)))
          ledger.firstFailure.set(String(r.status), text.slice(0, 300));
        if (r.status !== 503 && r.status !== 429) return;
        await sleep(Math.min(1000, Number(r.headers.get('retry-after') ?? 1) * 1000));
      } catch (e) {
        count(`network error`);
        if (!ledger.firstFailure.has('network error')) ledger.firstFailure.set('network error', String(e));
        await sleep(200);
      }
    }
  };
  const client = async (): Promise<void> => {
    while (Date.now() < end) {
      const i = next++;
      if (i >= opts.fixture.codes.length) {
        ledger.exhausted = true;
        return;
      }
      await submitOne(i);
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  ledger.seconds = (Date.now() - start) / 1000;
  return ledger;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
