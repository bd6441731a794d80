import { eq } from 'drizzle-orm';
import type { BoundariesResult } from '#api/admin-setup.js';
import { recordAudit } from '#server/audit/log.js';
import type { Actor } from '#server/auth/actor.js';
import type { Db } from '#server/db/client.js';
import { blockBoundaries, units } from '#server/db/schema/index.js';
import { fieldError, invalid } from '#server/http/errors.js';
import { requireBlock, requireFamily } from './lookup.js';
import type { Localized } from '#api/text.js';
import { serverMessage } from '#server/http/messages.js';

const CODE_KEYS = ['code', 'unit_code', 'ma', 'ma_xa', 'ma_dvhc', 'id'];
const MAX_FEATURES = 5000;

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

const bad = (path: string, message: Localized) => invalid([fieldError(path, 'invalid_geojson', message)]);

function features(geo: unknown): Feature[] {
  const fc = geo as { type?: unknown; features?: unknown };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw bad('/type', serverMessage('invalid_geojson.type'));
  if (fc.features.length === 0 || fc.features.length > MAX_FEATURES)
    throw bad('/features', serverMessage('invalid_geojson.count', { limit: MAX_FEATURES }));
  fc.features.forEach((f: Feature, i) => {
    const g = f?.geometry;
    if (
      f?.type !== 'Feature' ||
      !g ||
      !['Polygon', 'MultiPolygon'].includes(g.type) ||
      !Array.isArray(g.coordinates)
    )
      throw bad(`/features/${i}/geometry`, serverMessage('invalid_geojson.geometry'));
  });
  return fc.features as Feature[];
}

/** The property naming each feature's unit: the one asked for, else the first common key present. */
function codeProperty(list: Feature[], asked?: string): string {
  if (asked) return asked;
  const props = list[0]?.properties ?? {};
  const key = CODE_KEYS.find((k) => k in props);
  if (!key)
    throw bad(
      '/codeProperty',
      serverMessage('invalid_geojson.code_property', { keys: CODE_KEYS.join(', ') }),
    );
  return key;
}

/** Stores a block's boundaries matched to its unit codes (replacing earlier ones), audited by counts. */
export async function uploadBoundaries(
  db: Db,
  actor: Actor,
  family: string,
  block: string,
  geo: unknown,
  asked?: string,
): Promise<BoundariesResult> {
  const list = features(geo);
  const key = codeProperty(list, asked);
  const f = await requireFamily(db, family);
  const b = await requireBlock(db, f.id, block);
  const codes = new Set(
    (await db.select({ code: units.code }).from(units).where(eq(units.blockId, b.id))).map((u) => u.code),
  );
  const featureCodes = list.map((ft) => String(ft.properties?.[key] ?? ''));
  const matched = featureCodes.filter((c) => codes.has(c));
  if (matched.length === 0)
    throw bad(`/features/0/properties/${key}`, serverMessage('invalid_geojson.no_match', { block, key }));
  const result: BoundariesResult = {
    block,
    features: list.length,
    matched: new Set(matched).size,
    missing: [...codes].filter((c) => !featureCodes.includes(c)).sort(),
    unknown: featureCodes.filter((c) => !codes.has(c)).slice(0, 100),
  };
  const stored = {
    type: 'FeatureCollection',
    features: list,
    stats: { features: result.features, matched: result.matched },
  };
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ codeProperty: blockBoundaries.codeProperty })
      .from(blockBoundaries)
      .where(eq(blockBoundaries.blockId, b.id));
    await tx
      .insert(blockBoundaries)
      .values({ blockId: b.id, geojson: stored, codeProperty: key })
      .onConflictDoUpdate({
        target: blockBoundaries.blockId,
        set: { geojson: stored, codeProperty: key, uploadedAt: new Date() },
      });
    await recordAudit(tx, actor, {
      action: 'boundaries.upload',
      entityType: 'block',
      entityId: `${family}/${block}`,
      familyCode: family,
      before: before ?? null,
      after: {
        codeProperty: key,
        features: result.features,
        matched: result.matched,
        missing: result.missing.length,
      },
    });
  });
  return result;
}
