import { and, eq } from 'drizzle-orm';
import { computeIndex } from '#scoring/compute.js';
import { surveyIndicators, type HardData, type IndicatorTable } from '#scoring/indicators/index.js';
import type { Methodology } from '#scoring/methodology/types.js';
import type { IndexResult } from '#scoring/types.js';
import type { Db } from '#server/db/client.js';
import { editions, families, surveyEditions } from '#server/db/schema/index.js';
import { editionHardData } from '#server/delivery/edition-hard.js';
import { loadObservations, type SurveyMicrodata } from './observations.js';

export interface ScoreOptions {
  /** Drop responses carrying a quality flag (speeders, straight-lining, near-duplicates). Default false. */
  excludeFlagged?: boolean;
  /**
   * Indicator tables by edition, filled and reused across calls with the same methodology and
   * options (publishing editions in order reads each earlier one once, not once per later edition).
   */
  tables?: Map<number, IndicatorTable>;
}

export interface EditionInputs {
  /** This edition's observations and units (for bootstrap). */
  microdata: SurveyMicrodata;
  table: IndicatorTable;
  /** Earlier editions' indicator tables, for pooled benchmarks. */
  history: IndicatorTable[];
  /** Hard indicator data (a service centre's delivery figures for a monthly edition). */
  hard?: HardData;
}

export interface EditionScore {
  result: IndexResult;
  table: IndicatorTable;
  /** Editions whose data fed pooled benchmarks besides this one. */
  history: number[];
}

/** Editions listed by any pooled benchmark of the methodology. */
function pooledEditions(node: Methodology['tree']): number[] {
  const out = new Set<number>();
  const visit = (n: unknown) => {
    const x = n as { benchmark?: { kind: string; editions?: number[] }; children?: unknown[] };
    if (x.benchmark?.kind === 'pooled') x.benchmark.editions?.forEach((e) => out.add(e));
    x.children?.forEach(visit);
  };
  visit(node);
  return [...out].sort();
}

async function surveyEditionId(db: Db, family: string, year: number): Promise<number | undefined> {
  const [row] = await db
    .select({ id: surveyEditions.id })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(and(eq(families.code, family), eq(editions.year, year)));
  return row?.id;
}

async function indicatorTable(
  db: Db,
  id: number,
  year: number,
  m: Methodology,
  o: ScoreOptions,
  hard: HardData | undefined,
) {
  const microdata = await loadObservations(db, id);
  const table = surveyIndicators(microdata.observations, m, {
    units: microdata.units,
    edition: year,
    excludeFlagged: o.excludeFlagged ?? false,
    ...(hard ? { hard } : {}),
  });
  return { microdata, table };
}

/**
 * Everything needed to score one edition from its stored responses. Pooled benchmarks use the
 * listed editions up to this one only: a later edition never changes an earlier edition's scores.
 */
export async function loadEditionInputs(
  db: Db,
  family: string,
  year: number,
  methodology: Methodology,
  options: ScoreOptions = {},
): Promise<EditionInputs> {
  const id = await surveyEditionId(db, family, year);
  if (id === undefined) throw new Error(`no survey edition of ${family} for ${year}`);
  const hard = await editionHardData(db, family, year);
  const { microdata, table } = await indicatorTable(db, id, year, methodology, options, hard);
  options.tables?.set(year, table);
  const history: IndicatorTable[] = [];
  for (const y of pooledEditions(methodology.tree).filter((e) => e < year)) {
    const known = options.tables?.get(y);
    if (known) {
      history.push(known);
      continue;
    }
    const past = await surveyEditionId(db, family, y);
    const pastHard = await editionHardData(db, family, y);
    if (past === undefined) continue;
    const pastTable = (await indicatorTable(db, past, y, methodology, options, pastHard)).table;
    options.tables?.set(y, pastTable);
    history.push(pastTable);
  }
  return { microdata, table, history, ...(hard ? { hard } : {}) };
}

/** Scores one edition of a family from its stored survey responses (see loadEditionInputs). */
export async function scoreSurveyEdition(
  db: Db,
  family: string,
  year: number,
  methodology: Methodology,
  options: ScoreOptions = {},
): Promise<EditionScore> {
  const { table, history } = await loadEditionInputs(db, family, year, methodology, options);
  const result = computeIndex(methodology, table, { edition: year, history });
  return { result, table, history: history.map((h) => h.edition!) };
}
