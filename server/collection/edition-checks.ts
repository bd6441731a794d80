import { and, desc, eq, lt } from 'drizzle-orm';
import type { CompatibilityProblem, CreateEditionBody } from '#api/collection.js';
import { checkDefinition } from '#surveys/check.js';
import { checkCompatibility } from '#surveys/compatibility.js';
import type { SurveyDefinition } from '#surveys/types.js';
import { editionYear } from '#api/periods.js';
import type { Db } from '#server/db/client.js';
import { blocks, editions, surveyEditions, units } from '#server/db/schema/index.js';
import { fieldError, invalid } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';

// The steps of publishing a survey edition that go beyond the request schema
// (api/schemas/collection/create-edition.schema.json): the definition itself, the window, the unit
// lists against the family's blocks, and compatibility with the family's previous edition.

type Tx = Pick<Db, 'select'>;

/** The definition, once it passes checkDefinition and matches the edition's year (a monthly edition YYYYMM: year YYYY). */
export function checkedDefinition(input: CreateEditionBody): SurveyDefinition {
  const problems = checkDefinition(input.definition).map((e) =>
    fieldError(`/definition${e.path}`, e.code, e.message),
  );
  if (problems.length > 0) throw invalid(problems);
  const definition = input.definition as SurveyDefinition;
  if (definition.edition !== editionYear(input.year)) {
    throw invalid([
      fieldError(
        '/definition/edition',
        'edition_mismatch',
        serverMessage('edition_mismatch', { definitionYear: definition.edition, year: input.year }),
      ),
    ]);
  }
  if (input.opensOn > input.closesOn) {
    throw invalid([fieldError('/closesOn', 'window_reversed', serverMessage('window_reversed'))]);
  }
  return definition;
}

export interface EditionUnitRow {
  blockKey: string;
  unitId: number;
  sortOrder: number;
}

/** The rated units per block, resolved against the family's units; every block needs a list. */
export async function unitRows(
  tx: Tx,
  familyId: number,
  definition: SurveyDefinition,
  lists: Record<string, string[]>,
): Promise<EditionUnitRow[]> {
  const rows: EditionUnitRow[] = [];
  for (const block of definition.blocks) {
    const codes = lists[block.key];
    if (!codes || codes.length === 0) {
      throw invalid([
        fieldError(
          `/units/${block.key}`,
          'missing_units',
          serverMessage('missing_units', { block: block.key }),
        ),
      ]);
    }
    const known = await tx
      .select({ id: units.id, code: units.code })
      .from(units)
      .innerJoin(blocks, eq(blocks.id, units.blockId))
      .where(and(eq(blocks.familyId, familyId), eq(blocks.code, block.key)));
    const byCode = new Map(known.map((u) => [u.code, u.id]));
    const unknown = codes.flatMap((code, i) => (byCode.has(code) ? [] : [{ code, i }]));
    if (unknown.length > 0) {
      throw invalid(
        unknown.map(({ code, i }) =>
          fieldError(
            `/units/${block.key}/${i}`,
            'unknown_unit',
            serverMessage('unknown_unit.edition', { block: block.key, unit: code }),
          ),
        ),
      );
    }
    codes.forEach((code, i) => rows.push({ blockKey: block.key, unitId: byCode.get(code)!, sortOrder: i }));
  }
  return rows;
}

/** The family's latest survey definition before `year`, if any. */
async function previousDefinition(
  tx: Tx,
  familyId: number,
  year: number,
): Promise<SurveyDefinition | undefined> {
  const [row] = await tx
    .select({ definition: surveyEditions.definition })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .where(and(eq(editions.familyId, familyId), lt(editions.year, year)))
    .orderBy(desc(editions.year))
    .limit(1);
  return row?.definition as SurveyDefinition | undefined;
}

/**
 * Breaking changes against the family's previous edition (type, scale or option codes changed
 * under the same item code, …). Refused with 422 `breaking_changes` unless the request sets
 * `acceptBreakingChanges`; then they are returned, to be recorded with the edition.
 */
export async function compatibilityGuard(
  tx: Tx,
  familyId: number,
  input: CreateEditionBody,
  definition: SurveyDefinition,
): Promise<CompatibilityProblem[]> {
  const previous = await previousDefinition(tx, familyId, input.year);
  if (!previous) return [];
  const problems = checkCompatibility(previous, definition).map((issue) => ({
    path: `/definition/items/${issue.item}`,
    code: issue.code,
    message: issue.reason,
  }));
  if (problems.length > 0 && input.acceptBreakingChanges !== true) {
    throw invalid(
      [
        ...problems,
        fieldError(
          '/acceptBreakingChanges',
          'breaking_changes',
          serverMessage('breaking_changes', { count: problems.length }),
        ),
      ],
      'breaking_changes',
    );
  }
  return problems;
}
