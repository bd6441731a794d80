import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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

/**
 * Abuse-limit counters shared by every app instance (rate-limiter-flexible's Drizzle store). Keys are
 * keyed hashes of a limit name and the client's address, never the address itself.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true }),
});
