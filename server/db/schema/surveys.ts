import type { QualityFlag } from '#api/collection-admin.js';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { editions, units } from './core.js';

// Survey collection. Anonymity is structural (server/collection/README.md): identity lives in
// survey_codes/code_firms/drafts, answers in responses/response_ratings, and no column, key,
// timestamp or transaction joins the two sides: a submission waits, sealed, in
// pending_submissions until the mixer stores a batch of at least k of them in one transaction.

/** Sealed (AES-256-GCM) payloads: see server/collection/seal.ts. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** The published survey of one family edition: the definition, its window and optional open mode. */
export const surveyEditions = pgTable(
  'survey_editions',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id)
      .unique(),
    /** Public name in URLs, e.g. ddci-demo-2025. */
    slug: text('slug').notNull().unique(),
    definition: jsonb('definition').notNull(),
    /** The definition's own id (e.g. ddci-demo-2025) and schema version, as published. */
    definitionId: text('definition_id').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    /** SHA-256 of the canonical definition JSON: the version a response was validated against. */
    contentHash: text('content_hash').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** Inclusive, in the province's calendar (Asia/Ho_Chi_Minh). */
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** Accept submissions without a code (public feedback); such responses are flagged open_mode. */
    openMode: boolean('open_mode').notNull().default(false),
    /** Lifecycle set in the workspace: a draft may be edited; only an open edition takes answers. */
    state: text('state', { enum: ['draft', 'open', 'closed', 'archived'] })
      .notNull()
      .default('open'),
    /** Whether scoring and publication count quality-flagged responses (an audited setting). */
    includeFlagged: boolean('include_flagged').notNull().default(false),
  },
  (t) => [check('survey_editions_window', sql`${t.opensOn} <= ${t.closesOn}`)],
);

/** The units of each block that firms may rate in a survey edition. */
export const surveyEditionUnits = pgTable(
  'survey_edition_units',
  {
    surveyEditionId: integer('survey_edition_id')
      .notNull()
      .references(() => surveyEditions.id, { onDelete: 'cascade' }),
    /** Block key of the definition (e.g. departments). */
    blockKey: text('block_key').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.surveyEditionId, t.unitId] }),
    index('survey_edition_units_block').on(t.surveyEditionId, t.blockKey),
  ],
);

/**
 * Single-use codes, stored only as HMAC-SHA-256(secret, code). `used` is set when a submission is
 * accepted (pending), `stored` when the mixer has stored its batch; neither carries a time or a
 * response id. `submission_hash` is keyed by the code, a client nonce and the payload, so a retry
 * can be recognised without anything that a response row could be matched to.
 */
export const surveyCodes = pgTable(
  'survey_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    surveyEditionId: integer('survey_edition_id')
      .notNull()
      .references(() => surveyEditions.id, { onDelete: 'cascade' }),
    used: boolean('used').notNull().default(false),
    stored: boolean('stored').notNull().default(false),
    draftStarted: boolean('draft_started').notNull().default(false),
    submissionHash: text('submission_hash'),
  },
  (t) => [
    index('survey_codes_edition').on(t.surveyEditionId),
    check('survey_codes_used_hash', sql`${t.submissionHash} is null or ${t.used}`),
    check('survey_codes_stored_used', sql`not ${t.stored} or ${t.used}`),
  ],
);

/**
 * The sampled firm behind a code, sealed with the server key (firm reference and stratum), so a
 * database dump names no firm and no stratum per code. Response rates by stratum come from the
 * counters in code_strata, which the mixer advances per batch.
 */
export const codeFirms = pgTable('code_firms', {
  codeHash: text('code_hash')
    .primaryKey()
    .references(() => surveyCodes.codeHash, { onDelete: 'cascade' }),
  sealed: bytea('sealed').notNull(),
});

/** Issued and stored codes per stratum value (size, sector, ownership): aggregates only. */
export const codeStrata = pgTable(
  'code_strata',
  {
    surveyEditionId: integer('survey_edition_id')
      .notNull()
      .references(() => surveyEditions.id, { onDelete: 'cascade' }),
    dimension: text('dimension', { enum: ['size', 'sector', 'ownership'] }).notNull(),
    value: text('value').notNull(),
    issued: integer('issued').notNull().default(0),
    submitted: integer('submitted').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.surveyEditionId, t.dimension, t.value] })],
);

/**
 * Work in progress, resumable from any device with the code. The answers are sealed with a key
 * derived from the code itself (the server holds the code only during a request), padded to a
 * fixed size; the draft is deleted when its submission is mixed, or purged when idle or closed.
 */
export const drafts = pgTable('drafts', {
  codeHash: text('code_hash')
    .primaryKey()
    .references(() => surveyCodes.codeHash, { onDelete: 'cascade' }),
  sealed: bytea('sealed').notNull(),
  /** Minute precision: enough for a completion-time bucket. */
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  updatedOn: date('updated_on').notNull(),
});

/**
 * Accepted submissions waiting for the mixer, sealed with the server key. A row shares its
 * transaction with the code claim; it is deleted (and the table rewritten) when its batch is stored.
 */
export const pendingSubmissions = pgTable(
  'pending_submissions',
  {
    id: uuid('id').primaryKey(),
    surveyEditionId: integer('survey_edition_id')
      .notNull()
      .references(() => surveyEditions.id, { onDelete: 'cascade' }),
    /** Submitted under a code (counts towards k); false for open mode. */
    coded: boolean('coded').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    sealed: bytea('sealed').notNull(),
  },
  (t) => [index('pending_submissions_edition').on(t.surveyEditionId)],
);

/** Completion times of an edition as a histogram (whole minutes → count), unlinked to responses. */
export const completionTimes = pgTable(
  'completion_times',
  {
    surveyEditionId: integer('survey_edition_id')
      .notNull()
      .references(() => surveyEditions.id, { onDelete: 'cascade' }),
    minutes: smallint('minutes').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyEditionId, t.minutes] })],
);

/** Open-mode idempotency: keyed hashes of accepted submissions, unrelated to the stored rows. */
export const openSubmissions = pgTable('open_submissions', {
  submissionHash: text('submission_hash').primaryKey(),
  surveyEditionId: integer('survey_edition_id')
    .notNull()
    .references(() => surveyEditions.id, { onDelete: 'cascade' }),
});

/**
 * One anonymous response. Deliberately no code, firm, exact time, completion time or serial number;
 * the id is random and `submitted_on` is the day of the batch's latest submission.
 */
export const responses = pgTable(
  'responses',
  {
    id: uuid('id').primaryKey(),
    surveyEditionId: integer('survey_edition_id')
      .notNull()
      .references(() => surveyEditions.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['online', 'paper', 'phone'] }).notNull(),
    submittedOn: date('submitted_on').notNull(),
    openMode: boolean('open_mode').notNull().default(false),
    /**
     * The edition's mixer batch the response was stored in (1, 2, …; 0 before batches were numbered):
     * the order of batches, which their shared transaction id shows anyway, and no order inside one.
     * The near-duplicate flag uses it to spare the earlier member of a cluster (quality.ts).
     */
    mixBatch: integer('mix_batch').notNull().default(0),
    /** Answers of items with a profileRole, by role (size, sector, ownership, yearFounded, location). */
    profile: jsonb('profile').notNull(),
    /** Top-level answers (consent, unit selections, profile, comments); per-unit answers are in response_ratings. */
    answers: jsonb('answers').notNull(),
    qualityFlags: jsonb('quality_flags').$type<QualityFlag[]>().notNull().default([]),
    flagged: boolean('flagged').notNull().default(false),
  },
  (t) => [index('responses_edition').on(t.surveyEditionId, t.flagged)],
);

/** Every per-unit answer with the unit it rates, so per-unit and per-item aggregates are one indexed query. */
export const responseRatings = pgTable(
  'response_ratings',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    surveyEditionId: integer('survey_edition_id').notNull(),
    blockKey: text('block_key').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    item: text('item').notNull(),
    /** Numeric answers (rating, single choice with numeric codes, numeric); null for don't know. */
    value: doublePrecision('value'),
    /** The raw answer when it is not a plain number: multiple choice arrays, string option codes. */
    raw: jsonb('raw'),
    dontKnow: boolean('dont_know').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.unitId, t.item] }),
    index('response_ratings_unit_item').on(t.surveyEditionId, t.unitId, t.item),
  ],
);
