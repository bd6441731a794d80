import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
// survey_codes/code_firms/drafts, answers in responses/response_ratings, and no column, key or
// timestamp joins the two sides.

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
 * Single-use codes, stored only as HMAC-SHA-256(secret, code). `used` is the whole record of a
 * submission: no time, no response id. `submission_hash` is keyed by the code, a client nonce and
 * the payload, so a retry can be recognised without anything that a response row could be matched to.
 */
export const surveyCodes = pgTable(
  'survey_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    surveyEditionId: integer('survey_edition_id')
      .notNull()
      .references(() => surveyEditions.id, { onDelete: 'cascade' }),
    used: boolean('used').notNull().default(false),
    draftStarted: boolean('draft_started').notNull().default(false),
    submissionHash: text('submission_hash'),
  },
  (t) => [
    index('survey_codes_edition').on(t.surveyEditionId),
    check('survey_codes_used_hash', sql`${t.submissionHash} is null or ${t.used}`),
  ],
);

/** The sampled firm behind a code, for response rates by stratum only; never joined to responses. */
export const codeFirms = pgTable('code_firms', {
  codeHash: text('code_hash')
    .primaryKey()
    .references(() => surveyCodes.codeHash, { onDelete: 'cascade' }),
  /** The firm's id in the sample frame, if the organiser keeps one. */
  firmRef: text('firm_ref'),
  size: text('size'),
  sector: text('sector'),
  ownership: text('ownership'),
});

/** Work in progress, resumable from any device with the code; deleted when the response is stored. */
export const drafts = pgTable('drafts', {
  codeHash: text('code_hash')
    .primaryKey()
    .references(() => surveyCodes.codeHash, { onDelete: 'cascade' }),
  answers: jsonb('answers').notNull(),
  /** Minute precision: enough for a completion-time bucket. */
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  updatedOn: date('updated_on').notNull(),
});

/** Open-mode idempotency: keyed hashes of accepted submissions, unrelated to the stored rows. */
export const openSubmissions = pgTable('open_submissions', {
  submissionHash: text('submission_hash').primaryKey(),
  surveyEditionId: integer('survey_edition_id')
    .notNull()
    .references(() => surveyEditions.id, { onDelete: 'cascade' }),
});

export interface QualityFlag {
  code: 'speeder' | 'straight_lining' | 'near_duplicate';
  reason: { vi: string; en: string };
}

/** One anonymous response. Deliberately no code, firm, exact time or serial number. */
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
    /** Whole minutes from first draft save (or the client's timer) to submission, capped; null on paper. */
    completionMinutes: smallint('completion_minutes'),
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
