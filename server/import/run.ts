import path from 'node:path';
import type { Db } from '#server/db/client.js';
import type { UpsertCount } from '#server/db/upsert.js';
import { loadPciContext, PCI_DATA_DIR, UNITS_DATA_DIR } from './context.js';
import { readCsv } from './csv.js';
import { IssueCollector } from './issues.js';
import { findKind, importKinds } from './kinds/index.js';

export interface ImportReport extends UpsertCount {
  kind: string;
  file: string;
  rows: number;
}

/**
 * Imports one file of a kind in a single transaction: every row is checked first, and a file with
 * any problem throws ImportFailed having written nothing. Re-importing the same file changes nothing.
 */
export async function importFile(
  db: Db,
  kindName: string,
  file: string,
  label = file,
): Promise<ImportReport> {
  const kind = findKind(kindName);
  if (!kind)
    throw new Error(
      `unknown import kind "${kindName}"; expected one of ${importKinds.map((k) => k.name).join(', ')}`,
    );
  const csv = readCsv(file, label);
  const issues = new IssueCollector(label);
  if (!issues.requireColumns(csv.header, kind.columns)) issues.fail();
  const count = await db.transaction(async (tx) =>
    kind.run(tx as unknown as Db, csv, issues, await loadPciContext(tx as unknown as Db)),
  );
  return { kind: kind.name, file: label, rows: csv.rows.length, ...count };
}

/** The data shipped in the repository, in dependency order. */
export const shippedPciFiles: ReadonlyArray<[kind: string, file: string]> = [
  ['pci-units', path.join(UNITS_DATA_DIR, 'provinces.csv')],
  ['pci-lineage', path.join(UNITS_DATA_DIR, 'province-lineage.csv')],
  ['pci-indicator-labels', path.join(PCI_DATA_DIR, 'pci-indicator-labels-2013-2016.csv')],
  ['pci-benchmarks', path.join(PCI_DATA_DIR, 'pci-benchmarks-2013-2016.csv')],
  ['pci-indicators', path.join(PCI_DATA_DIR, 'pci-indicators-2013-2016.csv')],
  ['pci-scores', path.join(PCI_DATA_DIR, 'pci-scores-2006-2016.csv')],
];

/** Loads the shipped PCI history; reports progress through `onProgress`. */
export async function importShippedPci(
  db: Db,
  onProgress: (r: ImportReport) => void = () => {},
): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const [kind, file] of shippedPciFiles) {
    const report = await importFile(db, kind, file, path.relative(process.cwd(), file));
    onProgress(report);
    reports.push(report);
  }
  return reports;
}
