import type { Localized } from './text.js';

/** pci: the national index; ddci: a province's departments and localities; service: its service centres. */
export type FamilyKind = 'pci' | 'ddci' | 'service';

export type LineageEvent = 'merge' | 'split' | 'rename' | 'abolish' | 'level_change';

export interface UnitSummary {
  id: number;
  block: string;
  code: string;
  name: Localized;
  officialCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface BlockSummary {
  id: number;
  code: string;
  name: Localized;
  sortOrder: number;
  units: number;
  /** Units matched to a boundary feature, when boundaries were uploaded. */
  boundaries: { features: number; matched: number; codeProperty: string } | null;
}

export interface FamilySummary {
  code: string;
  kind: FamilyKind;
  name: Localized;
  isDemo: boolean;
  requireFourEyes: boolean;
  blocks: BlockSummary[];
}

export interface LineageSummary {
  id: number;
  event: LineageEvent;
  date: string;
  from: { block: string; code: string };
  to: { block: string; code: string } | null;
  note: Localized | null;
}

/** GET /api/v1/admin/families/:family */
export interface FamilyDetail extends FamilySummary {
  units: UnitSummary[];
  lineage: LineageSummary[];
}

export interface CreateFamilyBody {
  code: string;
  /** `ddci` (default) or `service` (service-centre satisfaction); the PCI family is shipped. */
  kind?: 'ddci' | 'service';
  nameVi: string;
  nameEn: string;
}

export interface UpdateFamilyBody {
  nameVi?: string;
  nameEn?: string;
  requireFourEyes?: boolean;
  /** A service family's editions: one per month (default) or per quarter. */
  editionPeriod?: 'month' | 'quarter';
}

export interface BlockBody {
  code: string;
  nameVi: string;
  nameEn: string;
  sortOrder?: number;
}

export interface UnitBody {
  code: string;
  nameVi: string;
  nameEn: string;
  officialCode?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface LineageBody {
  event: LineageEvent;
  date: string;
  from: { block: string; code: string };
  to?: { block: string; code: string } | null;
  noteVi?: string;
  noteEn?: string;
}

/** Result of a units or lineage CSV import (all rows or none are written). */
export interface SetupImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** POST /api/v1/admin/families/:family/commune-table */
export interface CommuneTableBody {
  /** 2-digit official code of the province after 1 July 2025, e.g. "22" for Quảng Ninh. */
  province: string;
  /** Block that receives the new communes and wards (created if missing). */
  newBlock: string;
  /** Block that receives the old units (created if missing). */
  oldBlock: string;
  /** Rate old communes (merge/split/rename links) or old districts (level-change links). */
  oldLevel: 'commune' | 'district';
}

export interface CommuneTableResult {
  province: string;
  newUnits: number;
  oldUnits: number;
  lineage: number;
  /** Links without an old commune (island districts that became special zones), at commune level. */
  skipped: number;
}

export interface BoundariesResult {
  block: string;
  features: number;
  matched: number;
  /** Unit codes of the block with no feature. */
  missing: string[];
  /** Feature codes that name no unit of the block. */
  unknown: string[];
}
