import type { RouteDoc } from './types.js';

// A compact way to document a workspace or survey route (under /api/v1).

export type Method = RouteDoc['method'];
export const op = (
  method: Method,
  path: string,
  tag: string,
  summary: string,
  description: string,
  body?: string,
): RouteDoc => ({
  method,
  path: `/api/v1${path}`,
  tag,
  summary,
  description,
  ...(body ? { body } : {}),
});
/** What every workspace route needs. */
export const ws =
  'Workspace: needs a signed-in session or API token with the role the route names; writes need the CSRF token.';
