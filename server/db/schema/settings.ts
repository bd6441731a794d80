import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Facts the server checks at every start against its configuration, such as the fingerprint of the
 * code secret (never the secret): a start with another secret is refused instead of silently voiding
 * every issued code.
 */
export const serverSettings = pgTable('server_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});
