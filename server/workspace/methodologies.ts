import { readFileSync } from 'node:fs';
import { and, desc, eq } from 'drizzle-orm';
import type { MethodologyList, MethodologyVersion, PreviewData } from '#api/admin-methodology.js';
import { contentHash } from '#api/canonical-json.js';
import { checkMethodology, MethodologyError } from '#scoring/methodology/check.js';
import type { Methodology } from '#scoring/methodology/types.js';
import { recordAudit } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import type { Db } from '#server/db/client.js';
import { editions, families, methodologyVersions, users } from '#server/db/schema/index.js';
import { fieldError, HttpError, invalid } from '#server/http/errors.js';
import { loadEditionInputs } from '#server/publish/score-edition.js';
import { excludesFlagged } from './editions.js';
import { issueMessage, nodeVi } from '#server/http/messages/methodology.js';
import { releasedRanks } from './released-ranks.js';
import { serverMessage } from '#server/http/messages.js';

const TEMPLATE = new URL('../../scoring/methodologies/ddci-demo.json', import.meta.url);

/** The family's edition row for the year (the methodology and releases hang off it). */
export async function editionId(db: Pick<Db, 'select'>, family: string, year: number): Promise<number> {
  const [row] = await db
    .select({ id: editions.id })
    .from(editions)
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(and(eq(families.code, family), eq(editions.year, year)));
  if (!row) throw new HttpError(404, 'not_found', serverMessage('not_found.edition_year', { family, year }));
  return row.id;
}

type Row = typeof methodologyVersions.$inferSelect;
const summary = (r: Row, by: string | null): MethodologyVersion => {
  const m = r.body as Partial<Methodology>;
  return {
    id: r.id,
    hash: r.hash,
    note: r.note,
    createdBy: by,
    createdAt: r.createdAt.toISOString(),
    methodologyId: String(m.id ?? ''),
    methodologyVersion: String(m.version ?? ''),
  };
};

export async function listVersions(db: Db, family: string, year: number): Promise<MethodologyList> {
  const id = await editionId(db, family, year);
  const rows = await db
    .select({ v: methodologyVersions, by: users.username })
    .from(methodologyVersions)
    .leftJoin(users, eq(users.id, methodologyVersions.createdBy))
    .where(eq(methodologyVersions.editionId, id))
    .orderBy(desc(methodologyVersions.id));
  return {
    versions: rows.map((r) => summary(r.v, r.by)),
    template: JSON.parse(readFileSync(TEMPLATE, 'utf8')),
  };
}

export async function getVersion(db: Db, id: number): Promise<Row> {
  const [row] = await db.select().from(methodologyVersions).where(eq(methodologyVersions.id, id));
  if (!row) throw new HttpError(404, 'not_found', serverMessage('not_found.methodology_version'));
  return row;
}

/** The methodology checked by scoring/'s schema and rules; each problem is a 422 detail at its node. */
export function checked(input: unknown): Methodology {
  try {
    return checkMethodology(input);
  } catch (e) {
    if (!(e instanceof MethodologyError)) throw e;
    throw invalid(
      e.issues.slice(0, 50).map((i) =>
        fieldError(
          `/methodology${i.path}`,
          i.rule,
          serverMessage('methodology_rule', {
            node: i.node ? { vi: `${nodeVi(i.node)}: `, en: `${i.node}: ` } : '',
            message: issueMessage(i),
            rule: i.rule,
          }),
        ),
      ),
      'invalid_methodology',
      e.issues.length,
    );
  }
}

/** Saves a version (or returns the identical one already saved), audited with its hash. */
export async function saveVersion(
  db: Db,
  actor: Actor,
  family: string,
  year: number,
  input: unknown,
  note?: string,
): Promise<MethodologyVersion> {
  const m = checked(input);
  const id = await editionId(db, family, year);
  const hash = contentHash(m);
  return db.transaction(async (tx) => {
    const [same] = await tx
      .select()
      .from(methodologyVersions)
      .where(and(eq(methodologyVersions.editionId, id), eq(methodologyVersions.hash, hash)));
    if (same) return summary(same, null);
    const [prev] = await tx
      .select({ hash: methodologyVersions.hash })
      .from(methodologyVersions)
      .where(eq(methodologyVersions.editionId, id))
      .orderBy(desc(methodologyVersions.id))
      .limit(1);
    const [row] = await tx
      .insert(methodologyVersions)
      .values({ editionId: id, hash, body: m, note: note?.slice(0, 500) || null, createdBy: actor.id })
      .returning();
    await recordAudit(tx, actor, {
      action: 'methodology.save',
      entityType: 'methodology',
      entityId: row!.id,
      familyCode: family,
      before: prev ? { hash: prev.hash } : null,
      after: { year, hash, note: row!.note },
    });
    return summary(row!, actor.username);
  });
}

/** What the browser needs to score the edition itself: the indicator table under the edition's flagged setting. */
export async function previewData(
  db: Db,
  family: string,
  year: number,
  input: unknown,
): Promise<PreviewData> {
  const m = checked(input);
  const excludeFlagged = await excludesFlagged(db, family, year);
  const inputs = await loadEditionInputs(db, family, year, m, { excludeFlagged });
  return {
    table: inputs.table,
    history: inputs.history,
    excludeFlagged,
    released: await releasedRanks(db, family, year),
  };
}
