/**
 * Unit screening by data availability (COINr Screen, dat_thresh): availability of unit i = non-missing entries /
 * number of columns; a unit is kept when availability ≥ minAvailability. Returns the kept flag per unit.
 */
export function screen(columns: ArrayLike<number>[], minAvailability: number): boolean[] {
  if (!(minAvailability >= 0 && minAvailability <= 1))
    throw new RangeError('minAvailability must be in [0, 1]');
  const n = columns.length === 0 ? 0 : columns[0]!.length;
  const keep = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    let present = 0;
    for (const c of columns) if (c[i] === c[i]) present++;
    keep[i] = columns.length === 0 || present / columns.length >= minAvailability;
  }
  return keep;
}
