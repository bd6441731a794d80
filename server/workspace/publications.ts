import { and, desc, eq, inArray } from 'drizzle-orm';
import type { PublicationSummary } from '#api/admin-methodology.js';
import type { Methodology } from '#scoring/methodology/types.js';
import { recordAudit } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import type { Db } from '#server/db/client.js';
import {
  editions,
  families,
  familySettings,
  methodologyVersions,
  publications,
  users,
} from '#server/db/schema/index.js';
import { HttpError } from '#server/http/errors.js';
import { publishEdition } from '#server/releases/publish-edition.js';
import type { Published } from '#server/releases/publish.js';
import type { ReleaseService } from '#server/releases/service.js';
import { excludesFlagged } from './editions.js';
import { editionId, getVersion } from './methodologies.js';
import { currentRelease } from './released-ranks.js';
import { serverMessage } from '#server/http/messages.js';

type Row = typeof publications.$inferSelect;
const summary = (p: Row, hash: string, names: Map<number, string>): PublicationSummary => ({
  id: p.id,
  state: p.state,
  versionId: p.methodologyVersionId,
  versionHash: hash,
  createdBy: p.createdBy ? (names.get(p.createdBy) ?? null) : null,
  submittedBy: p.submittedBy ? (names.get(p.submittedBy) ?? null) : null,
  publishedBy: p.publishedBy ? (names.get(p.publishedBy) ?? null) : null,
  releaseId: p.releaseId,
  updatedAt: p.updatedAt.toISOString(),
});

export async function listPublications(db: Db, family: string, year: number): Promise<PublicationSummary[]> {
  const id = await editionId(db, family, year);
  const rows = await db
    .select({ p: publications, hash: methodologyVersions.hash })
    .from(publications)
    .innerJoin(methodologyVersions, eq(methodologyVersions.id, publications.methodologyVersionId))
    .where(eq(publications.editionId, id))
    .orderBy(desc(publications.id));
  const ids = [
    ...new Set(
      rows
        .flatMap((r) => [r.p.createdBy, r.p.submittedBy, r.p.publishedBy])
        .filter((x): x is number => x !== null),
    ),
  ];
  const names = new Map(
    ids.length
      ? (await db.select({ id: users.id, u: users.username }).from(users).where(inArray(users.id, ids))).map(
          (r) => [r.id, r.u],
        )
      : [],
  );
  return rows.map((r) => summary(r.p, r.hash, names));
}

/** Starts the workflow for a saved methodology version: a draft publication. */
export async function draftPublication(
  db: Db,
  actor: Actor,
  family: string,
  year: number,
  versionId: number,
): Promise<number> {
  const id = await editionId(db, family, year);
  const v = await getVersion(db, versionId);
  if (v.editionId !== id)
    throw new HttpError(422, 'validation_failed', serverMessage('validation_failed.version_edition'), [
      {
        path: '/versionId',
        code: 'wrong_edition',
        message: serverMessage('wrong_edition'),
      },
    ]);
  return db.transaction(async (tx) => {
    const [p] = await tx
      .insert(publications)
      .values({ editionId: id, methodologyVersionId: versionId, createdBy: actor.id })
      .returning();
    await recordAudit(tx, actor, {
      action: 'publication.draft',
      entityType: 'publication',
      entityId: p!.id,
      familyCode: family,
      after: { year, versionId, hash: v.hash, state: 'draft' },
    });
    return p!.id;
  });
}

async function loadPublication(db: Db, id: number) {
  const [row] = await db
    .select({ p: publications, family: families.code, familyId: families.id, year: editions.year })
    .from(publications)
    .innerJoin(editions, eq(editions.id, publications.editionId))
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(eq(publications.id, id));
  if (!row) throw new HttpError(404, 'not_found', serverMessage('not_found.publication'));
  return row;
}

const wrongState = (state: string, wanted: string) =>
  new HttpError(
    409,
    'invalid_transition',
    serverMessage('invalid_transition.publication', { state, wanted }),
  );

/** draft → review: the editor hands it to a reviewer. */
export async function submitForReview(db: Db, actor: Actor, id: number): Promise<void> {
  const { p, family } = await loadPublication(db, id);
  if (p.state !== 'draft') throw wrongState(p.state, 'draft');
  await db.transaction(async (tx) => {
    await tx
      .update(publications)
      .set({ state: 'review', submittedBy: actor.id, updatedAt: new Date() })
      .where(and(eq(publications.id, id), eq(publications.state, 'draft')));
    await recordAudit(tx, actor, {
      action: 'publication.review',
      entityType: 'publication',
      entityId: id,
      familyCode: family,
      before: { state: 'draft' },
      after: { state: 'review' },
    });
  });
}

/**
 * review → published: scores the edition with the version under the edition's flagged setting and
 * creates the signed release (superseding the current one: a correction). With four eyes on, the
 * publisher must differ from whoever last edited (saved the methodology version or drafted this).
 */
export async function publishPublication(
  db: Db,
  actor: Actor,
  releases: ReleaseService | undefined,
  id: number,
): Promise<PublicationSummary> {
  if (!releases) throw new HttpError(503, 'releases_unavailable', serverMessage('releases_unavailable'));
  const { p, family, familyId, year } = await loadPublication(db, id);
  if (p.state !== 'review') throw wrongState(p.state, 'review');
  const v = await getVersion(db, p.methodologyVersionId);
  const [settings] = await db.select().from(familySettings).where(eq(familySettings.familyId, familyId));
  if (settings?.requireFourEyes && (actor.id === v.createdBy || actor.id === p.createdBy))
    throw new HttpError(403, 'four_eyes', serverMessage('four_eyes'));
  const previous = await currentRelease(db, family, year);
  // The publication row and its audit entry are written in the release's own transaction, so a
  // failure anywhere leaves neither a release without its workflow state nor the reverse.
  await publishEdition(db, releases.key, {
    family,
    year,
    methodology: v.body as Methodology,
    excludeFlagged: await excludesFlagged(db, family, year),
    supersedes: previous?.id ?? null,
    inTransaction: (tx, release) =>
      recordPublished(tx, actor, { id, family, year, hash: v.hash, release, previous: previous?.id ?? null }),
  });
  await releases.refresh();
  return (await listPublications(db, family, year)).find((x) => x.id === id)!;
}

interface PublishedFacts {
  id: number;
  family: string;
  year: number;
  hash: string;
  release: Published;
  previous: string | null;
}

/** The workflow's bookkeeping of a publish, run inside the release's transaction. */
async function recordPublished(tx: Db, actor: Actor, f: PublishedFacts): Promise<void> {
  const moved = await tx
    .update(publications)
    .set({ state: 'published', publishedBy: actor.id, releaseId: f.release.id, updatedAt: new Date() })
    .where(and(eq(publications.id, f.id), eq(publications.state, 'review')))
    .returning({ id: publications.id });
  if (!moved.length) throw wrongState('published', 'review');
  if (f.previous)
    await tx
      .update(publications)
      .set({ state: 'superseded', updatedAt: new Date() })
      .where(and(eq(publications.releaseId, f.previous), eq(publications.state, 'published')));
  await recordAudit(tx, actor, {
    action: 'release.publish',
    entityType: 'release',
    entityId: f.release.id,
    familyCode: f.family,
    before: f.previous ? { release: f.previous } : null,
    after: {
      year: f.year,
      release: f.release.id,
      sha256: f.release.sha256,
      methodologyHash: f.hash,
      supersedes: f.previous,
    },
  });
}
