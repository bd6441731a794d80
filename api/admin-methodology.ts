/** A saved methodology of a family edition (GET …/methodologies). */
export interface MethodologyVersion {
  id: number;
  /** SHA-256 of the canonical JSON (RFC 8785). */
  hash: string;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  /** The methodology's own id and version fields. */
  methodologyId: string;
  methodologyVersion: string;
}

export interface MethodologyList {
  versions: MethodologyVersion[];
  /** The shipped methodology a family without versions starts from. */
  template: unknown;
}

/** One changed value between two methodology versions, by JSON pointer. */
export interface JsonChange {
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * POST …/preview-data: the edition's indicator table, for scoring in the browser. `Table` is scoring's
 * `IndicatorTable` (#scoring/indicators/types.js); api/ imports nothing outside itself, so the
 * client and server name it: `PreviewData<IndicatorTable>`.
 */
export interface PreviewData<Table = unknown> {
  table: Table;
  history: Table[];
  excludeFlagged: boolean;
  /** The current release's composite ranks per block and unit, to show rank changes. */
  released: Record<string, Record<string, number | null>> | null;
}

export type PublicationState = 'draft' | 'review' | 'published' | 'superseded' | 'withdrawn';

export interface PublicationSummary {
  id: number;
  state: PublicationState;
  versionId: number;
  versionHash: string;
  createdBy: string | null;
  submittedBy: string | null;
  publishedBy: string | null;
  releaseId: string | null;
  updatedAt: string;
}
