// The Monte Carlo runs off the page's thread, so the editor stays responsive; cancelling terminates
// the worker (sensitivity() is synchronous, so there is nothing to interrupt gracefully).
import { monteCarlo, type MonteCarloMessage, type MonteCarloRequest } from './monte-carlo.js';

const scope = self as unknown as {
  postMessage(m: MonteCarloMessage): void;
  onmessage: ((e: MessageEvent<MonteCarloRequest>) => void) | null;
};

scope.onmessage = (e) => {
  try {
    const result = monteCarlo(e.data, (done, total) => scope.postMessage({ type: 'progress', done, total }));
    scope.postMessage({ type: 'done', result });
  } catch (err) {
    scope.postMessage({ type: 'error', message: (err as Error).message });
  }
};
