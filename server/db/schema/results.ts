import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { blocks, editions, families, units } from './core.js';

/** Components of a family (sub-indices and the composite), with bilingual names. */
export const components = pgTable(
  'components',
  {
    id: serial('id').primaryKey(),
    familyId: integer('family_id')
      .notNull()
      .references(() => families.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique('components_family_code').on(t.familyId, t.code)],
);

/** Which components an edition has, and their weight in its composite (null for the composite itself). */
export const editionComponents = pgTable(
  'edition_components',
  {
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id),
    componentId: integer('component_id')
      .notNull()
      .references(() => components.id),
    weight: doublePrecision('weight'),
    /** Set when the block has its own component set and weights (DDCI localities); null = every block. */
    blockId: integer('block_id').references(() => blocks.id),
  },
  (t) => [unique('edition_components_pk').on(t.editionId, t.componentId, t.blockId).nullsNotDistinct()],
);

/** The indicator dictionary: one row per edition and indicator code, as printed in that edition. */
export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id),
    componentId: integer('component_id')
      .notNull()
      .references(() => components.id),
    code: text('code').notNull(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en'),
    direction: integer('direction'),
    weight: doublePrecision('weight'),
    benchmarkMin: doublePrecision('benchmark_min'),
    benchmarkMax: doublePrecision('benchmark_max'),
    benchmarkBasis: text('benchmark_basis'),
    /** Set when benchmarks are per block (computed DDCI results); null = every block. */
    blockId: integer('block_id').references(() => blocks.id),
  },
  (t) => [
    unique('indicators_edition_component_code')
      .on(t.editionId, t.componentId, t.code, t.blockId)
      .nullsNotDistinct(),
    check('indicators_direction', sql`${t.direction} is null or ${t.direction} in (-1, 1)`),
  ],
);

/** Imported indicator values (hard data or published survey indicators) per unit and edition. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: serial('id').primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    value: doublePrecision('value'),
    n: integer('n'),
    source: text('source').notNull(),
  },
  (t) => [
    unique('indicator_values_unit').on(t.indicatorId, t.unitId),
    index('indicator_values_unit_idx').on(t.unitId),
  ],
);

/** Published scores per unit × edition × component, with rank and tier on each. */
export const scores = pgTable(
  'scores',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    componentId: integer('component_id')
      .notNull()
      .references(() => components.id),
    score: doublePrecision('score'),
    rank: integer('rank'),
    /** Tier code (see `tiers`), on composite rows. */
    tier: text('tier'),
    /** Why the score is missing (methodology break, suppressed, not surveyed), when it is. */
    missingReason: text('missing_reason'),
    source: text('source').notNull(),
  },
  (t) => [
    unique('scores_edition_unit_component').on(t.editionId, t.unitId, t.componentId),
    index('scores_unit_idx').on(t.unitId),
    check('scores_rank_positive', sql`${t.rank} is null or ${t.rank} >= 1`),
  ],
);

/** Tier (rating group) labels of a family, best first. */
export const tiers = pgTable(
  'tiers',
  {
    id: serial('id').primaryKey(),
    familyId: integer('family_id')
      .notNull()
      .references(() => families.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    unique('tiers_family_code').on(t.familyId, t.code),
    unique('tiers_family_name_vi').on(t.familyId, t.nameVi),
  ],
);
