import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { editions, families } from './core.js';

// Releases (server/releases/README.md): immutable rows. Migration 0004 adds the trigger that refuses
// UPDATE, DELETE and TRUNCATE on both tables; a correction is a new row whose `supersedes` names the old one.

/** One signed release of an edition: the canonical document (RFC 8785) exactly as signed. */
export const releases = pgTable(
  'releases',
  {
    id: text('id').primaryKey(),
    familyId: integer('family_id')
      .notNull()
      .references(() => families.id),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    /** A release is superseded by at most one correction. */
    supersedes: text('supersedes').unique(),
    origin: text('origin', { enum: ['computed', 'imported'] }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** The canonical JSON text; its UTF-8 bytes are what the signature covers. */
    document: text('document').notNull(),
    sha256: text('sha256').notNull(),
    /** Base64 Ed25519 signature over the document bytes, and the signing key's fingerprint. */
    signature: text('signature').notNull(),
    keyFingerprint: text('key_fingerprint').notNull(),
    methodologyHash: text('methodology_hash').notNull(),
  },
  (t) => [
    unique('releases_edition_sequence').on(t.editionId, t.sequence),
    check('releases_sequence_positive', sql`${t.sequence} >= 1`),
  ],
);

/** Query rows of a release: one per unit and component (the composite included), copied from the document. */
export const releaseScores = pgTable(
  'release_scores',
  {
    releaseId: text('release_id')
      .notNull()
      .references(() => releases.id),
    block: text('block').notNull(),
    unit: text('unit').notNull(),
    component: text('component').notNull(),
    value: doublePrecision('value'),
    rank: integer('rank'),
    reason: text('reason'),
    tier: text('tier'),
    lower: doublePrecision('lower'),
    upper: doublePrecision('upper'),
    rankBest: doublePrecision('rank_best'),
    rankWorst: doublePrecision('rank_worst'),
    n: integer('n'),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.block, t.unit, t.component] }),
    index('release_scores_unit_idx').on(t.unit),
  ],
);
