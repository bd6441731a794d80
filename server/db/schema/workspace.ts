import { boolean, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { blocks, editions, families } from './core.js';

// The analyst workspace's own records: boundaries, methodology versions, the publish workflow.

/** Workspace settings of a family (a province's DDCI). */
export const familySettings = pgTable('family_settings', {
  familyId: integer('family_id')
    .primaryKey()
    .references(() => families.id, { onDelete: 'cascade' }),
  /** Four eyes: the publisher must differ from the last editor of the methodology. */
  requireFourEyes: boolean('require_four_eyes').notNull().default(false),
});

/** A block's boundaries for the public map: a GeoJSON FeatureCollection whose features carry unit codes. */
export const blockBoundaries = pgTable('block_boundaries', {
  blockId: integer('block_id')
    .primaryKey()
    .references(() => blocks.id, { onDelete: 'cascade' }),
  geojson: jsonb('geojson').notNull(),
  /** The GeoJSON property that holds the unit code. */
  codeProperty: text('code_property').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Saved methodologies of a family edition, each with the SHA-256 of its canonical JSON. */
export const methodologyVersions = pgTable(
  'methodology_versions',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull(),
    body: jsonb('body').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('methodology_versions_hash').on(t.editionId, t.hash)],
);

/** The publish workflow of an edition: draft → review → published (a correction supersedes). */
export const publications = pgTable('publications', {
  id: serial('id').primaryKey(),
  editionId: integer('edition_id')
    .notNull()
    .references(() => editions.id, { onDelete: 'cascade' }),
  methodologyVersionId: integer('methodology_version_id')
    .notNull()
    .references(() => methodologyVersions.id),
  state: text('state', { enum: ['draft', 'review', 'published', 'superseded', 'withdrawn'] })
    .notNull()
    .default('draft'),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  submittedBy: integer('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
  /** The release created on publishing (server/releases). */
  releaseId: text('release_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
