import { msg, str } from '@lit/localize';
import type { Ranking } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import { formatNumber } from '#client/src/shared/i18n.js';
import type { TierBand } from './tiers.js';
import { periodLabel } from '#api/periods.js';

/** Units whose interval overlaps the leader's: they could be first as well. */
function contenders(r: Ranking): number {
  const top = r.rows[0];
  if (!top?.interval) return 0;
  return r.rows.slice(1).filter((row) => row.interval && row.interval[1] >= top.interval![0]).length;
}

/**
 * One generated sentence that says what the ranking shows: who leads, who is last, how many reach
 * the best tier and how many could not be scored. It is also the chart's text alternative.
 */
export function rankingSummary(r: Ranking, bands: readonly TierBand[], lang: Lang): string {
  const ranked = r.rows.filter((row) => row.rank !== null && row.composite !== null);
  if (ranked.length === 0)
    return msg('No unit in this block has a published score.', { id: 'public.summary.none' });
  const first = ranked[0]!;
  const last = ranked[ranked.length - 1]!;
  const leaders = ranked.filter((row) => row.rank === first.rank).map((row) => row.unit.name[lang]);
  const name = leaders.join(lang === 'vi' ? ' và ' : ' and ');
  const total = r.rows.length;
  const top = formatNumber(lang, first.composite);
  const low = formatNumber(lang, last.composite);
  const lastName = last.unit.name[lang];
  let sentence =
    leaders.length > 1
      ? msg(
          str`In ${periodLabel(r.year, lang)}, ${name} share first place of ${total} with ${top} points; ${lastName} is last with ${low}`,
          {
            id: 'public.summary.tied',
          },
        )
      : msg(
          str`In ${periodLabel(r.year, lang)}, ${name} ranks first of ${total} with ${top} points and ${lastName} last with ${low}`,
          {
            id: 'public.summary.lead',
          },
        );
  const best = bands[0];
  const inBest = best ? r.rows.filter((row) => row.tier?.code === best.code).length : 0;
  if (best) sentence += msg(str`; ${inBest} rated “${best.name[lang]}”`, { id: 'public.summary.best-tier' });
  const close = contenders(r);
  if (close > 0)
    sentence += msg(str`; ${close} more have intervals that overlap the leader’s`, {
      id: 'public.summary.overlap',
    });
  const missing = total - ranked.length;
  if (missing > 0)
    sentence += msg(str`; ${missing} without a published score`, { id: 'public.summary.missing' });
  return `${sentence}.`;
}
