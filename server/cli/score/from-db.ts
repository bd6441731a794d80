// The score command's database branch: `--family F --edition YEAR` scores the stored survey responses.

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bootstrap } from '#scoring/bootstrap.js';
import { computeIndex } from '#scoring/compute.js';
import { excludesFlagged } from '#server/workspace/editions.js';
import { loadConfig } from '#server/config.js';
import { openDatabase } from '#server/db/client.js';
import { readMethodology, SHIPPED_METHODOLOGIES } from '#server/publish/methodology-file.js';
import { loadEditionInputs } from '#server/publish/score-edition.js';
import { releaseSettings } from '#server/releases/config.js';
import { exportStatic } from '#server/releases/export.js';
import { publishEdition } from '#server/releases/publish-edition.js';
import { loadOrCreateSigningKey } from '#server/releases/signing.js';
import { formatCsv, formatJson } from './output.js';

export const DB_USAGE = `usage: npm run score -- --family FAMILY --edition YEAR [options]

Scores the survey responses stored for one edition (DATABASE_URL, or the embedded database in DATA_DIR).

  --methodology FILE  methodology JSON (default: scoring/methodologies/FAMILY.json)
  --exclude-flagged   leave out responses with quality flags (speeders, straight-lining, near-duplicates)
  --include-flagged   count them; without either flag the edition's audited workspace setting decides
                      (flagged responses are left out unless an analyst chose to include them)
  --bootstrap N       add N respondent resamples: intervals for every score and each unit's rank range
  --seed SEED         seed for --bootstrap (default 1)
  --publish           publish the result as a signed release (refused if the edition has one)
  --supersedes ID     with --publish: a correction of the edition's current release ID
  --note TEXT         with --publish: a note for the release (shown in both languages)
  --format csv|json   csv: one row per unit; json: the full result (default csv)
  --out FILE          write there instead of stdout
`;

export interface DbIo {
  stdout(text: string): void;
  stderr(text: string): void;
  writeText(path: string, text: string): void;
}

export async function runScoreFromDb(argv: string[], io: DbIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      strict: true,
      options: {
        family: { type: 'string' },
        edition: { type: 'string' },
        methodology: { type: 'string' },
        'exclude-flagged': { type: 'boolean' },
        'include-flagged': { type: 'boolean' },
        bootstrap: { type: 'string' },
        seed: { type: 'string' },
        publish: { type: 'boolean' },
        supersedes: { type: 'string' },
        note: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
    }).values;
  } catch (e) {
    io.stderr(`score: ${(e as Error).message}\n\n${DB_USAGE}`);
    return 2;
  }
  const year = Number(args.edition);
  const resamples = args.bootstrap === undefined ? 0 : Number(args.bootstrap);
  const format = args.format ?? (args.out?.endsWith('.json') ? 'json' : 'csv');
  const problems = [
    !args.family && '--family is required',
    !/^\d{4}$/.test(args.edition ?? '') && '--edition must be a year such as 2025',
    (!Number.isInteger(resamples) || resamples < 0) && '--bootstrap must be a whole number',
    format !== 'csv' && format !== 'json' && '--format must be csv or json',
  ].filter(Boolean);
  if (problems.length > 0) {
    io.stderr(`score: ${problems.join('; ')}\n\n${DB_USAGE}`);
    return 2;
  }
  const file = args.methodology ?? new URL(`${args.family}.json`, SHIPPED_METHODOLOGIES);
  if (!args.methodology && !existsSync(file)) {
    io.stderr(`score: no shipped methodology for ${args.family}; pass --methodology FILE\n`);
    return 2;
  }
  const methodology = readMethodology(file);
  const config = loadConfig();
  let database;
  try {
    // The embedded folder is locked: a running server holding it makes this fail with what to do.
    database = await openDatabase(
      config.databaseUrl
        ? { url: config.databaseUrl }
        : { dataDir: config.dbDir, purpose: args.publish ? 'npm run score -- --publish' : 'npm run score' },
    );
  } catch (e) {
    io.stderr(`score: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    await database.migrate();
    io.stderr(`Loading ${args.family} ${year} responses…\n`);
    // The workspace's per-edition setting is the default, so a re-score matches what was published.
    const excludeFlagged =
      args['exclude-flagged'] === true
        ? true
        : args['include-flagged'] === true
          ? false
          : await excludesFlagged(database.db, args.family!, year);
    const opts = { excludeFlagged };
    const inputs = await loadEditionInputs(database.db, args.family!, year, methodology, opts);
    const result = computeIndex(methodology, inputs.table, { edition: year, history: inputs.history });
    io.stderr(`Scored ${inputs.microdata.observations.length} unit ratings from ${args.family} ${year}.\n`);
    let boot;
    if (resamples > 0) {
      let last = -1;
      boot = bootstrap(inputs.microdata.observations, methodology, {
        ...opts,
        units: inputs.microdata.units,
        edition: year,
        resamples,
        seed: args.seed ?? 1,
        compute: { edition: year, history: inputs.history },
        onProgress: (done, total) => {
          const pct = Math.floor((done / total) * 10);
          if (pct !== last) io.stderr(`bootstrap ${done}/${total}\n`);
          last = pct;
        },
      });
    }
    if (args.publish) {
      // One transaction: the release and its rows are written whole or not at all.
      const settings = releaseSettings(config.dataDir);
      const key = loadOrCreateSigningKey(settings.keyFile);
      const published = await publishEdition(database.db, key, {
        family: args.family!,
        year,
        methodology,
        excludeFlagged: opts.excludeFlagged,
        resamples,
        seed: args.seed ?? 1,
        supersedes: args.supersedes ?? null,
        note: args.note ? { vi: args.note, en: args.note } : null,
        scored: { table: inputs.table, result, bootstrap: boot },
      });
      const written = await exportStatic(database.db, settings.publicDir, key, {
        publicUrl: config.publicUrl,
      });
      io.stderr(
        `Published release ${published.id} (sha256 ${published.sha256}); public data rewritten: ${written.files} files in ${settings.publicDir}.\n`,
      );
    }
    const text =
      format === 'json'
        ? boot
          ? JSON.stringify({ result, bootstrap: boot }, null, 2) + '\n'
          : formatJson(result)
        : formatCsv(result);
    if (args.out) io.writeText(args.out, text);
    else io.stdout(text);
    return 0;
  } catch (e) {
    io.stderr(`score: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
