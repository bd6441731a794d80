import { op, ws } from './op.js';
import type { RouteDoc } from './types.js';

// Service families (issue #15): the centres' delivery figures (server/routes/admin/delivery.ts).

export const serviceRouteDocs: RouteDoc[] = [
  op(
    'post',
    '/admin/families/:family/delivery',
    'service centres',
    'Import delivery figures',
    `A CSV or XLSX with one row per centre and month (centre, month, received, on_time, online, e_result); every row is checked first and a bad file changes nothing; a centre and month already stored is replaced. Analyst role. ${ws}`,
  ),
  {
    ...op(
      'get',
      '/admin/families/:family/delivery',
      'service centres',
      'Delivery figures',
      `The stored delivery figures of the family's centres, by block, centre and month. ${ws}`,
    ),
    query: { month: 'Only this month (YYYY-MM)' },
  },
];
