import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '#server/config.js';
import { openDatabase } from '#server/db/client.js';
import { DEFAULT_DEMO_FIRMS, seedDemo } from '#server/seed/demo.js';

const USAGE = `Usage: npm run generate:demo -- [--firms N] [--seed TEXT]

Seeds the fictional demo province (family ddci-demo) with survey editions 2023–2025 and
deterministic synthetic responses, through the same validation and storage as real submissions.
Uses DATABASE_URL, or the embedded database in DB_DIR / DATA_DIR/db. A database that already
has the demo province is left alone: point DB_DIR at an empty directory for a fresh one.

  --firms N    sampled firms per year (default ${DEFAULT_DEMO_FIRMS}; about 40 % respond)
  --seed TEXT  random seed (default ddci-demo); the same seed gives the same answers`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { firms: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const firms = values.firms === undefined ? DEFAULT_DEMO_FIRMS : Number(values.firms);
  if (!Number.isInteger(firms) || firms < 10 || firms > 200_000) {
    console.error(`--firms must be a whole number from 10 to 200000 (got "${values.firms}")\n\n${USAGE}`);
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dbDir },
  );
  try {
    await database.migrate();
    const started = Date.now();
    const seeded = await seedDemo(database.db, (m) => console.error(m), {
      firms,
      ...(values.seed ? { seed: values.seed } : {}),
    });
    console.error(
      seeded
        ? `Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`
        : 'The demo province is already in this database; nothing to do.',
    );
  } finally {
    await database.close();
  }
}

main().catch((err: Error) => {
  console.error(`generate-demo failed: ${err.message}`);
  process.exit(1);
});
