import { and, asc, eq } from 'drizzle-orm';
import { contentHash } from '#api/canonical-json.js';
import { checkDefinition } from '#surveys/check.js';
import type { EditionContext, SurveyDefinition } from '#surveys/types.js';
import type { Db } from '#server/db/client.js';
import {
  blocks,
  editions,
  families,
  surveyEditions,
  surveyEditionUnits,
  units,
} from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { fieldError, invalid, notFoundError } from './errors.js';

export interface EditionUnit {
  id: number;
  code: string;
  name: { vi: string; en: string };
}

/** A published survey edition with everything a submission needs, cached per process. */
export interface LoadedEdition {
  id: number;
  slug: string;
  familyCode: string;
  year: number;
  definition: SurveyDefinition;
  contentHash: string;
  publishedAt: Date;
  opensOn: string;
  closesOn: string;
  openMode: boolean;
  units: Record<string, EditionUnit[]>;
  context: EditionContext;
  /** `${block}/${unitCode}` → unit id. */
  unitIds: Map<string, number>;
}

export interface CreateEditionInput {
  family: string;
  year: number;
  slug?: string;
  definition: unknown;
  opensOn: string;
  closesOn: string;
  openMode?: boolean;
  /** Unit codes per definition block key; the family must have a block with that code. */
  units: Record<string, string[]>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{1,63}$/;

export function definitionHash(definition: unknown): string {
  return contentHash(definition);
}

/** Publishes a survey edition: checks the definition, dates and unit lists; creates the family edition if needed. */
export async function createSurveyEdition(db: Db, input: CreateEditionInput): Promise<LoadedEdition> {
  const problems = checkDefinition(input.definition).map((e) =>
    fieldError(`/definition${e.path}`, e.code, e.message),
  );
  if (problems.length > 0) throw invalid(problems);
  const definition = input.definition as SurveyDefinition;
  if (definition.edition !== input.year) {
    throw invalid([
      fieldError('/definition/edition', 'edition_mismatch', {
        vi: `Năm của bộ câu hỏi (${definition.edition}) khác năm của kỳ khảo sát (${input.year})`,
        en: `The definition's edition (${definition.edition}) differs from the survey year (${input.year})`,
      }),
    ]);
  }
  const slug = input.slug ?? `${input.family}-${input.year}`;
  if (!SLUG.test(slug)) {
    throw invalid([
      fieldError('/slug', 'invalid_slug', {
        vi: 'Tên rút gọn chỉ gồm chữ thường, số và dấu gạch ngang',
        en: 'The slug may contain only lower-case letters, digits and hyphens',
      }),
    ]);
  }
  for (const [key, value] of [
    ['opensOn', input.opensOn],
    ['closesOn', input.closesOn],
  ] as const) {
    if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
      throw invalid([
        fieldError(`/${key}`, 'invalid_date', {
          vi: `Ngày không hợp lệ (cần YYYY-MM-DD)`,
          en: `Invalid date (expected YYYY-MM-DD)`,
        }),
      ]);
    }
  }
  if (input.opensOn > input.closesOn) {
    throw invalid([
      fieldError('/closesOn', 'window_reversed', {
        vi: 'Ngày đóng phải sau ngày mở',
        en: 'The closing date must not precede the opening date',
      }),
    ]);
  }
  return db.transaction(async (tx) => {
    const [family] = await tx.select().from(families).where(eq(families.code, input.family));
    if (!family)
      throw invalid([
        fieldError('/family', 'unknown_family', {
          vi: `Không có bộ chỉ số "${input.family}"`,
          en: `No index family "${input.family}"`,
        }),
      ]);
    const rows: Array<{ blockKey: string; unitId: number; sortOrder: number }> = [];
    for (const block of definition.blocks) {
      const codes = input.units?.[block.key];
      if (!Array.isArray(codes) || codes.length === 0) {
        throw invalid([
          fieldError(`/units/${block.key}`, 'missing_units', {
            vi: `Thiếu danh sách đơn vị của khối "${block.key}"`,
            en: `The unit list of block "${block.key}" is missing`,
          }),
        ]);
      }
      const known = await tx
        .select({ id: units.id, code: units.code })
        .from(units)
        .innerJoin(blocks, eq(blocks.id, units.blockId))
        .where(and(eq(blocks.familyId, family.id), eq(blocks.code, block.key)));
      const byCode = new Map(known.map((u) => [u.code, u.id]));
      codes.forEach((code, i) => {
        const id = byCode.get(code);
        if (id === undefined) {
          throw invalid([
            fieldError(`/units/${block.key}/${i}`, 'unknown_unit', {
              vi: `Khối "${block.key}" không có đơn vị "${code}"`,
              en: `Block "${block.key}" has no unit "${code}"`,
            }),
          ]);
        }
        rows.push({ blockKey: block.key, unitId: id, sortOrder: i });
      });
    }
    let [edition] = await tx
      .select()
      .from(editions)
      .where(and(eq(editions.familyId, family.id), eq(editions.year, input.year)));
    edition ??= (
      await tx
        .insert(editions)
        .values({ familyId: family.id, year: input.year, status: 'collecting' })
        .returning()
    )[0]!;
    const [clash] = await tx
      .select({ id: surveyEditions.id })
      .from(surveyEditions)
      .where(eq(surveyEditions.editionId, edition.id));
    if (clash)
      throw new HttpError(409, 'edition_exists', {
        vi: `Năm ${input.year} đã có kỳ khảo sát`,
        en: `A survey edition for ${input.year} already exists`,
      });
    const [created] = await tx
      .insert(surveyEditions)
      .values({
        editionId: edition.id,
        slug,
        definition,
        definitionId: definition.id,
        schemaVersion: definition.schemaVersion,
        contentHash: definitionHash(definition),
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        openMode: input.openMode === true,
      })
      .onConflictDoNothing()
      .returning({ id: surveyEditions.id });
    if (!created)
      throw new HttpError(409, 'slug_taken', {
        vi: `Tên "${slug}" đã được dùng`,
        en: `The slug "${slug}" is already taken`,
      });
    await tx.insert(surveyEditionUnits).values(rows.map((r) => ({ ...r, surveyEditionId: created.id })));
    return (await loadEdition(tx as unknown as Db, slug, false))!;
  });
}

const cache = new Map<number, LoadedEdition>();

/** The edition by slug; the definition and units are cached by content hash (they never change once published). */
export async function loadEdition(db: Db, slug: string, useCache = true): Promise<LoadedEdition | undefined> {
  const [row] = await db
    .select({
      id: surveyEditions.id,
      slug: surveyEditions.slug,
      contentHash: surveyEditions.contentHash,
      publishedAt: surveyEditions.publishedAt,
      opensOn: surveyEditions.opensOn,
      closesOn: surveyEditions.closesOn,
      openMode: surveyEditions.openMode,
      familyCode: families.code,
      year: editions.year,
    })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(eq(surveyEditions.slug, slug));
  if (!row) return undefined;
  const hit = cache.get(row.id);
  if (
    useCache &&
    hit &&
    hit.contentHash === row.contentHash &&
    hit.publishedAt.getTime() === row.publishedAt.getTime()
  ) {
    return { ...hit, opensOn: row.opensOn, closesOn: row.closesOn, openMode: row.openMode };
  }
  const [{ definition }] = (await db
    .select({ definition: surveyEditions.definition })
    .from(surveyEditions)
    .where(eq(surveyEditions.id, row.id))) as [{ definition: SurveyDefinition }];
  const unitRows = await db
    .select({
      blockKey: surveyEditionUnits.blockKey,
      id: units.id,
      code: units.code,
      nameVi: units.nameVi,
      nameEn: units.nameEn,
    })
    .from(surveyEditionUnits)
    .innerJoin(units, eq(units.id, surveyEditionUnits.unitId))
    .where(eq(surveyEditionUnits.surveyEditionId, row.id))
    .orderBy(asc(surveyEditionUnits.blockKey), asc(surveyEditionUnits.sortOrder));
  const byBlock: Record<string, EditionUnit[]> = {};
  const unitIds = new Map<string, number>();
  for (const b of definition.blocks) byBlock[b.key] = [];
  for (const u of unitRows) {
    (byBlock[u.blockKey] ??= []).push({ id: u.id, code: u.code, name: { vi: u.nameVi, en: u.nameEn } });
    unitIds.set(`${u.blockKey}/${u.code}`, u.id);
  }
  const context: EditionContext = {
    units: Object.fromEntries(Object.entries(byBlock).map(([k, list]) => [k, list.map((u) => u.code)])),
  };
  const loaded: LoadedEdition = { ...row, definition, units: byBlock, context, unitIds };
  cache.set(row.id, loaded);
  return loaded;
}

export async function requireEdition(db: Db, slug: string): Promise<LoadedEdition> {
  const edition = await loadEdition(db, slug);
  if (!edition)
    throw notFoundError('/edition', {
      vi: `Không có kỳ khảo sát "${slug}"`,
      en: `No survey edition "${slug}"`,
    });
  return edition;
}

/** Today's date in Vietnam, where the window's dates are meant. */
const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function vietnamToday(now: Date = new Date()): string {
  return VIETNAM_DATE.format(now);
}

export type WindowState = 'not_yet_open' | 'open' | 'closed';

export function windowState(
  edition: Pick<LoadedEdition, 'opensOn' | 'closesOn'>,
  today = vietnamToday(),
): WindowState {
  if (today < edition.opensOn) return 'not_yet_open';
  if (today > edition.closesOn) return 'closed';
  return 'open';
}
