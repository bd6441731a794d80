import { expect } from 'chai';

/** Relative tolerance with an absolute floor; null only matches null. */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null,
  label: string,
  rel = 1e-9,
  abs = 1e-12,
): void {
  if (expected === null) {
    expect(actual ?? null, `${label}: expected missing`).to.equal(null);
    return;
  }
  expect(actual, `${label}: expected ${expected}`).to.be.a('number');
  const tolerance = Math.max(abs, rel * Math.abs(expected));
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).to.be.at.most(
    tolerance,
  );
}
