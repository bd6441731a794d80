import { ConfigError, loadConfig } from '#server/config.js';
import { openDatabase } from '#server/db/client.js';
import { ImportFailed } from '#server/import/issues.js';
import { importKinds } from '#server/import/kinds/index.js';
import { importFile } from '#server/import/run.js';

/** `npm run import -- <kind> <file>`: validate and load one file into the configured database. */
async function main(argv: string[]): Promise<number> {
  const [kind, file] = argv;
  if (!kind || !file || kind === '--help') {
    console.error('Usage: npm run import -- <kind> <file>\n\nKinds:');
    for (const k of importKinds) console.error(`  ${k.name.padEnd(22)} ${k.description}`);
    return kind === '--help' ? 0 : 2;
  }
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dbDir },
  );
  try {
    await database.migrate();
    console.error(
      `Importing ${file} as ${kind} into ${database.kind === 'pglite' ? config.dbDir : 'DATABASE_URL'}…`,
    );
    const r = await importFile(database.db, kind, file);
    console.log(
      `${r.file}: ${r.rows} rows read; ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ImportFailed) {
      console.error(e.message);
      console.error('Nothing was written. Fix the lines above and run the import again.');
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(
      err instanceof ConfigError ? `Configuration error: ${err.message}` : `Import failed: ${err.message}`,
    );
    process.exit(1);
  },
);
