import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Db } from '#server/db/client.js';
import { migrationsFolder } from '#server/db/client.js';
import * as schema from '#server/db/schema/index.js';
import type { DemoOptions } from './demo.js';
import { seedDatabase, type Progress } from './index.js';

// The first-start snapshot: the embedded data folder after migrating and seeding (PCI history and
// the demo province, through the live code paths: validation, claims, the mixer), built once by
// `npm run build:snapshot` as a cleanly shut-down data folder, and copied by the first start into
// an empty data folder (server/db/embedded.ts; no crash recovery, no PGlite tar loading), which then
// only publishes (with its own signing key) and opens the current demo survey (with its own code
// secret). The snapshot carries neither: the demo's codes are hashed and sealed under throwaway
// keys (demo.ts), and nothing is signed or fingerprinted before it is taken. It is used only while
// its inputs (the server code and shipped data, the pure packages, the PGlite version) are those it
// was built from; otherwise the first start takes the live path.

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm run build:snapshot` writes the snapshot (a PGlite data folder); its manifest is `<folder>.json`. */
export const SNAPSHOT_DIR = path.join(root, 'dist/seed/first-start');

/**
 * What the seeded content may depend on: all server code (the seed reaches into collection, import,
 * monthly, visit, delivery, db), the pure packages, the shipped data, and the PGlite version. A
 * change in any of them makes a snapshot stale (conservative: a stale one is never restored).
 */
const INPUTS = ['server', 'surveys', 'scoring', 'api', 'node_modules/@electric-sql/pglite/package.json'];

function files(entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.endsWith('.md'))
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

/** SHA-256 over the paths and bytes of every input file, and the options of the seed. */
export function snapshotInputs(options: DemoOptions = {}): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(options));
  for (const entry of INPUTS)
    for (const file of files(entry)) h.update(`${file}\0`).update(readFileSync(path.join(root, file)));
  return h.digest('hex');
}

interface Manifest {
  inputs: string;
  builtAt: string;
  bytes: number;
}

const manifestFile = (folder: string) => `${folder}.json`;

function folderBytes(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((sum, d) => sum + statSync(path.join(d.parentPath, d.name)).size, 0);
}

/** The snapshot folder if it was built from the current inputs, else undefined. */
export function currentSnapshot(folder = SNAPSHOT_DIR, options: DemoOptions = {}): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile(folder), 'utf8')) as Manifest;
    if (manifest.inputs !== snapshotInputs(options) || !existsSync(path.join(folder, 'PG_VERSION')))
      return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/**
 * Builds the snapshot: a PGlite data folder next to `folder`, migrated and seeded by the live path,
 * shut down cleanly, then moved into place (a stopped build leaves no half snapshot in `folder`).
 */
export async function buildSnapshot(
  folder = SNAPSHOT_DIR,
  options: DemoOptions = {},
  progress: Progress = () => {},
): Promise<Manifest> {
  const inputs = snapshotInputs(options);
  const building = `${folder}.building`;
  mkdirSync(path.dirname(folder), { recursive: true });
  rmSync(building, { recursive: true, force: true });
  rmSync(manifestFile(folder), { force: true });
  // Without WAL recycling, the checkpoint after seeding leaves two WAL segments instead of ten
  // (130 MB less for every first start to copy and flush); deployments keep the defaults.
  const client = new PGlite(building, {
    startParams: [...PGlite.defaultStartParams, '-c', 'wal_recycle=off', '-c', 'min_wal_size=32MB'],
  });
  try {
    const db = drizzle(client, { schema }) as unknown as Db;
    await migrate(db as never, { migrationsFolder });
    await seedDatabase(db, progress, options);
    await client.query('checkpoint');
  } finally {
    await client.close();
  }
  rmSync(folder, { recursive: true, force: true });
  renameSync(building, folder);
  const manifest: Manifest = { inputs, builtAt: new Date().toISOString(), bytes: folderBytes(folder) };
  writeFileSync(manifestFile(folder), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
