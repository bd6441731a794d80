// Runs of a loop queued by kernel and aggregated four at a time (kernel-batch.ts) where the kernel has a batch form,
// one at a time where it has not. Each run is computed exactly as runWeights would (bit-identical lanes); only the
// order in which runs complete changes, so callers record every run by its index.

import type { BatchKernel } from './kernel-batch.js';
import { LANES } from './kernel-batch.js';
import type { Kernel } from './kernel.js';

/** A finished run's root values: block b's at rows[b][from[b] … from[b] + units) (valid only during the call). */
export type RunRecorder = (j: number, rows: Float64Array[], from: number[]) => void;

export interface LaneQueue {
  /** Run `j` on kernel k with weights w (copied; w may be reused at once). */
  push(k: Kernel, w: Float64Array, j: number): void;
  /** Finishes the queued runs (a partial batch fills its idle lanes with a copy of its first run). */
  flush(): void;
}

/** laneQueue(codes, record) — codes: the weight vector length; record(j, roots) once per run, when it is done. */
export function laneQueue(codes: number, record: RunRecorder): LaneQueue {
  interface Pending {
    batch: BatchKernel;
    w: Float64Array;
    js: number[];
    rows: Float64Array[];
    from: number[][];
  }
  const pending = new Map<Kernel, Pending>();
  const single = new Map<Kernel, { rows: Float64Array[]; from: number[] }>();
  const run = (p: Pending): void => {
    p.batch.runLanes(p.w);
    for (let d = 0; d < p.js.length; d++) record(p.js[d]!, p.rows, p.from[d]!);
    p.js.length = 0;
  };
  const open = (k: Kernel, batch: BatchKernel): Pending => ({
    batch,
    w: new Float64Array(codes * LANES),
    js: [],
    rows: k.blocks.map((_, b) => batch.roots(b)),
    from: Array.from({ length: LANES }, (_, d) => k.blocks.map((b) => d * b.units.length)),
  });
  return {
    push(k, w, j) {
      const batch = k.batch();
      if (!batch) {
        k.runWeights(w);
        let s = single.get(k);
        if (!s) {
          const from = k.blocks.map((b) => b.tree.root * b.units.length);
          single.set(k, (s = { rows: k.blocks.map((b) => b.values), from }));
        }
        record(j, s.rows, s.from);
        return;
      }
      let p = pending.get(k);
      if (!p) pending.set(k, (p = open(k, batch)));
      p.w.set(w, p.js.length * codes);
      p.js.push(j);
      if (p.js.length === LANES) run(p);
    },
    flush() {
      for (const p of pending.values()) {
        if (p.js.length === 0) continue;
        for (let d = p.js.length; d < LANES; d++) p.w.copyWithin(d * codes, 0, codes);
        run(p);
      }
    },
  };
}
