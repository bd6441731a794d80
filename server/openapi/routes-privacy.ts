import { op, ws } from './op.js';
import type { RouteDoc } from './types.js';

// A firm's data requests (server/routes/privacy.ts).

export const privacyRouteDocs: RouteDoc[] = [
  {
    ...op(
      'get',
      '/admin/firm-data',
      'privacy',
      "Export a firm's data",
      `What is held about a firm reference (the firm data used to send codes; never its answers, which are not linked). Admin role. ${ws}`,
    ),
    query: { firmRef: 'The firm reference given when its code was issued' },
  },
  {
    ...op(
      'delete',
      '/admin/firm-data',
      'privacy',
      "Delete a firm's data",
      `Deletes the firm data held about a firm reference; aggregate response-rate counts stay. Admin role. ${ws}`,
    ),
    query: { firmRef: 'The firm reference given when its code was issued' },
  },
];
