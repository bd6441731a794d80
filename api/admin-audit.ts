/** One changed field of an audited record. */
export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** An audit-log entry as the workspace shows it (GET /api/v1/admin/audit). */
export interface AuditEntry {
  id: number;
  /** ISO 8601 instant. */
  at: string;
  actor: string;
  /** Dotted verb, e.g. user.create, unit.update, edition.open. */
  action: string;
  entityType: string;
  entityId: string | null;
  family: string | null;
  changes: AuditChange[];
}

export interface AuditPage {
  entries: AuditEntry[];
  /** More, older entries exist: ask again with `before` = the last id. */
  more: boolean;
}

/** Filters of GET /api/v1/admin/audit (all optional; dates are YYYY-MM-DD in Vietnam time). */
export interface AuditQuery {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  family?: string;
  from?: string;
  to?: string;
  before?: number;
}
