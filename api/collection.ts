// Request bodies and payloads of the survey collection API (/api/v1/surveys/…, respondent side, and
// /api/v1/admin/survey-editions/…, analyst side). Request body types mirror the JSON Schemas in
// api/schemas/collection/, which are the source of truth (test/api/schemas.test.ts checks both).
import type { Localized } from './text.js';

/** POST /admin/survey-editions: publish a survey edition. */
export interface CreateEditionBody {
  family: string;
  year: number;
  slug?: string;
  /** A survey definition (surveys/schema/definition.schema.json); checked by checkDefinition. */
  definition: unknown;
  opensOn: string;
  closesOn: string;
  openMode?: boolean;
  /** Create as a draft, editable in the workspace until opened (default: open at once). */
  draft?: boolean;
  /** Unit codes per definition block key; the family must have a block with that code. */
  units: Record<string, string[]>;
  /** Publish although the definition breaks compatibility with the family's previous edition. */
  acceptBreakingChanges?: boolean;
}

/** A firm a code is issued for; kept apart from the answers (see server/collection/README.md). */
export interface FirmReference {
  firmRef?: string;
  size?: string;
  sector?: string;
  ownership?: string;
}

/** POST /admin/survey-editions/:slug/codes: either a count of anonymous codes or a firm list. */
export type IssueCodesBody = { count: number; firms?: never } | { firms: FirmReference[]; count?: never };

/** POST /surveys/:slug/codes/check */
export interface CodeCheckBody {
  code: string;
}

/** PUT /surveys/:slug/draft */
export interface SaveDraftBody {
  code: string;
  draft: Record<string, unknown>;
}

/** POST /surveys/:slug/responses */
export interface SubmitResponseBody {
  submissionId: string;
  durationSeconds?: number;
  code?: string | null;
  response: Record<string, unknown>;
}

export type ImportChannel = 'paper' | 'phone';
export type WindowState = 'not_yet_open' | 'open' | 'closed';
export type CodeStatus = 'unused' | 'draft' | 'used';

/** 201 answer to POST /admin/survey-editions. */
export interface SurveyEditionCreated {
  slug: string;
  family: string;
  year: number;
  contentHash: string;
  opensOn: string;
  closesOn: string;
  openMode: boolean;
  /** Breaking changes against the previous edition that the request accepted (empty if none). */
  acceptedBreakingChanges?: CompatibilityProblem[];
}

/** A breaking change between two editions of a family's survey under the same item code. */
export interface CompatibilityProblem {
  path: string;
  code: string;
  message: Localized;
}

/** The id of the element that carries a SurveyEditionPayload inlined into the answering page's HTML. */
export const SURVEY_PAYLOAD_ELEMENT = 'survey-edition';

/** GET /surveys/:slug: what the answering page needs. */
export interface SurveyEditionPayload {
  edition: {
    slug: string;
    family: string;
    year: number;
    opensOn: string;
    closesOn: string;
    openMode: boolean;
    window: WindowState;
    contentHash: string;
  };
  /** The survey definition (type in surveys/types.ts). */
  definition: unknown;
  /** Rated units per block key, in questionnaire order. */
  units: Record<string, Array<{ code: string; name: Localized }>>;
}

/** POST /surveys/:slug/codes/check */
export interface CodeCheckPayload {
  status: CodeStatus;
}

/** 201 answer to POST /admin/survey-editions/:slug/codes (JSON form). */
export interface IssuedCodesPayload {
  edition: string;
  codes: Array<FirmReference & { code: string }>;
}
