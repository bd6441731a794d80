import { scores } from '#server/db/schema/index.js';
import { upsert } from '#server/db/upsert.js';
import { existedIn } from '#server/import/context.js';
import { ensureEdition } from '#server/import/family.js';
import type { ImportKind } from '#server/import/kind.js';
import { FIRST_YEAR, LAST_YEAR } from './pci-indicator-keys.js';

const SUBINDEX_COLUMNS = [
  'entry_costs',
  'land_access',
  'transparency',
  'time_costs',
  'informal_charges',
  'policy_bias',
  'proactivity',
  'business_support',
  'labor_training',
  'legal_institutions',
] as const;

/** Published sub-index scores, composite, rank and tier (pci-scores-2006-2016.csv). */
export const pciScores: ImportKind = {
  name: 'pci-scores',
  description:
    'published sub-indices, composite, rank and tier per province and year (pci-scores-2006-2016.csv)',
  columns: ['year', 'rank', 'province_key', ...SUBINDEX_COLUMNS, 'pci_weighted', 'tier_vi'],
  async run(db, csv, issues, ctx) {
    const seen = new Map<string, number>();
    const parsed = csv.rows.map(({ line, values: v }) => {
      const year = issues.integer(line, 'year', v.year, FIRST_YEAR, LAST_YEAR);
      const unit = ctx.provinces.get(v.province_key ?? '');
      if (!unit) issues.add(line, 'province_key', `unknown province key "${v.province_key}"`);
      else if (year !== null && !existedIn(unit, year))
        issues.add(line, 'province_key', `province "${v.province_key}" did not exist in ${year}`);
      issues.unique(
        seen,
        `${v.year}|${v.province_key}`,
        line,
        'province_key',
        'row for this year and province',
      );
      const rank = issues.integer(line, 'rank', v.rank, 1, 1000);
      const weights = ctx.spec.weights.find((w) => year !== null && year >= w.from && year <= w.to)?.weights;
      if (year !== null && !weights) issues.add(line, 'year', `no PCI methodology is known for ${year}`);
      const values = SUBINDEX_COLUMNS.map((col) => {
        const inEdition = weights !== undefined && col in weights;
        const score = issues.number(line, col, v[col], { optional: !inEdition });
        if (!inEdition && score !== null)
          issues.add(line, col, `sub-index is not part of the ${year} methodology; leave it empty`);
        return { col, score };
      });
      const composite = issues.number(line, 'pci_weighted', v.pci_weighted);
      const tier = v.tier_vi ? ctx.ids.tierCodes.get(v.tier_vi) : null;
      if (tier === undefined)
        issues.add(
          line,
          'tier_vi',
          `unknown tier "${v.tier_vi}"; expected one of ${[...ctx.ids.tierCodes.keys()].join(', ')}`,
        );
      for (const s of [composite, ...values.map((x) => x.score)]) {
        if (s !== null && (s < 0 || s > 100)) issues.add(line, '', `score ${s} is outside 0–100`);
      }
      return { year: year!, unitId: unit?.id ?? 0, rank, values, composite, tier: tier ?? null };
    });
    issues.fail();
    const editionIds = new Map<number, number>();
    for (const year of new Set(parsed.map((p) => p.year)))
      editionIds.set(year, await ensureEdition(db, ctx.spec, ctx.ids, year));
    const source = 'VCCI PCI workbook (published)';
    const rows = parsed.flatMap((p) => {
      const editionId = editionIds.get(p.year)!;
      const composite = {
        editionId,
        unitId: p.unitId,
        componentId: ctx.ids.componentIds.get(ctx.spec.composite.code)!,
        score: p.composite,
        rank: p.rank,
        tier: p.tier,
        missingReason: null,
        source,
      };
      const subs = p.values
        .filter((x) => x.score !== null)
        .map((x) => ({
          editionId,
          unitId: p.unitId,
          componentId: ctx.ids.componentIds.get(x.col)!,
          score: x.score,
          rank: null,
          tier: null,
          missingReason: null,
          source,
        }));
      return [composite, ...subs];
    });
    return upsert(
      db,
      scores,
      rows,
      [scores.editionId, scores.unitId, scores.componentId],
      ['score', 'rank', 'tier', 'missingReason', 'source'],
      1000,
    );
  },
};
