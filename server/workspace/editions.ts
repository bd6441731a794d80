import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { EditionAction, EditionState, EditionSummary, UpdateEditionBody } from '#api/admin-editions.js';
import type { CreateEditionBody } from '#api/collection.js';
import { recordAudit } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import { checkedDefinition, compatibilityGuard, unitRows } from '#server/collection/edition-checks.js';
import {
  definitionHash,
  requireEdition,
  windowState,
  type LoadedEdition,
} from '#server/collection/editions.js';
import type { Db } from '#server/db/client.js';
import {
  editions,
  families,
  responses,
  surveyCodes,
  surveyEditions,
  surveyEditionUnits,
} from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';

export async function listEditions(db: Db): Promise<EditionSummary[]> {
  const rows = await db
    .select({ se: surveyEditions, family: families.code, year: editions.year })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .orderBy(asc(families.code), asc(editions.year));
  const codes = await db
    .select({
      id: surveyCodes.surveyEditionId,
      issued: count(),
      used: sql<number>`count(*) filter (where ${surveyCodes.used})`.mapWith(Number),
    })
    .from(surveyCodes)
    .groupBy(surveyCodes.surveyEditionId);
  const answers = await db
    .select({ id: responses.surveyEditionId, n: count() })
    .from(responses)
    .groupBy(responses.surveyEditionId);
  const byCodes = new Map(codes.map((c) => [c.id, c]));
  const byAnswers = new Map(answers.map((a) => [a.id, a.n]));
  return rows.map(({ se, family, year }) => ({
    slug: se.slug,
    family,
    year,
    state: se.state,
    window: windowState(se),
    opensOn: se.opensOn,
    closesOn: se.closesOn,
    openMode: se.openMode,
    includeFlagged: se.includeFlagged,
    definitionId: se.definitionId,
    contentHash: se.contentHash,
    codes: { issued: byCodes.get(se.id)?.issued ?? 0, used: byCodes.get(se.id)?.used ?? 0 },
    responses: byAnswers.get(se.id) ?? 0,
  }));
}

/** Allowed moves: a draft opens; an open edition closes; a closed one reopens or is archived. */
const MOVES: Record<EditionAction, { from: EditionState[]; to: EditionState }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
  archive: { from: ['closed'], to: 'archived' },
};

const STATE_VI: Record<EditionState, string> = {
  draft: 'bản nháp',
  open: 'đang mở',
  closed: 'đã đóng',
  archived: 'đã lưu trữ',
};

export async function moveEdition(
  db: Db,
  actor: Actor,
  slug: string,
  action: EditionAction,
): Promise<EditionSummary> {
  const e = await requireEdition(db, slug);
  const move = MOVES[action];
  if (!move.from.includes(e.state))
    throw new HttpError(
      409,
      'invalid_transition',
      serverMessage('invalid_transition.edition', { action, state: { vi: STATE_VI[e.state], en: e.state } }),
    );
  await db.transaction(async (tx) => {
    await tx.update(surveyEditions).set({ state: move.to }).where(eq(surveyEditions.id, e.id));
    await recordAudit(tx, actor, {
      action: `survey_edition.${action}`,
      entityType: 'survey_edition',
      entityId: slug,
      familyCode: e.familyCode,
      before: { state: e.state },
      after: { state: move.to },
    });
  });
  return (await listEditions(db)).find((x) => x.slug === slug)!;
}

const notDraft = (state: EditionState) =>
  new HttpError(
    409,
    'edition_not_draft',
    serverMessage('edition_not_draft', { state: { vi: STATE_VI[state], en: state } }),
  );

/** The create-edition request a draft edit amounts to: the stored values with the edit applied. */
function draftInput(e: LoadedEdition, body: UpdateEditionBody): CreateEditionBody {
  return {
    family: e.familyCode,
    year: e.year,
    definition: body.definition ?? e.definition,
    opensOn: body.opensOn ?? e.opensOn,
    closesOn: body.closesOn ?? e.closesOn,
    openMode: body.openMode ?? e.openMode,
    units: body.units ?? Object.fromEntries(Object.entries(e.context.units).map(([k, v]) => [k, [...v]])),
    acceptBreakingChanges: body.acceptBreakingChanges,
  };
}

/** Edits a draft: window, open mode, definition (re-checked, with the compatibility guard) and units. */
export async function updateDraft(
  db: Db,
  actor: Actor,
  slug: string,
  body: UpdateEditionBody,
): Promise<EditionSummary> {
  const e = await requireEdition(db, slug);
  if (e.state !== 'draft') throw notDraft(e.state);
  const input = draftInput(e, body);
  const definition = checkedDefinition(input);
  await db.transaction(async (tx) => {
    const [fam] = await tx.select({ id: families.id }).from(families).where(eq(families.code, e.familyCode));
    const rows = await unitRows(tx, fam!.id, definition, input.units);
    const accepted = body.definition ? await compatibilityGuard(tx, fam!.id, input, definition) : [];
    const hash = definitionHash(definition);
    const window = { opensOn: input.opensOn, closesOn: input.closesOn, openMode: input.openMode === true };
    await tx
      .update(surveyEditions)
      .set({
        definition,
        definitionId: definition.id,
        schemaVersion: definition.schemaVersion,
        contentHash: hash,
        ...window,
        publishedAt: new Date(),
      })
      .where(and(eq(surveyEditions.id, e.id), eq(surveyEditions.state, 'draft')));
    await tx.delete(surveyEditionUnits).where(eq(surveyEditionUnits.surveyEditionId, e.id));
    await tx.insert(surveyEditionUnits).values(rows.map((r) => ({ ...r, surveyEditionId: e.id })));
    await recordAudit(tx, actor, {
      action: 'survey_edition.update',
      entityType: 'survey_edition',
      entityId: slug,
      familyCode: e.familyCode,
      before: {
        opensOn: e.opensOn,
        closesOn: e.closesOn,
        openMode: e.openMode,
        contentHash: e.contentHash,
        units: e.context.units,
      },
      after: { ...window, contentHash: hash, units: input.units, acceptedBreakingChanges: accepted },
    });
  });
  return (await listEditions(db)).find((x) => x.slug === slug)!;
}

/** The audited include/exclude-flagged setting that scoring and publication use by default. */
export async function setIncludeFlagged(
  db: Db,
  actor: Actor,
  slug: string,
  include: boolean,
): Promise<EditionSummary> {
  const e = await requireEdition(db, slug);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ v: surveyEditions.includeFlagged })
      .from(surveyEditions)
      .where(eq(surveyEditions.id, e.id));
    await tx.update(surveyEditions).set({ includeFlagged: include }).where(eq(surveyEditions.id, e.id));
    await recordAudit(tx, actor, {
      action: 'survey_edition.include_flagged',
      entityType: 'survey_edition',
      entityId: slug,
      familyCode: e.familyCode,
      before: { includeFlagged: before?.v ?? false },
      after: { includeFlagged: include },
    });
  });
  return (await listEditions(db)).find((x) => x.slug === slug)!;
}

/**
 * Whether a family edition's scoring leaves out flagged responses: the edition's audited setting
 * (excluded unless an analyst chose to include them); true when the year has no survey.
 */
export async function excludesFlagged(db: Db, family: string, year: number): Promise<boolean> {
  const [row] = await db
    .select({ include: surveyEditions.includeFlagged })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(and(eq(families.code, family), eq(editions.year, year)));
  return !(row?.include ?? false);
}
