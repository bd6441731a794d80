import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Reads a CSV with a header row into records of strings. */
export function readCsv(path: string | URL): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

/** Empty field = missing. Numbers are parsed at full precision (17 significant digits in the fixtures). */
export function cell(s: string | undefined): number | null {
  if (s === undefined || s === '' || s === 'NA') return null;
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`not a number: ${s}`);
  return v;
}

export const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url);
export const pciData = (file: string) => new URL(`../../../server/data/pci/${file}`, import.meta.url);
