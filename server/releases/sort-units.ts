import type { ReleaseUnit } from '#api/releases.js';

/** Rank order; unranked units last; ties and unranked by Vietnamese name. */
export const sortUnits = (units: ReleaseUnit[]): ReleaseUnit[] =>
  [...units].sort(
    (a, b) =>
      (a.composite.rank ?? Infinity) - (b.composite.rank ?? Infinity) ||
      a.name.vi.localeCompare(b.name.vi, 'vi'),
  );
