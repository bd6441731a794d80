import type { ReleaseBlock, ReleaseDocument } from '#api/releases.js';
import type { Localized } from '#api/text.js';

export interface UnitResponses {
  code: string;
  name: Localized;
  n: number | null;
  /** Share of the edition's responding firms that rated this unit (n / responses). */
  share: number | null;
  /** False when the unit has too few raters for a published score. */
  published: boolean;
}

export interface BlockResponses {
  code: string;
  name: Localized;
  units: UnitResponses[];
  /** Ratings given in the block (the sum of n; one firm may rate several units). */
  ratings: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Units below the methodology's minimum number of respondents. */
  belowMinimum: number;
}

export interface ResponseRates {
  /** Responses used and left out, and the response rate where the release gives the firms invited. */
  responses: number | null;
  excluded: number | null;
  invited: number | null;
  rate: number | null;
  minRespondents: number | null;
  blocks: BlockResponses[];
}

function median(sorted: readonly number[]): number | null {
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function blockResponses(b: ReleaseBlock, responses: number | null, min: number | null): BlockResponses {
  const units = b.units.map((u): UnitResponses => ({
    code: u.code,
    name: u.name,
    n: u.n,
    share: u.n === null || !responses ? null : u.n / responses,
    published: u.composite.value !== null || u.composite.reason !== 'unit-suppressed',
  }));
  const ns = units.flatMap((u) => (u.n === null ? [] : [u.n])).sort((x, y) => x - y);
  return {
    code: b.code,
    name: b.name,
    units,
    ratings: ns.length ? ns.reduce((s, n) => s + n, 0) : null,
    median: median(ns),
    min: ns[0] ?? null,
    max: ns.at(-1) ?? null,
    belowMinimum: min === null ? 0 : ns.filter((n) => n < min).length,
  };
}

/**
 * Sample sizes and response rates of a release, from what it carries: the survey's response
 * counts and each unit's n. The overall rate needs the firms invited, which only some releases give.
 */
export function responseRates(d: ReleaseDocument, minRespondents: number | null): ResponseRates {
  const s = d.survey as (ReleaseDocument['survey'] & { invited?: number | null }) | null;
  const responses = s?.responses ?? null;
  const invited = s?.invited ?? null;
  return {
    responses,
    excluded: s?.excluded ?? null,
    invited,
    rate: responses !== null && invited ? responses / invited : null,
    minRespondents,
    blocks: d.blocks.map((b) => blockResponses(b, responses, minRespondents)),
  };
}
