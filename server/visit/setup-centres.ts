import type { Actor } from '#server/auth/actor.js';
import type { Db } from '#server/db/client.js';
import { createBlock } from '#server/setup/families.js';
import { addLineage } from '#server/setup/lineage.js';
import { requireFamily } from '#server/setup/lookup.js';
import { saveUnit } from '#server/setup/units.js';
import { HttpError } from '#server/http/errors.js';
import { serverMessage } from '#server/http/messages.js';
import { CENTRES_BLOCK, demoCentreLineage, demoCentres } from './demo-centres.js';

/**
 * Gives a service-satisfaction family its block of centres, units and 2025 lineage through the
 * setup API (each step audited, as if an analyst had entered them), by default the demo province's.
 */
export async function setupServiceCentres(
  db: Db,
  actor: Actor,
  family: string,
  centres = demoCentres(),
  lineage = demoCentreLineage(),
): Promise<void> {
  const f = await requireFamily(db, family);
  if (f.kind !== 'service')
    throw new HttpError(422, 'wrong_family_kind', serverMessage('wrong_family_kind', { family }));
  await createBlock(db, actor, family, { ...CENTRES_BLOCK, sortOrder: 1 });
  for (const unit of centres) await saveUnit(db, actor, family, CENTRES_BLOCK.code, unit, 'create');
  for (const link of lineage) await addLineage(db, actor, family, link);
}
