import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { contentHash } from '#api/canonical-json.js';
import type { EditionContext, SurveyDefinition } from '#surveys/types.js';
import type { Db } from '#server/db/client.js';
import { editions, families, surveyEditions, surveyEditionUnits, units } from '#server/db/schema/index.js';
import { recordAudit } from '#server/audit/log.js';
import { CLI_ACTOR, type Actor } from '#server/auth/actor.js';
import { HttpError } from '#server/http/errors.js';
import type { CompatibilityProblem, CreateEditionBody } from '#api/collection.js';
import type { Localized } from '#api/text.js';
import { checkedDefinition, compatibilityGuard, unitRows } from './edition-checks.js';
import { fieldError, invalid, notFoundError } from './errors.js';
import { serverMessage } from '#server/http/messages.js';

export interface EditionUnit {
  id: number;
  code: string;
  name: Localized;
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
  /** Workspace lifecycle: only an `open` edition takes answers (read fresh, like the window). */
  state: 'draft' | 'open' | 'closed' | 'archived';
  units: Record<string, EditionUnit[]>;
  context: EditionContext;
  /** `${block}/${unitCode}` → unit id. */
  unitIds: Map<string, number>;
}

export function definitionHash(definition: unknown): string {
  return contentHash(definition);
}

/** A published edition and the breaking changes against the previous edition its request accepted. */
export type CreatedEdition = LoadedEdition & { acceptedBreakingChanges: CompatibilityProblem[] };

/**
 * Publishes a survey edition (the request is already schema-checked): checks the definition, the
 * window, the unit lists and compatibility with the family's previous edition; creates the family
 * edition if needed.
 */
export async function createSurveyEdition(
  db: Db,
  input: CreateEditionBody,
  actor: Actor = CLI_ACTOR,
): Promise<CreatedEdition> {
  const definition = checkedDefinition(input);
  const slug = input.slug ?? `${input.family}-${input.year}`;
  return db.transaction(async (tx) => {
    const familyId = await familyIdOf(tx as unknown as Db, input.family);
    const rows = await unitRows(tx, familyId, definition, input.units);
    const accepted = await compatibilityGuard(tx, familyId, input, definition);
    const editionId = await familyEdition(tx as unknown as Db, familyId, input.year);
    const [created] = await tx
      .insert(surveyEditions)
      .values({
        editionId,
        slug,
        definition,
        definitionId: definition.id,
        schemaVersion: definition.schemaVersion,
        contentHash: definitionHash(definition),
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        openMode: input.openMode === true,
        state: input.draft === true ? 'draft' : 'open',
      })
      .onConflictDoNothing()
      .returning({ id: surveyEditions.id });
    if (!created) throw new HttpError(409, 'slug_taken', serverMessage('slug_taken', { slug }));
    await tx.insert(surveyEditionUnits).values(rows.map((r) => ({ ...r, surveyEditionId: created.id })));
    // The audit entry records who published it and which breaking changes they accepted.
    await recordAudit(tx, actor, {
      action: 'survey_edition.create',
      entityType: 'survey_edition',
      entityId: slug,
      familyCode: input.family,
      after: {
        slug,
        year: input.year,
        contentHash: definitionHash(definition),
        acceptedBreakingChanges: accepted,
      },
    });
    const loaded = (await loadEdition(tx as unknown as Db, slug, false))!;
    return { ...loaded, acceptedBreakingChanges: accepted };
  });
}

async function familyIdOf(tx: Db, code: string): Promise<number> {
  const [family] = await tx.select({ id: families.id }).from(families).where(eq(families.code, code));
  if (!family)
    throw invalid([
      fieldError('/family', 'unknown_family', serverMessage('unknown_family', { family: code })),
    ]);
  return family.id;
}

/** The family's edition row for the year, created if needed; 409 if it already has a survey. */
async function familyEdition(tx: Db, familyId: number, year: number): Promise<number> {
  let [edition] = await tx
    .select({ id: editions.id })
    .from(editions)
    .where(and(eq(editions.familyId, familyId), eq(editions.year, year)));
  edition ??= (
    await tx.insert(editions).values({ familyId, year, status: 'collecting' }).returning({ id: editions.id })
  )[0]!;
  const [clash] = await tx
    .select({ id: surveyEditions.id })
    .from(surveyEditions)
    .where(eq(surveyEditions.editionId, edition.id));
  if (clash) throw new HttpError(409, 'edition_exists', serverMessage('edition_exists', { year }));
  return edition.id;
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
      state: surveyEditions.state,
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
    return { ...hit, opensOn: row.opensOn, closesOn: row.closesOn, openMode: row.openMode, state: row.state };
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

// The last edition loaded per slug, per database (tests open several, with the same slugs).
const bySlug = new WeakMap<Db, Map<string, LoadedEdition>>();

/**
 * The edition by slug as this process last loaded it, without a round trip once loaded. Only for a
 * path whose writes check `editionCurrent` in the same statement (the coded submission's claim)
 * and reload the edition when it no longer holds: its window, state and definition may have
 * changed since, here or on another instance.
 */
export async function cachedEdition(db: Db, slug: string): Promise<LoadedEdition> {
  return bySlug.get(db)?.get(slug) ?? requireEdition(db, slug);
}

/**
 * True while the edition is still the version `e` (definition, units: `updateDraft` changes the
 * publication time) and takes answers today, as `windowState` decides.
 */
export function editionCurrent(e: LoadedEdition, today = vietnamToday()): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${surveyEditions} where ${surveyEditions.id} = ${e.id}
    and ${surveyEditions.contentHash} = ${e.contentHash}
    and floor(extract(epoch from ${surveyEditions.publishedAt}) * 1000) = ${e.publishedAt.getTime()}
    and ${surveyEditions.state} = 'open' and ${surveyEditions.opensOn} <= ${today} and ${surveyEditions.closesOn} >= ${today})`;
}

/** The edition by slug, read fresh (its definition and units from the cache); 404 if there is none. */
export async function requireEdition(db: Db, slug: string): Promise<LoadedEdition> {
  const edition = await loadEdition(db, slug);
  if (!edition) {
    bySlug.get(db)?.delete(slug);
    throw notFoundError('/edition', serverMessage('not_found.survey_edition', { slug }));
  }
  let known = bySlug.get(db);
  if (!known) bySlug.set(db, (known = new Map()));
  known.set(slug, edition);
  return edition;
}

/** Today's date in Vietnam, where the window's dates are meant. */
const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// Formatting with a time zone costs tens of microseconds and a submission asks several times; Vietnam's
// offset is whole hours, so the date is the same throughout a UTC hour.
let lastHour = { hour: Number.NaN, date: '' };

export function vietnamToday(now: Date = new Date()): string {
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (hour !== lastHour.hour) lastHour = { hour, date: VIETNAM_DATE.format(now) };
  return lastHour.date;
}

export type WindowState = 'not_yet_open' | 'open' | 'closed';

export function windowState(
  edition: Pick<LoadedEdition, 'opensOn' | 'closesOn'> & { state?: LoadedEdition['state'] },
  today = vietnamToday(),
): WindowState {
  // A draft is not yet open and a closed or archived edition is closed, whatever the dates.
  if (edition.state === 'draft') return 'not_yet_open';
  if (edition.state === 'closed' || edition.state === 'archived') return 'closed';
  if (today < edition.opensOn) return 'not_yet_open';
  if (today > edition.closesOn) return 'closed';
  return 'open';
}
