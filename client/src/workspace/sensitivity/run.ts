import type { MonteCarloMessage, MonteCarloRequest, MonteCarloResult } from './monte-carlo.js';

export interface MonteCarloRun {
  result: Promise<MonteCarloResult>;
  /** Stops the run at once; `result` then rejects with a CancelledRun. */
  cancel(): void;
}

export class CancelledRun extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Starts the Monte Carlo in a module worker (Vite bundles worker.ts with scoring/). */
export function startMonteCarlo(
  request: MonteCarloRequest,
  onProgress: (done: number, total: number) => void,
): MonteCarloRun {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(e: unknown): void } | undefined;
  const result = new Promise<MonteCarloResult>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (e: MessageEvent<MonteCarloMessage>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.done, m.total);
      worker.terminate();
      if (m.type === 'done') resolve(m.result);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'worker failed'));
    };
  });
  worker.postMessage(request);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle?.reject(new CancelledRun());
    },
  };
}
