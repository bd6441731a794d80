/** One documented operation; `path` is the Express path under the app root (e.g. /api/v1/rankings/:family/:year). */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  tag: string;
  summary: string;
  description: string;
  /** Schema name in api/schemas/releases/payloads.schema.json of the JSON response (200). */
  response?: string;
  /** Other content types the 200 response comes in (text/csv, application/octet-stream, …). */
  alsoAs?: string[];
  /** A request-body schema under api/schemas (e.g. "collection/submit-response"). */
  body?: string;
  /** Query parameters by name, with a description. */
  query?: Record<string, string>;
  /** Who may call it (workspace routes): shown in the description. */
  auth?: string;
}
