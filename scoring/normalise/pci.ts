import type { Direction } from '#scoring/methodology/types.js';

/**
 * The PCI/DDCI house rule: 1 + 9·(x − min)/(max − min), or 1 + 9·(max − x)/(max − min) for a negative indicator,
 * against benchmarks (usually pooled over editions). Not clipped: VCCI's published scores need none. max = min
 * gives 5.5.
 */
export function pci(
  x: Float64Array,
  direction: Direction,
  benchmark: { min: number; max: number },
): Float64Array {
  const { min, max } = benchmark;
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError('min and max must be finite');
  if (max < min) throw new RangeError('max must be ≥ min');
  const out = new Float64Array(x.length);
  const range = max - min;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) out[i] = NaN;
    else if (range === 0) out[i] = 5.5;
    else out[i] = 1 + (9 * (direction === 1 ? v - min : max - v)) / range;
  }
  return out;
}
