import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '#server/db/client.js';
import { publicFiles, type ExportOptions } from './public-files.js';
import { loadReleaseSet } from './store.js';

/**
 * Writes the files into `dir`, replacing what was there: everything goes into a sibling folder
 * first, which then takes the old one's place, so a reader never sees half an export.
 */
export function writeFiles(dir: string, files: Map<string, string | Buffer>): void {
  const target = path.resolve(dir);
  const staging = `${target}.staging-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const [rel, content] of files) {
    const file = path.join(staging, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(target, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  renameSync(staging, target);
  rmSync(old, { recursive: true, force: true });
}

/** Exports every release in the database as static files under `dir`; returns how many files. */
export async function exportStatic(
  db: Db,
  dir: string,
  key: { publicKeyPem: string; fingerprint: string },
  options: ExportOptions = {},
): Promise<{ files: number; releases: number }> {
  const set = await loadReleaseSet(db);
  const files = publicFiles(set, key, options);
  writeFiles(dir, files);
  return { files: files.size, releases: set.all.length };
}
