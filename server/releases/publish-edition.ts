import { and, asc, count, eq } from 'drizzle-orm';
import type { ReleaseDocument } from '#api/releases.js';
import type { Localized } from '#api/text.js';
import { bootstrap, type BootstrapResult } from '#scoring/bootstrap.js';
import { computeIndex } from '#scoring/compute.js';
import type { Methodology } from '#scoring/methodology/types.js';
import type { DataTable, IndexResult } from '#scoring/types.js';
import type { IndicatorTable } from '#scoring/indicators/index.js';
import type { Db } from '#server/db/client.js';
import {
  blocks,
  editions,
  families,
  responses,
  surveyCodes,
  surveyEditions,
  units,
} from '#server/db/schema/index.js';
import { loadEditionInputs, type EditionInputs } from '#server/publish/score-edition.js';
import { familyPeriod } from '#server/delivery/edition-hard.js';
import { computedBlocks, type BlockNames } from './build-computed.js';
import { publishRelease, type Published, type ReleaseDraft } from './publish.js';
import type { SigningKey } from './signing.js';

export interface PublishEditionOptions {
  family: string;
  year: number;
  methodology: Methodology;
  /** Leave out responses with quality flags (as an analyst publishes). */
  excludeFlagged?: boolean;
  /** Respondent resamples for intervals and rank ranges (0 = none). */
  resamples?: number;
  seed?: number | string;
  note?: Localized | null;
  /** The release this one corrects (required when the edition already has one). */
  supersedes?: string | null;
  onProgress?: (message: string) => void;
  /** Bookkeeping done in the release's own transaction (see ReleaseDraft.inTransaction). */
  inTransaction?: ReleaseDraft['inTransaction'];
  /** Indicator tables shared by the publishing of several editions in order (see ScoreOptions.tables). */
  tables?: Map<number, IndicatorTable>;
  /** A result already computed from this edition's responses (the score command has one): not scored again. */
  scored?: { table: DataTable; result: IndexResult; bootstrap?: BootstrapResult };
}

async function blockNames(db: Db, family: string): Promise<BlockNames[]> {
  const rows = await db
    .select({ block: blocks, unit: units })
    .from(blocks)
    .innerJoin(families, eq(families.id, blocks.familyId))
    .leftJoin(units, eq(units.blockId, blocks.id))
    .where(eq(families.code, family))
    .orderBy(asc(blocks.sortOrder));
  const out = new Map<string, BlockNames>();
  for (const { block, unit } of rows) {
    let b = out.get(block.code);
    if (!b)
      out.set(
        block.code,
        (b = { code: block.code, name: { vi: block.nameVi, en: block.nameEn }, units: new Map() }),
      );
    if (unit) b.units.set(unit.code, { vi: unit.nameVi, en: unit.nameEn });
  }
  return [...out.values()];
}

async function surveyInfo(
  db: Db,
  family: string,
  year: number,
  excludeFlagged: boolean,
): Promise<ReleaseDocument['survey']> {
  const [se] = await db
    .select({ id: surveyEditions.id, hash: surveyEditions.contentHash, openMode: surveyEditions.openMode })
    .from(surveyEditions)
    .innerJoin(editions, eq(editions.id, surveyEditions.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(and(eq(families.code, family), eq(editions.year, year)));
  if (!se) return null;
  const [all] = await db.select({ n: count() }).from(responses).where(eq(responses.surveyEditionId, se.id));
  const [flagged] = await db
    .select({ n: count() })
    .from(responses)
    .where(and(eq(responses.surveyEditionId, se.id), eq(responses.flagged, true)));
  // Revoked codes are deleted, so the codes left are the invitations that went out.
  const [codes] = await db
    .select({ n: count() })
    .from(surveyCodes)
    .where(eq(surveyCodes.surveyEditionId, se.id));
  return {
    edition: year,
    definitionHash: se.hash,
    responses: all?.n ?? 0,
    excluded: excludeFlagged ? (flagged?.n ?? 0) : 0,
    invited: se.openMode || !codes?.n ? null : codes.n,
  };
}

function runBootstrap(inputs: EditionInputs, o: PublishEditionOptions) {
  if (!o.resamples) return undefined;
  return bootstrap(inputs.microdata.observations, o.methodology, {
    excludeFlagged: o.excludeFlagged ?? false,
    units: inputs.microdata.units,
    edition: o.year,
    ...(inputs.hard ? { hard: inputs.hard } : {}),
    resamples: o.resamples,
    seed: o.seed ?? 1,
    compute: { edition: o.year, history: inputs.history },
    onProgress: (done, total) => {
      if (done === total || done % Math.max(1, Math.floor(total / 4)) === 0)
        o.onProgress?.(`  bootstrap ${done}/${total}`);
    },
  });
}

/**
 * Scores one survey-based edition from its stored responses and publishes it as a signed release
 * (with intervals and rank ranges when `resamples` > 0). This is the publish step of the analyst
 * workspace, the score command and the demo.
 */
async function score(db: Db, o: PublishEditionOptions) {
  if (o.scored) return { table: o.scored.table, result: o.scored.result, boot: o.scored.bootstrap };
  const inputs = await loadEditionInputs(db, o.family, o.year, o.methodology, {
    excludeFlagged: o.excludeFlagged,
    ...(o.tables ? { tables: o.tables } : {}),
  });
  const result = computeIndex(o.methodology, inputs.table, { edition: o.year, history: inputs.history });
  return { table: inputs.table, result, boot: runBootstrap(inputs, o) };
}

export async function publishEdition(db: Db, key: SigningKey, o: PublishEditionOptions): Promise<Published> {
  const { table, result, boot } = await score(db, o);
  const names = await blockNames(db, o.family);
  return publishRelease(db, key, {
    family: o.family,
    year: o.year,
    blocks: computedBlocks(o.methodology, o.year, result, table, names, boot),
    methodology: {
      id: result.methodology.id,
      version: result.methodology.version,
      hash: result.methodology.hash,
      document: o.methodology,
    },
    origin: { kind: 'computed' },
    survey: await surveyInfo(db, o.family, o.year, o.excludeFlagged ?? false),
    period: await familyPeriod(db, o.family),
    note: o.note ?? null,
    supersedes: o.supersedes ?? null,
    ...(o.inTransaction ? { inTransaction: o.inTransaction } : {}),
  });
}
