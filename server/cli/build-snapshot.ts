import { loadConfig } from '#server/config.js';
import { isEmptyDataFolder } from '#server/db/embedded.js';
import { buildSnapshot, currentSnapshot, SNAPSHOT_DIR } from '#server/seed/snapshot.js';

const USAGE = `Usage: npm run build:snapshot -- [--force] [--if-first-start]

Seeds a fresh embedded database through the live path (PCI history, the demo province with its
submissions, claims and mixing) and keeps it in ${SNAPSHOT_DIR}, which the first start on an empty
data folder copies instead of seeding (then publishes with its own key). Does nothing while the
snapshot is current.

  --force           rebuild even when current
  --if-first-start  only when the next npm start would use it: embedded database, SEED on, and an
                    empty data folder (npm start passes this)`;

/** Whether the next `npm start` is a first start on the embedded database with seeding. */
function nextStartSeedsEmbedded(): boolean {
  try {
    const config = loadConfig();
    return !config.databaseUrl && config.seed && isEmptyDataFolder(config.dbDir);
  } catch {
    return false; // npm start reports the configuration error itself
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return console.log(USAGE);
  if (args.includes('--if-first-start') && !nextStartSeedsEmbedded()) return;
  if (!args.includes('--force') && currentSnapshot()) {
    console.error(`First-start snapshot ${SNAPSHOT_DIR} is current.`);
    return;
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  console.error(
    `Building the first-start snapshot ${SNAPSHOT_DIR} (seeds the demo through the live path, once per build)…`,
  );
  const manifest = await buildSnapshot(SNAPSHOT_DIR, {}, (m) => console.error(m));
  const cpu = process.cpuUsage(cpu0);
  console.error(
    `Snapshot written: ${(manifest.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
      `(CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`,
  );
}

main().catch((err: Error) => {
  console.error(`Could not build the snapshot: ${err.message}`);
  process.exit(1);
});
