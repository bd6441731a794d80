import { asc, eq } from 'drizzle-orm';
import type { ReleaseBlock, ReleaseMethodology, ReleaseUnit, ScoreCell } from '#api/releases.js';
import { contentHash } from '#api/canonical-json.js';
import type { Db } from '#server/db/client.js';
import { blocks } from '#server/db/schema/index.js';
import { shippedMethodology, SHIPPED_METHODOLOGIES } from '#server/publish/methodology-file.js';
import { methodologyHash } from '#scoring/methodology/hash.js';
import { existsSync } from 'node:fs';
import { getStoredScores, type StoredScores } from '#server/repos/rankings.js';
import { sortUnits } from './sort-units.js';

const cell = (value: number | null, rank: number | null, reason: string | null): ScoreCell => ({
  value,
  rank,
  reason: value === null ? (reason ?? 'missing') : null,
  interval: null,
  rankRange: null,
});

function blockOf(s: StoredScores): ReleaseBlock {
  const units: ReleaseUnit[] = s.rows.map((r) => ({
    code: r.unit.code,
    name: r.unit.name,
    n: null,
    composite: cell(r.composite, r.rank, r.reason),
    tier: r.tier,
    change: null,
    subIndices: Object.fromEntries(
      s.components.map((c) => [
        c.code,
        cell(r.scores[c.code] ?? null, r.ranks[c.code] ?? null, r.reasons[c.code] ?? null),
      ]),
    ),
  }));
  return {
    code: s.block.code,
    name: s.block.name,
    composite: { code: s.composite.code, name: s.composite.name, weight: null },
    components: s.components,
    tiers: s.tiers,
    uncertainty: null,
    units: sortUnits(units),
  };
}

/**
 * Release blocks of an imported edition (e.g. PCI 2006–2016 as VCCI published it), read from the
 * stored scores; blocks without scores are left out.
 */
export async function importedBlocks(db: Db, familyId: number, family: string, year: number) {
  const rows = await db
    .select()
    .from(blocks)
    .where(eq(blocks.familyId, familyId))
    .orderBy(asc(blocks.sortOrder));
  const out: ReleaseBlock[] = [];
  for (const b of rows) {
    const stored = await getStoredScores(db, family, year, b.code);
    if (stored && stored.rows.length > 0) out.push(blockOf(stored));
  }
  return out;
}

/**
 * An imported edition's methodology as published: the component weights of each block, with the
 * methodology version the importer recorded. Hashed like any methodology (canonical JSON).
 */
function publishedMethodology(version: string | null, year: number, out: ReleaseBlock[]): ReleaseMethodology {
  const document = {
    kind: 'published-weights',
    version: version ?? `published-${year}`,
    blocks: out.map((b) => ({
      block: b.code,
      composite: b.composite.code,
      components: b.components.map((c) => ({ code: c.code, weight: c.weight })),
    })),
  };
  return { id: version ?? 'published', version: String(year), hash: contentHash(document), document };
}

/**
 * The methodology of an imported edition: the shipped `scoring/methodologies/FAMILY-YEAR.json` where
 * there is one whose blocks and sub-indices are those of the release (PCI 2013–2016), so the public
 * legend shows the published tier cut-offs and the methodology page the method; otherwise the
 * published component weights alone.
 */
export function importedMethodology(
  family: string,
  version: string | null,
  year: number,
  out: ReleaseBlock[],
): ReleaseMethodology {
  const file = new URL(`${family}-${year}.json`, SHIPPED_METHODOLOGIES);
  if (!existsSync(file)) return publishedMethodology(version, year, out);
  const m = shippedMethodology(`${family}-${year}`);
  const children = m.tree.children.map((c) => c.code).join();
  const fits = out.every(
    (b) =>
      (m.blocks ?? []).some((x) => x.code === b.code) && b.components.map((c) => c.code).join() === children,
  );
  if (!fits) return publishedMethodology(version, year, out);
  // The id stays the regime the importer recorded (pci-2013), which trends read for breaks.
  return { id: version ?? m.id, version: m.version, hash: methodologyHash(m), document: m };
}
