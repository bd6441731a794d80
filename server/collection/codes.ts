import { randomBytes } from 'node:crypto';
import type { Db } from '#server/db/client.js';
import { codeFirms, surveyCodes } from '#server/db/schema/index.js';
import { toCsv } from '#server/http/csv.js';
import { CODE_PAYLOAD_LENGTH, formatCode, parseCode } from '#surveys/code-format.js';
import type { CodeHasher } from './code-hash.js';

/** The sampled firm a code is sent to; only its stratum is kept, in code_firms. */
export interface FirmReference {
  firmRef?: string;
  size?: string;
  sector?: string;
  ownership?: string;
}

export interface IssuedCode extends FirmReference {
  code: string;
}

export const MAX_CODES_PER_REQUEST = 50_000;

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
            firmRef: c.firmRef ?? null,
            size: c.size ?? null,
            sector: c.sector ?? null,
            ownership: c.ownership ?? null,
          })),
        );
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
