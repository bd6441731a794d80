import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/client.js';
import { codeFirms, codeStrata, surveyCodes } from '#server/db/schema/index.js';
import { toCsv } from '#server/http/csv.js';
import { CODE_PAYLOAD_LENGTH, formatCode, parseCode } from '#surveys/code-format.js';
import type { CodeHasher } from './code-hash.js';
import { seal } from './seal.js';

/**
 * The sampled firm a code is sent to. code_firms keeps it sealed under the server key; response
 * rates by stratum come from per-value counters (code_strata), never from a stratum per code.
 */
export interface FirmReference {
  firmRef?: string;
  size?: string;
  sector?: string;
  ownership?: string;
}

export interface IssuedCode extends FirmReference {
  code: string;
}

export type Dimension = 'size' | 'sector' | 'ownership';
export const DIMENSIONS: readonly Dimension[] = ['size', 'sector', 'ownership'];

/** The stratum values a firm reference carries. */
export function stratumOf(f: FirmReference): Partial<Record<Dimension, string>> {
  const out: Partial<Record<Dimension, string>> = {};
  for (const d of DIMENSIONS) if (f[d] !== undefined && f[d] !== null) out[d] = String(f[d]);
  return out;
}

/**
 * Adds to the issued or submitted counter of each stratum value (one statement); `step` -1 takes
 * them back (revoked codes).
 */
export async function countStrata(
  tx: Db,
  surveyEditionId: number,
  strata: Array<Partial<Record<Dimension, string>>>,
  column: 'issued' | 'submitted',
  step: 1 | -1 = 1,
): Promise<void> {
  const counts = new Map<string, number>();
  for (const s of strata)
    for (const [d, v] of Object.entries(s))
      counts.set(`${d}\u0000${v}`, (counts.get(`${d}\u0000${v}`) ?? 0) + step);
  if (counts.size === 0) return;
  const rows = JSON.stringify([...counts].map(([k, n]) => [...k.split('\u0000'), n]));
  const target = column === 'issued' ? sql.raw('issued') : sql.raw('submitted');
  await tx.execute(sql`
    insert into ${codeStrata} (survey_edition_id, dimension, value, ${target})
    select ${surveyEditionId}::int, x->>0, x->>1, (x->>2)::int from jsonb_array_elements(${rows}::jsonb) x
    on conflict (survey_edition_id, dimension, value) do update set ${target} = ${codeStrata}.${target} + excluded.${target}`);
}

/** A fresh code from node:crypto: 13 symbols × 5 bits; 32 divides 256, so masking is unbiased. */
export function randomCode(): string {
  const bytes = randomBytes(CODE_PAYLOAD_LENGTH);
  return formatCode([...bytes].map((b) => b & 31));
}

/**
 * Issues one code per firm (or `count` codes without firms) and stores only their keyed hashes.
 * The plaintext list is returned once, for the mail merge; it cannot be produced again.
 */
export async function issueCodes(
  db: Db,
  hasher: CodeHasher,
  surveyEditionId: number,
  firms: FirmReference[],
): Promise<IssuedCode[]> {
  const issued: IssuedCode[] = firms.map((f) => ({ ...f, code: randomCode() }));
  await db.transaction(async (tx) => {
    for (let i = 0; i < issued.length; i += 1000) {
      const part = issued
        .slice(i, i + 1000)
        .map((c) => ({ ...c, hash: hasher.code((parseCode(c.code) as { code: string }).code) }));
      await tx.insert(surveyCodes).values(part.map((c) => ({ codeHash: c.hash, surveyEditionId })));
      const withFirm = part.filter(
        (c) =>
          c.firmRef !== undefined ||
          c.size !== undefined ||
          c.sector !== undefined ||
          c.ownership !== undefined,
      );
      if (withFirm.length > 0) {
        await tx.insert(codeFirms).values(
          withFirm.map((c) => ({
            codeHash: c.hash,
            sealed: seal(hasher.sealKey, 'firm', { firmRef: c.firmRef, ...stratumOf(c) }, c.hash),
          })),
        );
        await countStrata(tx as unknown as Db, surveyEditionId, withFirm.map(stratumOf), 'issued');
      }
    }
  });
  return issued;
}

/** Mail-merge / SMS file: one row per code, formula-safe, with the firm reference when given. */
export function codesCsv(slug: string, codes: IssuedCode[]): string {
  return toCsv(
    ['survey', 'code', 'firm_ref', 'size', 'sector', 'ownership'],
    codes.map((c) => [slug, c.code, c.firmRef, c.size, c.sector, c.ownership]),
  );
}
