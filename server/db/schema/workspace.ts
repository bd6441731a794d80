import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { blocks, editions, families } from './core.js';
import { surveyCodes, surveyEditions } from './surveys.js';

// The analyst workspace's own records: boundaries, methodology versions, the publish workflow.

/** Workspace settings of a family (a province's DDCI). */
export const familySettings = pgTable('family_settings', {
  familyId: integer('family_id')
    .primaryKey()
    .references(() => families.id, { onDelete: 'cascade' }),
  /** Four eyes: the publisher must differ from the last editor of the methodology. */
  requireFourEyes: boolean('require_four_eyes').notNull().default(false),
  /** How often a service family publishes: one edition per month or per quarter (api/periods.ts). */
  editionPeriod: text('edition_period', { enum: ['month', 'quarter'] }),
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

/** A batch of survey codes issued together (one mail merge or SMS run), revocable while unused. */
export const codeBatches = pgTable('code_batches', {
  id: serial('id').primaryKey(),
  surveyEditionId: integer('survey_edition_id')
    .notNull()
    .references(() => surveyEditions.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  issued: integer('issued').notNull(),
  revoked: integer('revoked').notNull().default(0),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/**
 * Which batch a code belongs to. Identity side only (server/collection/README.md): it names code
 * hashes and batches, never a response; deleting a revoked code removes its row.
 */
export const codeBatchCodes = pgTable(
  'code_batch_codes',
  {
    codeHash: text('code_hash')
      .primaryKey()
      .references(() => surveyCodes.codeHash, { onDelete: 'cascade' }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => codeBatches.id, { onDelete: 'cascade' }),
  },
  (t) => [index('code_batch_codes_batch').on(t.batchId)],
);
