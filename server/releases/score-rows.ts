import type { ReleaseDocument, ScoreCell } from '#api/releases.js';
import type { Db } from '#server/db/client.js';
import { releaseScores } from '#server/db/schema/index.js';

/** The query rows of a release: one per unit and component, the composite included. */
export async function insertScoreRows(tx: Db, doc: ReleaseDocument): Promise<number> {
  const rows: Array<typeof releaseScores.$inferInsert> = [];
  const row = (
    block: string,
    unit: string,
    component: string,
    c: ScoreCell,
    n: number | null,
    tier: string | null,
  ) => ({
    releaseId: doc.id,
    block,
    unit,
    component,
    value: c.value,
    rank: c.rank,
    reason: c.reason,
    tier,
    lower: c.interval?.[0] ?? null,
    upper: c.interval?.[1] ?? null,
    rankBest: c.rankRange?.[0] ?? null,
    rankWorst: c.rankRange?.[1] ?? null,
    n,
  });
  for (const b of doc.blocks)
    for (const u of b.units) {
      rows.push(row(b.code, u.code, 'composite', u.composite, u.n, u.tier?.code ?? null));
      for (const [code, c] of Object.entries(u.subIndices))
        rows.push(row(b.code, u.code, code, c, u.n, null));
    }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(releaseScores).values(rows.slice(i, i + 500));
  return rows.length;
}
