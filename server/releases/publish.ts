import type { EditionPeriod } from '#api/periods.js';
import { and, asc, eq, lt } from 'drizzle-orm';
import { canonicalJson, sha256Hex } from '#api/canonical-json.js';
import type { ReleaseBlock, ReleaseDocument, ReleaseMethodology, ReleaseOrigin } from '#api/releases.js';
import type { Localized } from '#api/text.js';
import type { Db } from '#server/db/client.js';
import { editions, families, releases } from '#server/db/schema/index.js';
import { withChanges } from './changes.js';
import { ReleaseError } from './errors.js';
import { lineageFor } from './lineage.js';
import { insertScoreRows } from './score-rows.js';
import { signBytes, type SigningKey } from './signing.js';
import { editionTitle } from './title.js';
import { serverMessage } from '#server/http/messages.js';

/** What a release says, before the publisher adds ids, changes, lineage and the signature. */
export interface ReleaseDraft {
  family: string;
  year: number;
  blocks: ReleaseBlock[];
  methodology: ReleaseMethodology;
  origin: ReleaseOrigin;
  survey?: ReleaseDocument['survey'];
  note?: Localized | null;
  /** Required when the edition already has a release: the id of the release this one corrects. */
  supersedes?: string | null;
  /** Defaults to now. */
  publishedAt?: string;
  /** How often the family publishes, for the title of a YYYYMM edition (default month). */
  period?: EditionPeriod;
  /** Bookkeeping of the caller (workflow state, audit log) done in the release's own transaction. */
  inTransaction?: (tx: Db, published: Published) => Promise<void>;
}

export interface Published {
  id: string;
  sha256: string;
  document: ReleaseDocument;
  /** The exact signed text (canonical JSON). */
  text: string;
}

async function editionOf(tx: Db, family: string, year: number) {
  const [row] = await tx
    .select({ family: families, edition: editions })
    .from(editions)
    .innerJoin(families, eq(families.id, editions.familyId))
    .where(and(eq(families.code, family), eq(editions.year, year)))
    .for('update', { of: editions });
  if (!row) throw new ReleaseError('unknown_edition', serverMessage('unknown_edition', { family, year }));
  return row;
}

/** The edition's current release: the one no other release supersedes. */
function currentOf<T extends { id: string; supersedes: string | null }>(rows: T[]): T | undefined {
  const superseded = new Set(rows.map((r) => r.supersedes));
  return rows.find((r) => !superseded.has(r.id));
}

function checkSupersedes(
  current: { id: string } | undefined,
  supersedes: string | null | undefined,
  label: string,
) {
  if (current && supersedes !== current.id)
    throw new ReleaseError(
      supersedes ? 'wrong_supersedes' : 'already_released',
      serverMessage('already_released', { label, id: current.id }),
    );
  if (!current && supersedes)
    throw new ReleaseError('wrong_supersedes', serverMessage('wrong_supersedes', { label, supersedes }));
}

async function previousRelease(tx: Db, familyId: number, year: number): Promise<ReleaseDocument | undefined> {
  const rows = await tx
    .select({
      id: releases.id,
      supersedes: releases.supersedes,
      year: releases.year,
      document: releases.document,
    })
    .from(releases)
    .where(and(eq(releases.familyId, familyId), lt(releases.year, year)))
    .orderBy(asc(releases.year), asc(releases.sequence));
  const lastYear = rows.at(-1)?.year;
  const current = currentOf(rows.filter((r) => r.year === lastYear));
  return current ? (JSON.parse(current.document) as ReleaseDocument) : undefined;
}

type EditionRow = Awaited<ReturnType<typeof editionOf>>;

async function assemble(tx: Db, draft: ReleaseDraft, { family }: EditionRow, sequence: number) {
  const previous = await previousRelease(tx, family.id, draft.year);
  const lineage = await lineageFor(tx, family.id, draft.blocks);
  const name = { vi: family.nameVi, en: family.nameEn };
  const document: ReleaseDocument = {
    format: 'ddci-release/1',
    id: `${family.code}-${draft.year}-r${sequence}`,
    family: {
      code: family.code,
      kind: family.kind,
      name,
      isDemo: family.isDemo === 1,
      source: family.sourceVi && family.sourceEn ? { vi: family.sourceVi, en: family.sourceEn } : null,
    },
    edition: draft.year,
    sequence,
    title: editionTitle(name, draft.year, draft.period),
    origin: draft.origin,
    publishedAt: draft.publishedAt ?? new Date().toISOString(),
    note: draft.note ?? null,
    supersedes: draft.supersedes ?? null,
    previous: previous?.id ?? null,
    methodology: draft.methodology,
    survey: draft.survey ?? null,
    blocks: withChanges(draft.blocks, lineage, previous),
    lineage,
  };
  return document;
}

async function store(tx: Db, key: SigningKey, document: ReleaseDocument, { family, edition }: EditionRow) {
  const text = canonicalJson(document);
  const sha256 = sha256Hex(text);
  await tx.insert(releases).values({
    id: document.id,
    familyId: family.id,
    editionId: edition.id,
    year: document.edition,
    sequence: document.sequence,
    supersedes: document.supersedes,
    origin: document.origin.kind,
    publishedAt: document.publishedAt,
    document: text,
    sha256,
    signature: signBytes(key, Buffer.from(text, 'utf8')).toString('base64'),
    keyFingerprint: key.fingerprint,
    methodologyHash: document.methodology.hash,
  });
  await insertScoreRows(tx, document);
  const m = document.methodology;
  await tx
    .update(editions)
    .set(
      document.origin.kind === 'computed'
        ? { status: 'published', methodologyVersion: `${m.id}@${m.version}` }
        : { status: 'published' },
    )
    .where(eq(editions.id, edition.id));
  return { id: document.id, sha256, document, text };
}

/**
 * Publishes one release in a single transaction: checks that it is the edition's first release or
 * supersedes its current one (the edition row is locked, so two publishers cannot both be first),
 * fills in changes against the family's previous edition and the lineage, writes the canonical
 * document with its Ed25519 signature and the query rows, and marks the edition published.
 * Nothing is written if any step fails.
 */
export async function publishRelease(db: Db, key: SigningKey, draft: ReleaseDraft): Promise<Published> {
  if (draft.blocks.every((b) => b.units.length === 0))
    throw new ReleaseError('empty_release', serverMessage('empty_release'));
  return db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const row = await editionOf(tx, draft.family, draft.year);
    const existing = await tx
      .select({ id: releases.id, supersedes: releases.supersedes })
      .from(releases)
      .where(eq(releases.editionId, row.edition.id));
    checkSupersedes(currentOf(existing), draft.supersedes, `${draft.family} ${draft.year}`);
    const document = await assemble(tx, draft, row, existing.length + 1);
    const published = await store(tx, key, document, row);
    await draft.inTransaction?.(tx, published);
    return published;
  });
}
