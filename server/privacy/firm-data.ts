// The firm data used to send survey codes (a firm reference and its size/sector/ownership stratum,
// sealed per code in code_firms) is personal data under Vietnam's Decree 13/2023 on personal data
// protection: kept apart from the answers, deleted after the edition closes, and exportable and
// deletable on a firm's request. See docs/data-inventory.md.
import { eq, inArray, lt } from 'drizzle-orm';
import type { CodeHasher } from '#server/collection/code-hash.js';
import { unseal } from '#server/collection/seal.js';
import type { Db } from '#server/db/client.js';
import { codeFirms, surveyCodes, surveyEditions } from '#server/db/schema/index.js';

export const DEFAULT_RETENTION_DAYS = 90;

interface SealedFirm {
  firmRef?: string;
  size?: string;
  sector?: string;
  ownership?: string;
}

export interface FirmRecord {
  edition: string;
  closesOn: string;
  firmRef: string;
  size?: string;
  sector?: string;
  ownership?: string;
  /** Whether the code sent to the firm was used (never which answers are its own: they are not linked). */
  codeUsed: boolean;
  /** The day this record is deleted by the retention rule. */
  deletedAfter: string;
}

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Every firm record whose firm reference is `firmRef` (unsealed one by one; they are not indexed by it). */
async function matching(db: Db, hasher: CodeHasher, firmRef: string) {
  const rows = await db
    .select({
      codeHash: codeFirms.codeHash,
      sealed: codeFirms.sealed,
      used: surveyCodes.used,
      slug: surveyEditions.slug,
      closesOn: surveyEditions.closesOn,
    })
    .from(codeFirms)
    .innerJoin(surveyCodes, eq(surveyCodes.codeHash, codeFirms.codeHash))
    .innerJoin(surveyEditions, eq(surveyEditions.id, surveyCodes.surveyEditionId));
  return rows
    .map((r) => ({ ...r, firm: unseal<SealedFirm>(hasher.sealKey, 'firm', r.sealed, r.codeHash) }))
    .filter((r) => r.firm.firmRef === firmRef);
}

/** A firm's request for its data: what is held about `firmRef`, in every edition. */
export async function exportFirmData(
  db: Db,
  hasher: CodeHasher,
  firmRef: string,
  retentionDays = DEFAULT_RETENTION_DAYS,
): Promise<FirmRecord[]> {
  return (await matching(db, hasher, firmRef)).map((r) => ({
    edition: r.slug,
    closesOn: String(r.closesOn),
    firmRef,
    ...(r.firm.size !== undefined ? { size: r.firm.size } : {}),
    ...(r.firm.sector !== undefined ? { sector: r.firm.sector } : {}),
    ...(r.firm.ownership !== undefined ? { ownership: r.firm.ownership } : {}),
    codeUsed: r.used,
    deletedAfter: addDays(String(r.closesOn), retentionDays),
  }));
}

/** A firm's request for deletion: removes its firm records; the aggregate stratum counts stay. */
export async function deleteFirmData(db: Db, hasher: CodeHasher, firmRef: string): Promise<number> {
  const hashes = (await matching(db, hasher, firmRef)).map((r) => r.codeHash);
  if (hashes.length === 0) return 0;
  await db.delete(codeFirms).where(inArray(codeFirms.codeHash, hashes));
  return hashes.length;
}

/** The retention rule: firm records of editions closed more than `retentionDays` ago are deleted. */
export async function purgeExpiredFirmData(
  db: Db,
  retentionDays = DEFAULT_RETENTION_DAYS,
  today = new Date().toISOString().slice(0, 10),
): Promise<number> {
  const cutoff = addDays(today, -retentionDays);
  const expired = db
    .select({ codeHash: surveyCodes.codeHash })
    .from(surveyCodes)
    .innerJoin(surveyEditions, eq(surveyEditions.id, surveyCodes.surveyEditionId))
    .where(lt(surveyEditions.closesOn, cutoff));
  const deleted = await db
    .delete(codeFirms)
    .where(inArray(codeFirms.codeHash, expired))
    .returning({ codeHash: codeFirms.codeHash });
  return deleted.length;
}
