import { Router } from 'express';
import type { Db } from '#server/db/client.js';
import { toCsv } from '#server/http/csv.js';
import { badRequest, notFound } from '#server/http/errors.js';
import { listFamilies } from '#server/repos/families.js';
import { getRanking, type Ranking } from '#server/repos/rankings.js';

const YEAR = /^\d{4}$/;

function rankingCsv(r: Ranking): string {
  const header = [
    'rank',
    'unit_code',
    'unit_vi',
    'unit_en',
    r.composite.code,
    'tier_vi',
    'tier_en',
    ...r.components.map((c) => c.code),
  ];
  const rows = r.rows.map((row) => [
    row.rank,
    row.unit.code,
    row.unit.name.vi,
    row.unit.name.en,
    row.composite,
    row.tier?.name.vi,
    row.tier?.name.en,
    ...r.components.map((c) => row.scores[c.code]),
  ]);
  return toCsv(header, rows);
}

/** Public read API: families with their editions, and rankings as JSON or CSV. */
export function rankingRoutes(db: Db): Router {
  const router = Router();
  router.get('/families', async (_req, res) => {
    res.json({ families: await listFamilies(db) });
  });

  router.get('/rankings/:family/:year', async (req, res) => {
    const match = /^(\d+)(\.csv|\.json)?$/.exec(req.params.year);
    if (!match || !YEAR.test(match[1]!)) {
      throw badRequest('invalid_year', {
        vi: `Năm không hợp lệ: "${req.params.year}" (cần 4 chữ số, ví dụ 2016)`,
        en: `Invalid year: "${req.params.year}" (expected four digits, e.g. 2016)`,
      });
    }
    const block = typeof req.query.block === 'string' ? req.query.block : undefined;
    const ranking = await getRanking(db, req.params.family, Number(match[1]), block);
    if (!ranking) {
      throw notFound({
        vi: `Không có bảng xếp hạng ${req.params.family} năm ${match[1]}${block ? ` cho khối ${block}` : ''}`,
        en: `No ${req.params.family} ranking for ${match[1]}${block ? ` in block ${block}` : ''}`,
      });
    }
    if (match[2] === '.csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${ranking.family.code}-${ranking.year}-${ranking.block.code}.csv`)
        .send('\uFEFF' + rankingCsv(ranking));
      return;
    }
    res.json(ranking);
  });
  return router;
}
