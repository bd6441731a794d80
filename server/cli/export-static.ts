// npm run export-static -- DIR: writes every release and public view as static files under DIR.
import { releaseSettings } from '#server/releases/config.js';
import { exportStatic } from '#server/releases/export.js';
import { loadOrCreateSigningKey } from '#server/releases/signing.js';
import { loadConfig } from '#server/config.js';
import { openDatabase } from '#server/db/client.js';

async function main(): Promise<number> {
  const dir = process.argv[2];
  if (!dir || process.argv.length > 3) {
    console.error(
      'usage: npm run export-static -- DIR\n\nWrites the whole public data set (every release, its signature, per block and\nper view JSON and CSV, the release index, the public key) under DIR; any web server can serve it.',
    );
    return 2;
  }
  const config = loadConfig();
  const key = loadOrCreateSigningKey(releaseSettings(config.dataDir).keyFile);
  const database = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl }
      : { dataDir: config.dbDir, purpose: 'npm run export-static' },
  );
  try {
    await database.migrate();
    const written = await exportStatic(database.db, dir, key, { publicUrl: config.publicUrl });
    console.error(`Exported ${written.releases} releases as ${written.files} files under ${dir}`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    console.error(`export-static: ${e.message}`);
    process.exitCode = 1;
  },
);
