import type { LineageStep, ProfileEntry, ReleaseDocument, UnitProfile } from '#api/releases.js';
import { predecessors } from './changes.js';
import type { ReleaseSet } from './release-set.js';

const stepKey = (s: LineageStep) => `${s.event}|${s.date}|${s.from.code}|${s.to?.code ?? ''}`;

/** Lineage steps of every current release of a family, without repeats, by date. */
function familyLineage(docs: ReleaseDocument[]): LineageStep[] {
  const steps = new Map<string, LineageStep>();
  for (const d of docs) for (const s of d.lineage) steps.set(stepKey(s), s);
  return [...steps.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function entries(set: ReleaseSet, d: ReleaseDocument, codes: string[], self: string): ProfileEntry[] {
  const out: ProfileEntry[] = [];
  for (const code of codes)
    for (const b of d.blocks) {
      const u = b.units.find((x) => x.code === code);
      if (!u) continue;
      out.push({
        release: { id: d.id, edition: d.edition, title: d.title, status: set.status(d.id).status },
        unit: { code: u.code, name: u.name },
        relation: code === self ? 'self' : 'predecessor',
        block: { code: b.code, name: b.name },
        rankedUnits: b.units.filter((x) => x.composite.rank !== null).length,
        n: u.n,
        composite: u.composite,
        tier: u.tier,
        change: u.change,
        components: b.components,
        subIndices: u.subIndices,
        ...(b.indicators && { indicators: b.indicators }),
        ...(u.indicatorValues && { indicatorValues: u.indicatorValues }),
      });
    }
  return out;
}

function createdOn(code: string, lineage: LineageStep[], docs: ReleaseDocument[]): string | null {
  const step = lineage.find((s) => s.to?.code === code);
  if (!step) return null;
  const year = Number(step.date.slice(0, 4));
  const before = docs.some(
    (d) => d.edition < year && d.blocks.some((b) => b.units.some((u) => u.code === code)),
  );
  return before ? null : step.date;
}

/**
 * A unit's profile: its values in every current release of the family, and those of the units it
 * descends from (merges, renames) before it existed, each labelled with the unit it belongs to.
 */
export function unitProfile(set: ReleaseSet, family: string, code: string): UnitProfile | undefined {
  const docs = set.current(family).map((r) => r.document);
  const latest = [...docs].reverse().find((d) => d.blocks.some((b) => b.units.some((u) => u.code === code)));
  if (!latest) return undefined;
  const block = latest.blocks.find((b) => b.units.some((u) => u.code === code))!;
  const unit = block.units.find((u) => u.code === code)!;
  const all = familyLineage(docs);
  const ancestry = predecessors(code, all);
  const related = new Set([code, ...ancestry]);
  return {
    family: { code: latest.family.code, name: latest.family.name, isDemo: latest.family.isDemo },
    unit: {
      code,
      name: unit.name,
      block: { code: block.code, name: block.name },
      // A unit that took over others (Hà Nội absorbing Hà Tây in 2008) existed before; one created by the event did not.
      validFrom: createdOn(code, all, docs),
      validTo: all.find((s) => s.from.code === code && s.to?.code !== code)?.date ?? null,
    },
    lineage: all.filter((s) => related.has(s.to?.code ?? '') || s.from.code === code),
    series: docs.flatMap((d) => entries(set, d, [code, ...ancestry], code)),
  };
}
