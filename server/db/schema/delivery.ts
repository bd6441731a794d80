import { sql } from 'drizzle-orm';
import { check, doublePrecision, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { units } from './core.js';

// A service centre's own figures per month (issue #15 item 5; server/delivery/README.md): imported
// from the centres' reports, used as hard indicators beside the visit survey in a methodology.

/** Service-delivery figures of one centre (unit) for one month (`period` = YYYYMM). */
export const serviceDelivery = pgTable(
  'service_delivery',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    period: integer('period').notNull(),
    /** Administrative procedures (dossiers) received in the month. */
    received: integer('received'),
    /** Shares 0–1 of the procedures: resolved on time, filed online, results returned as signed e-documents. */
    onTime: doublePrecision('on_time'),
    online: doublePrecision('online'),
    eResult: doublePrecision('e_result'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.period] }),
    check(
      'service_delivery_period',
      sql`${t.period} % 100 between 1 and 12 and ${t.period} between 200001 and 210012`,
    ),
    check('service_delivery_received', sql`${t.received} is null or ${t.received} >= 0`),
    check(
      'service_delivery_shares',
      sql`(${t.onTime} is null or ${t.onTime} between 0 and 1) and (${t.online} is null or ${t.online} between 0 and 1) and (${t.eResult} is null or ${t.eResult} between 0 and 1)`,
    ),
  ],
);
