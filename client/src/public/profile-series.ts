import type { FamilySummary, LineageStep, ProfileEntry, UnitProfile } from '#api/releases.js';
import type { Lang } from '#api/text.js';
import type { TrendSeries } from './charts/trend-state.js';

export interface Marks {
  breaks: Array<{ year: number; label: string }>;
  lineage: Array<{ year: number; label: string }>;
}

/** Editions where the methodology changed from the edition before (a break in comparability). */
export function methodologyBreaks(family: FamilySummary | undefined): Array<{ year: number; label: string }> {
  const eds = family?.editions ?? [];
  const out: Array<{ year: number; label: string }> = [];
  for (let i = 1; i < eds.length; i++) {
    const a = eds[i - 1]!.methodologyVersion;
    const b = eds[i]!.methodologyVersion;
    if (a && b && a !== b) out.push({ year: eds[i]!.year, label: b });
  }
  return out;
}

/** Lineage events on the edition axis: the first edition in or after the event's year. */
export function lineageMarks(
  steps: readonly LineageStep[],
  years: readonly number[],
  lang: Lang,
): Marks['lineage'] {
  const byYear = new Map<number, string[]>();
  for (const s of steps) {
    if (!s.to) continue;
    // An edition of year Y describes that year, so a change during Y first shows in edition Y + 1.
    const y = Number(s.date.slice(0, 4));
    const startOfYear = s.date.slice(5, 10) === '01-01';
    const at = [...years].sort((a, b) => a - b).find((yr) => yr > y || (yr === y && startOfYear));
    if (at === undefined) continue;
    const list = byYear.get(at) ?? [];
    list.push(`${s.from.name[lang]} → ${s.to.name[lang]}`);
    byYear.set(at, list);
  }
  return [...byYear].map(([year, labels]) => ({
    year,
    label: labels.length > 2 ? `${labels.slice(0, 2).join('; ')} (+${labels.length - 2})` : labels.join('; '),
  }));
}

/**
 * One series per unit in a profile: the unit itself, and each predecessor whose values bridge the
 * years before a merger (marked as predecessor values). `component` null = the composite.
 */
export function profileSeries(
  entries: readonly ProfileEntry[],
  component: string | null,
  lang: Lang,
): TrendSeries[] {
  const byUnit = new Map<string, TrendSeries>();
  for (const e of entries) {
    let s = byUnit.get(e.unit.code);
    if (!s) {
      s = { key: e.unit.code, label: e.unit.name[lang], points: [] };
      byUnit.set(e.unit.code, s);
    }
    const cell = component === null ? e.composite : e.subIndices[component];
    s.points.push({
      year: e.release.edition,
      value: cell?.value ?? null,
      interval: cell?.interval ?? null,
      predecessor: e.relation === 'predecessor' ? e.unit.name[lang] : null,
    });
  }
  return [...byUnit.values()].sort(
    (a, b) => Number(a.points[0]?.predecessor !== null) - Number(b.points[0]?.predecessor !== null),
  );
}

/** Composite series of several units on shared axes (trends, compare): each unit with its predecessors. */
export function unitsSeries(profiles: readonly UnitProfile[], lang: Lang): TrendSeries[] {
  return profiles.flatMap((p) =>
    profileSeries(p.series, null, lang).map((s) =>
      s.key === p.unit.code
        ? s
        : { ...s, key: `${p.unit.code}:${s.key}`, label: `${s.label} → ${p.unit.name[lang]}` },
    ),
  );
}
