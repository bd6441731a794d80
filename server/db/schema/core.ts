import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';

/**
 * An index programme: the national PCI, one province's DDCI, or a province's service-satisfaction index
 * (`service`: the SIPAS-style visit survey at its public-administration service centres, scored per
 * centre). The column is plain text, so a new kind needs no migration.
 */
export const families = pgTable('families', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  kind: text('kind', { enum: ['pci', 'ddci', 'service'] }).notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  /** Demo families are fictional and must be labelled as such wherever they are shown. */
  isDemo: integer('is_demo').notNull().default(0),
  sourceVi: text('source_vi'),
  sourceEn: text('source_en'),
});

/** One edition of a family: yearly, or monthly/quarterly for a service family (`year` holds YYYYMM). */
export const editions = pgTable(
  'editions',
  {
    id: serial('id').primaryKey(),
    familyId: integer('family_id')
      .notNull()
      .references(() => families.id),
    year: integer('year').notNull(),
    status: text('status', { enum: ['draft', 'collecting', 'scoring', 'published'] })
      .notNull()
      .default('draft'),
    methodologyVersion: text('methodology_version'),
  },
  (t) => [
    unique('editions_family_year').on(t.familyId, t.year),
    // A year (2000–2100), or for a family published by month or quarter a period YYYYMM (api/periods.ts).
    check(
      'editions_year',
      sql`${t.year} between 2000 and 2100 or (${t.year} between 200001 and 210012 and ${t.year} % 100 between 1 and 12)`,
    ),
  ],
);

/** Units ranked together (provinces; provincial departments; communes/wards; central agencies). */
export const blocks = pgTable(
  'blocks',
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
  (t) => [unique('blocks_family_code').on(t.familyId, t.code)],
);

/** A rated unit, valid over a period; reorganisations are recorded as lineage events. */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    blockId: integer('block_id')
      .notNull()
      .references(() => blocks.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** Official statistics code (GSO) where one exists. */
    officialCode: text('official_code'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [
    unique('units_block_code').on(t.blockId, t.code),
    check(
      'units_valid_range',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validFrom} <= ${t.validTo}`,
    ),
  ],
);

/** Merge (n → 1), split (1 → n), rename (same series, new label), abolition (series ends) or a level change (district → commune). */
export const unitLineage = pgTable(
  'unit_lineage',
  {
    id: serial('id').primaryKey(),
    event: text('event', { enum: ['merge', 'split', 'rename', 'abolish', 'level_change'] }).notNull(),
    date: date('date').notNull(),
    fromUnitId: integer('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: integer('to_unit_id').references(() => units.id),
    noteVi: text('note_vi'),
    noteEn: text('note_en'),
  },
  (t) => [
    unique('unit_lineage_event').on(t.event, t.fromUnitId, t.toUnitId, t.date).nullsNotDistinct(),
    index('unit_lineage_to').on(t.toUnitId),
    check('unit_lineage_target', sql`(${t.event} = 'abolish') = (${t.toUnitId} is null)`),
  ],
);
