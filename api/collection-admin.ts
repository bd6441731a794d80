// Payloads of the analyst side of the collection API (/api/v1/admin/survey-editions/:slug/…).
// Request bodies and the respondent side are in collection.ts.
import type { FieldError } from './errors.js';
import type { FileProblem } from './file-problem.js';
import type { Localized } from './text.js';

export type Channel = 'online' | 'paper' | 'phone';

/** One cell of a response-rate breakdown; small cells are suppressed (value hidden, counts null). */
export interface RateCell {
  value: string | null;
  issued: number | null;
  submitted: number | null;
  rate: number | null;
  suppressed: boolean;
}

/** GET …/monitoring */
export interface MonitoringPayload {
  edition: string;
  codes: {
    issued: number;
    draftsStarted: number;
    draftsInProgress: number;
    submitted: number;
    /** Accepted, waiting for the mixer to store a batch. */
    awaitingMix: number;
  };
  responses: {
    total: number;
    openMode: number;
    flagged: number;
    byChannel: Record<string, number>;
  };
  blocks: Array<{
    block: string;
    responses: number;
    units: Array<{ code: string; name: Localized; respondents: number }>;
  }>;
  responseRate: { minCell: number; bySize: RateCell[]; bySector: RateCell[] };
}

/** POST …/quality: counts after recomputing the quality flags. */
export interface QualitySummary {
  responses: number;
  medianMinutes: number | null;
  speeder: number;
  straight_lining: number;
  near_duplicate: number;
  /** Visits: more from one address to one centre within an hour than a visitor makes (server/visit/flags.ts). */
  burst: number;
  flagged: number;
}

export interface QualityFlag {
  code: 'speeder' | 'straight_lining' | 'near_duplicate' | 'burst';
  reason: Localized;
}

/** GET …/quality: flagged responses with their reasons (nothing is removed). */
export interface FlaggedPayload {
  edition: string;
  flagged: Array<{ id: string; channel: string; openMode: boolean; flags: QualityFlag[] }>;
}

/** Respondent counts and mean per unit and item. */
export interface UnitItemAggregate {
  block: string;
  unit: string;
  item: string;
  /** Respondents who answered the item for the unit (don't-know included). */
  respondents: number;
  /** Respondents with a numeric answer, and its mean. */
  n: number;
  mean: number | null;
  dontKnow: number;
}

/** GET …/aggregates */
export interface AggregatesPayload {
  edition: string;
  includeFlagged: boolean;
  rows: UnitItemAggregate[];
}

/**
 * A problem in one cell (or row) of a paper/phone intake file: the file problem every importer
 * reports (`column` is the item code or column header), with a bilingual message, sent as a field
 * error of the 422 answer (`path` is `/rows/<line>/<column>`).
 */
export interface RowError extends FieldError, FileProblem<Localized> {
  column: string;
}

/** 201 answer to POST …/imports */
export interface ImportResult {
  imported: number;
  byChannel: Partial<Record<Channel, number>>;
}
