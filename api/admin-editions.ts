export type EditionState = 'draft' | 'open' | 'closed' | 'archived';
export type EditionAction = 'open' | 'close' | 'reopen' | 'archive';

/** GET /api/v1/admin/survey-editions: one row per survey edition. */
export interface EditionSummary {
  slug: string;
  family: string;
  year: number;
  state: EditionState;
  /** Answers are taken only while open and inside the window. */
  window: 'not_yet_open' | 'open' | 'closed';
  opensOn: string;
  closesOn: string;
  openMode: boolean;
  includeFlagged: boolean;
  definitionId: string;
  contentHash: string;
  codes: { issued: number; used: number };
  responses: number;
}

/** PATCH /api/v1/admin/survey-editions/:slug — only while the edition is a draft. */
export interface UpdateEditionBody {
  opensOn?: string;
  closesOn?: string;
  openMode?: boolean;
  definition?: unknown;
  units?: Record<string, string[]>;
  acceptBreakingChanges?: boolean;
}

export interface CodeBatchSummary {
  id: number;
  label: string;
  issued: number;
  /** Codes of the batch used so far. */
  used: number;
  revoked: number;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
}

export interface CreateBatchBody {
  label: string;
  count?: number;
  firms?: Array<{ firmRef?: string; size?: string; sector?: string; ownership?: string }>;
}
