// Payload types of the public release endpoints (see server/releases/README.md for the URL list).
// Everything the public sees is read from a release: an immutable, signed snapshot of one edition.
// This file is the one home of the public ranking types too (Ranking, RankingRow), which used to
// live in server/repos/rankings.ts.

import type { IndicatorCell, ReleaseIndicator } from './release-indicators.js';
import type { Localized } from './text.js';

/** A release is current until a correction supersedes it; a superseded release stays addressable. */
export type ReleaseStatus = 'current' | 'superseded';

/** Why a value is missing (scoring's MissingReason, or `not-rated` when the unit was not in the edition). */
export type MissingReasonCode = string;

/** Where a release's numbers come from. */
export type ReleaseOrigin =
  | { kind: 'computed' }
  | {
      kind: 'imported';
      /** "Imported from the published source": who published the numbers, and under which licence. */
      source: Localized;
      licence: Localized;
      url: string | null;
    };

/** A tier (rating group) of the composite: a stable code and its labels. */
export interface TierRef {
  code: string;
  name: Localized;
}

/** One score of one unit: the value, its rank in the block, uncertainty where computed, and why it is missing. */
export interface ScoreCell {
  value: number | null;
  /** Competition rank within the block (1 = best; ties share the lowest rank). */
  rank: number | null;
  /** Why `value` is null; null when there is a value. */
  reason: MissingReasonCode | null;
  /** Bootstrap interval of the value [lower, upper], where computed. */
  interval: [number, number] | null;
  /** Range of ranks the unit takes across resamples [best, worst], where computed. */
  rankRange: [number, number] | null;
}

/** Change against the previous release of the family (same unit, or its lineage predecessor). */
export interface ReleaseChange {
  /** The release compared with. */
  release: string;
  /** The unit compared with (the same code, or the predecessor it descends from). */
  unit: string;
  /** Previous rank minus current rank: positive means the unit moved up. */
  rank: number | null;
  /** Current composite minus previous composite, in points. */
  score: number | null;
}

export interface ReleaseUnit {
  code: string;
  name: Localized;
  /** Respondents behind the unit's scores (survey-based editions). */
  n: number | null;
  composite: ScoreCell;
  tier: TierRef | null;
  change: ReleaseChange | null;
  /** Every sub-index by component code. */
  subIndices: Record<string, ScoreCell>;
  /** Every indicator by code (computed releases; absent from imported ones). */
  indicatorValues?: Record<string, IndicatorCell>;
}

export interface ReleaseComponent {
  code: string;
  name: Localized;
  /** Weight in the composite (null for the composite itself). */
  weight: number | null;
}

export interface ReleaseBlock {
  code: string;
  name: Localized;
  composite: ReleaseComponent;
  components: ReleaseComponent[];
  tiers: TierRef[];
  /** Every indicator in tree order (computed releases; absent from imported ones). */
  indicators?: ReleaseIndicator[];
  /** How intervals and rank ranges were computed; null when the release has none. */
  uncertainty: {
    method: string;
    resamples: number;
    /** Percentiles of the value interval and of the rank range, e.g. [2.5, 97.5] and [5, 95]. */
    interval: [number, number];
    rankInterval: [number, number];
  } | null;
  /** Units in rank order (unranked last, by Vietnamese name). */
  units: ReleaseUnit[];
}

/** The methodology behind a release: its full JSON where the platform computed it, and its hash. */
export interface ReleaseMethodology {
  id: string;
  version: string;
  /** SHA-256 (hex) of the canonical JSON of `document` (or of the published component weights when imported). */
  hash: string;
  document: unknown;
}

/**
 * The canonical release document: serialised with RFC 8785 (JSON Canonicalization Scheme), hashed
 * and signed with Ed25519. GET /api/v1/releases/:id returns exactly the signed bytes.
 */
export interface ReleaseDocument {
  format: 'ddci-release/1';
  id: string;
  family: {
    code: string;
    kind: 'pci' | 'ddci' | 'service';
    name: Localized;
    isDemo: boolean;
    source: Localized | null;
  };
  edition: number;
  /** 1 for the first release of the edition, 2 for its first correction, … */
  sequence: number;
  title: Localized;
  origin: ReleaseOrigin;
  /** ISO 8601 time of publication. */
  publishedAt: string;
  note: Localized | null;
  /** Id of the release this one corrects, if any. */
  supersedes: string | null;
  /** The release of the family's previous edition that `change` compares with. */
  previous: string | null;
  methodology: ReleaseMethodology;
  /** Survey-based editions: the survey edition, the definition hash and response counts. */
  survey: {
    edition: number;
    definitionHash: string;
    responses: number;
    /** Responses left out (quality flags) before scoring. */
    excluded: number;
    /**
     * Survey codes issued and not revoked when the release was made: the firms invited, so
     * responses / invited is the response rate. Absent (null) for editions also open without a code.
     */
    invited?: number | null;
  } | null;
  blocks: ReleaseBlock[];
  /** Reorganisations leading to this release's units (merges, splits, renames), for changes and profiles. */
  lineage: LineageStep[];
}

/** Links of a release, all under /api/v1. */
export interface ReleaseLinks {
  self: string;
  signature: string;
  metadata: string;
  rankings: string;
}

/** One entry of GET /api/v1/releases. */
export interface ReleaseSummary {
  id: string;
  family: { code: string; name: Localized; isDemo: boolean };
  edition: number;
  sequence: number;
  title: Localized;
  origin: ReleaseOrigin['kind'];
  publishedAt: string;
  status: ReleaseStatus;
  supersedes: string | null;
  supersededBy: string | null;
  methodology: { id: string; version: string; hash: string };
  /** SHA-256 (hex) of the canonical document bytes. */
  sha256: string;
  links: ReleaseLinks;
}

export interface ReleaseIndex {
  releases: ReleaseSummary[];
}

/** GET /api/v1/releases/:id/signature */
export interface ReleaseSignature {
  release: string;
  algorithm: 'Ed25519';
  /** Base64 of the 64-byte signature over the canonical document bytes. */
  signature: string;
  /** SHA-256 (hex) of the signed bytes. */
  sha256: string;
  keyFingerprint: string;
  /** The same signature as raw bytes, for openssl. */
  raw: string;
}

/** GET /api/v1/keys/release-signing */
export interface SigningKey {
  algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo, PEM. */
  publicKeyPem: string;
  /** SHA-256 (hex) of the DER SubjectPublicKeyInfo: `openssl pkey -pubin -outform DER | openssl dgst -sha256`. */
  fingerprint: string;
  /** Where the footer links: the PEM file. */
  pem: string;
}

/** GET /api/v1/releases/:id/metadata: what to cite and under which terms. */
export interface ReleaseMetadata {
  release: string;
  title: Localized;
  family: string;
  edition: number;
  publishedAt: string;
  status: ReleaseStatus;
  supersededBy: string | null;
  origin: ReleaseOrigin;
  licence: Localized;
  methodology: { id: string; version: string; hash: string };
  sha256: string;
  keyFingerprint: string;
  /** A ready-to-paste citation in each language. */
  citation: Localized;
  downloads: Array<{ block: string; json: string; csv: string }>;
}

/** GET /api/v1/families: only families and editions that have a release. */
export interface FamilySummary {
  code: string;
  kind: 'pci' | 'ddci' | 'service';
  name: Localized;
  source: Localized | null;
  isDemo: boolean;
  blocks: Array<{ code: string; name: Localized }>;
  editions: Array<{
    year: number;
    /** Always 'published': unreleased editions are not listed. */
    status: 'published';
    methodologyVersion: string | null;
    /** The edition's current release, and every release of it (oldest first). */
    release: string;
    releases: string[];
    /** Blocks present in the release. */
    blocks: string[];
  }>;
}

export interface FamilyList {
  families: FamilySummary[];
}

/** A row of a ranking: kept compatible with the earlier ranking payload, plus release fields. */
export interface RankingRow {
  rank: number | null;
  unit: { code: string; name: Localized };
  composite: number | null;
  /** Why the composite is missing (e.g. unit-suppressed: too few respondents), when it is. */
  reason: MissingReasonCode | null;
  tier: TierRef | null;
  /** Sub-index scores by component code; null where the unit has no score. */
  scores: Record<string, number | null>;
  /** Competition rank of each sub-index within the block. */
  ranks: Record<string, number | null>;
  /** Why each sub-index is missing, by component code (null when present). */
  reasons: Record<string, MissingReasonCode | null>;
  n: number | null;
  interval: [number, number] | null;
  rankRange: [number, number] | null;
  change: ReleaseChange | null;
  /** Every sub-index in full (value, rank, reason, interval, rank range). */
  subIndices: Record<string, ScoreCell>;
}

/** The release a view was read from. */
export interface ReleaseRef {
  id: string;
  status: ReleaseStatus;
  supersededBy: string | null;
  /** The edition's current release (equal to `id` unless superseded). */
  current: string;
  title: Localized;
  publishedAt: string;
  origin: ReleaseOrigin;
  methodology: { id: string; version: string; hash: string };
  links: ReleaseLinks;
}

/** GET /api/v1/rankings/:family/:year[?block=] (and /api/v1/releases/:id/rankings[?block=]). */
export interface Ranking {
  family: { code: string; name: Localized; isDemo: boolean };
  year: number;
  /** Always 'published' (kept for the earlier payload). */
  status: 'published';
  block: { code: string; name: Localized };
  /** Every block of the release, for a block switcher. */
  blocks: Array<{ code: string; name: Localized }>;
  composite: { code: string; name: Localized };
  components: ReleaseComponent[];
  tiers: TierRef[];
  uncertainty: ReleaseBlock['uncertainty'];
  release: ReleaseRef;
  rows: RankingRow[];
}

/** One point of a unit profile: the unit's (or a lineage predecessor's) values in one release. */
export interface ProfileEntry {
  release: { id: string; edition: number; title: Localized; status: ReleaseStatus };
  /** The unit these values belong to: the profiled unit itself or a predecessor. */
  unit: { code: string; name: Localized };
  /** How `unit` relates to the profiled unit. */
  relation: 'self' | 'predecessor';
  block: { code: string; name: Localized };
  /** Units ranked in the block that edition (to read a rank as "3 of 20"). */
  rankedUnits: number;
  n: number | null;
  composite: ScoreCell;
  tier: TierRef | null;
  change: ReleaseChange | null;
  components: ReleaseComponent[];
  subIndices: Record<string, ScoreCell>;
  /** The block's indicators and this unit's values on them, where the release has them. */
  indicators?: ReleaseIndicator[];
  indicatorValues?: Record<string, IndicatorCell>;
}

/** A lineage event linking the profiled unit to the units it descends from. */
export interface LineageStep {
  event: 'merge' | 'split' | 'rename' | 'abolish' | 'level_change';
  date: string;
  from: { code: string; name: Localized };
  to: { code: string; name: Localized } | null;
  note: Localized | null;
}

/** GET /api/v1/units/:family/:code */
export interface UnitProfile {
  family: { code: string; name: Localized; isDemo: boolean };
  unit: {
    code: string;
    name: Localized;
    block: { code: string; name: Localized };
    validFrom: string | null;
    validTo: string | null;
  };
  lineage: LineageStep[];
  /** Current releases oldest first; one entry per release and unit (self or predecessor). */
  series: ProfileEntry[];
}
