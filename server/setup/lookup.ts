import { and, eq } from 'drizzle-orm';
import type { Tx } from '#server/audit/log.js';
import { blocks, families, units } from '#server/db/schema/index.js';
import { fieldError, HttpError, invalid } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';

export type FamilyRow = typeof families.$inferSelect;
export type BlockRow = typeof blocks.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

export async function requireFamily(tx: Pick<Tx, 'select'>, code: string): Promise<FamilyRow> {
  const [f] = await tx.select().from(families).where(eq(families.code, code));
  if (!f) throw new HttpError(404, 'not_found', serverMessage('not_found.family', { family: code }));
  return f;
}

export async function requireBlock(
  tx: Pick<Tx, 'select'>,
  familyId: number,
  code: string,
): Promise<BlockRow> {
  const [b] = await tx
    .select()
    .from(blocks)
    .where(and(eq(blocks.familyId, familyId), eq(blocks.code, code)));
  if (!b) throw new HttpError(404, 'not_found', serverMessage('not_found.block', { block: code }));
  return b;
}

export async function findUnit(
  tx: Pick<Tx, 'select'>,
  blockId: number,
  code: string,
): Promise<UnitRow | undefined> {
  const [u] = await tx
    .select()
    .from(units)
    .where(and(eq(units.blockId, blockId), eq(units.code, code)));
  return u;
}

/** 422 naming the field when a value is taken. */
export const taken = (path: string, what: 'family' | 'block' | 'unit', value: string): HttpError =>
  invalid([fieldError(path, 'already_exists', serverMessage(`already_exists.${what}`, { value }))]);

export function checkRange(
  validFrom: string | null | undefined,
  validTo: string | null | undefined,
  path = '',
): void {
  if (validFrom && validTo && validFrom > validTo)
    throw invalid([fieldError(`${path}/validTo`, 'range_reversed', serverMessage('range_reversed'))]);
}
