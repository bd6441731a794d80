import type {
  FamilyList,
  Ranking,
  RankingRow,
  ReleaseBlock,
  ReleaseIndex,
  ReleaseMetadata,
  ReleaseUnit,
} from '#api/releases.js';
import type { Localized } from '#api/text.js';
import { releaseLinks, type ReleaseSet, type StoredRelease } from './release-set.js';

// Public views, computed from release documents only (never from working tables).

function row(u: ReleaseUnit): RankingRow {
  const subs = Object.entries(u.subIndices);
  return {
    rank: u.composite.rank,
    unit: { code: u.code, name: u.name },
    composite: u.composite.value,
    reason: u.composite.reason,
    tier: u.tier,
    scores: Object.fromEntries(subs.map(([k, c]) => [k, c.value])),
    ranks: Object.fromEntries(subs.map(([k, c]) => [k, c.rank])),
    reasons: Object.fromEntries(subs.map(([k, c]) => [k, c.reason])),
    n: u.n,
    interval: u.composite.interval,
    rankRange: u.composite.rankRange,
    change: u.change,
    subIndices: u.subIndices,
  };
}

/** The ranking of one block of a release; the first block when `block` is not given. */
export function rankingView(set: ReleaseSet, r: StoredRelease, block?: string): Ranking | undefined {
  const d = r.document;
  const b: ReleaseBlock | undefined = block ? d.blocks.find((x) => x.code === block) : d.blocks[0];
  if (!b) return undefined;
  return {
    family: { code: d.family.code, name: d.family.name, isDemo: d.family.isDemo },
    year: d.edition,
    status: 'published',
    block: { code: b.code, name: b.name },
    blocks: d.blocks.map((x) => ({ code: x.code, name: x.name })),
    composite: { code: b.composite.code, name: b.composite.name },
    components: b.components,
    tiers: b.tiers,
    uncertainty: b.uncertainty,
    release: set.ref(d.id),
    rows: b.units.map(row),
  };
}

export function releaseIndex(set: ReleaseSet): ReleaseIndex {
  return {
    releases: set.all
      .map(({ document: d, sha256 }) => ({
        id: d.id,
        family: { code: d.family.code, name: d.family.name, isDemo: d.family.isDemo },
        edition: d.edition,
        sequence: d.sequence,
        title: d.title,
        origin: d.origin.kind,
        publishedAt: d.publishedAt,
        ...set.status(d.id),
        supersedes: d.supersedes,
        methodology: { id: d.methodology.id, version: d.methodology.version, hash: d.methodology.hash },
        sha256,
        links: releaseLinks(d.id),
      }))
      .map(({ current: _current, ...rest }) => rest),
  };
}

/** Families with their released editions only. */
export function familyList(set: ReleaseSet): FamilyList {
  // Real indices first, then demo ones; in code order within each.
  const demo = new Map(set.all.map((r) => [r.document.family.code, r.document.family.isDemo]));
  const codes = [...demo.keys()].sort(
    (a, b) => Number(demo.get(a)) - Number(demo.get(b)) || a.localeCompare(b),
  );
  return {
    families: codes.map((code) => {
      const current = set.current(code);
      const latest = current.at(-1)!.document;
      const blocks = new Map<string, Localized>();
      for (const r of current) for (const b of r.document.blocks) blocks.set(b.code, b.name);
      return {
        code,
        kind: latest.family.kind,
        name: latest.family.name,
        source: latest.family.source,
        isDemo: latest.family.isDemo,
        blocks: [...blocks].map(([c, name]) => ({ code: c, name })),
        editions: current.map(({ document: d }) => ({
          year: d.edition,
          status: 'published' as const,
          methodologyVersion: d.methodology.id,
          release: d.id,
          releases: set.all
            .filter((x) => x.document.family.code === code && x.document.edition === d.edition)
            .map((x) => x.document.id),
          blocks: d.blocks.map((b) => b.code),
        })),
      };
    }),
  };
}

const LICENCE_COMPUTED: Localized = {
  vi: 'Giấy phép CC BY 4.0: được dùng lại, ghi rõ nguồn',
  en: 'CC BY 4.0: free to reuse with attribution',
};

/**
 * What to cite a release by. Links are relative unless `publicUrl` (PUBLIC_URL, the site's public
 * address) is given: a citation pasted into a report must lead back to the release from anywhere.
 */
export function releaseMetadata(set: ReleaseSet, r: StoredRelease, publicUrl = ''): ReleaseMetadata {
  const d = r.document;
  const licence = d.origin.kind === 'imported' ? d.origin.licence : LICENCE_COMPUTED;
  const source = d.origin.kind === 'imported' ? d.origin.source : d.family.name;
  const date = d.publishedAt.slice(0, 10);
  const url = `${publicUrl}/api/v1/releases/${d.id}`;
  const { status, supersededBy } = set.status(d.id);
  return {
    release: d.id,
    title: d.title,
    family: d.family.code,
    edition: d.edition,
    publishedAt: d.publishedAt,
    status,
    supersededBy,
    origin: d.origin,
    licence,
    methodology: { id: d.methodology.id, version: d.methodology.version, hash: d.methodology.hash },
    sha256: r.sha256,
    keyFingerprint: r.keyFingerprint,
    citation: {
      vi: `${source.vi}. ${d.title.vi}. Bản công bố ${d.id}, ngày ${date}. ${url} (SHA-256 ${r.sha256}).`,
      en: `${source.en}. ${d.title.en}. Release ${d.id}, ${date}. ${url} (SHA-256 ${r.sha256}).`,
    },
    downloads: d.blocks.map((b) => ({
      block: b.code,
      json: `${url}/rankings.json?block=${b.code}`,
      csv: `${url}/rankings.csv?block=${b.code}`,
    })),
  };
}
