// Service-delivery figures of service centres (issue #15 item 5; server/delivery/README.md).

/** 201 answer to POST /admin/families/:family/delivery: rows stored (new or replaced), and the months. */
export interface DeliveryImportResult {
  imported: number;
  /** Months covered by the file, as YYYY-MM, ascending. */
  months: string[];
}

/** One centre's figures for one month. Shares are 0–1; null = not reported. */
export interface DeliveryRow {
  block: string;
  centre: string;
  month: string;
  received: number | null;
  onTime: number | null;
  online: number | null;
  eResult: number | null;
}

/** GET /admin/families/:family/delivery[?month=YYYY-MM] */
export interface DeliveryList {
  family: string;
  rows: DeliveryRow[];
}
