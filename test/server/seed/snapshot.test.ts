import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '#server/db/client.js';
import { publishShippedReleases } from '#server/releases/seed.js';
import { ephemeralSigningKey, publicKeyFromPem, verifyBytes } from '#server/releases/signing.js';
import { seedDatabase } from '#server/seed/index.js';
import { buildSnapshot, currentSnapshot, snapshotInputs } from '#server/seed/snapshot.js';
import { backends, resetDatabase } from '#test/support/db.js';

const rowsOf = <T>(r: unknown): T[] => (r as { rows?: T[] }).rows ?? (r as T[]);

/** Columns whose values are random by design (fresh ids, keyed hashes, sealed bytes) or clock times. */
const RANDOM_TYPES = new Set(['uuid', 'bytea', 'timestamp with time zone', 'timestamp without time zone']);
const RANDOM_NAMES = new Set(['code_hash', 'submission_hash']);
/**
 * Which member of a near-duplicate pair stored in one batch is flagged follows the batch's random
 * ids (near-duplicates.ts): flags are compared as counts per edition, mode and reason.
 */
const BY_COUNT = new Set(['responses.quality_flags', 'responses.flagged']);

/**
 * Every application table as a sorted list of rows without its random columns, and each response
 * with its ratings (the link the random response id carries).
 */
async function content(db: Db): Promise<Record<string, string[]>> {
  const columns = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    await db.execute(sql`select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' order by table_name, ordinal_position`),
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) {
    if (RANDOM_TYPES.has(c.data_type) || RANDOM_NAMES.has(c.column_name)) continue;
    if (BY_COUNT.has(`${c.table_name}.${c.column_name}`)) continue;
    byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), `"${c.column_name}"`]);
  }
  const out: Record<string, string[]> = {};
  for (const [table, cols] of byTable) {
    const rows = rowsOf<{ j: unknown }>(
      await db.execute(sql.raw(`select json_build_array(${cols.join(', ')})::text as j from "${table}"`)),
    );
    out[table] = rows.map((r) => String(r.j)).sort();
  }
  const linked = rowsOf<{ j: unknown }>(
    await db.execute(sql`select json_build_array(r.submitted_on, r.answers, r.profile,
        (select json_agg(json_build_array(x.block_key, x.unit_id, x.item, x.value, x.raw, x.dont_know)
           order by x.block_key, x.unit_id, x.item) from response_ratings x where x.response_id = r.id))::text as j
      from responses r`),
  );
  out['responses with ratings'] = linked.map((r) => String(r.j)).sort();
  const flags = rowsOf<{ j: unknown }>(
    await db.execute(sql`select json_build_array(survey_edition_id, open_mode, f->>'code', count(*))::text as j
      from responses, jsonb_array_elements(quality_flags) f group by survey_edition_id, open_mode, f->>'code'`),
  );
  out['quality flag counts'] = flags.map((r) => String(r.j)).sort();
  return out;
}

describe('first-start snapshot (server/seed/snapshot.ts)', function () {
  this.timeout(900_000);
  const options = { firms: 60 };
  let dir: string;
  let file: string;
  let restored: Database;
  let live: Database;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'snapshot-test-'));
    file = path.join(dir, 'first-start');
    await buildSnapshot(file, options);
    restored = await openDatabase({ dataDir: path.join(dir, 'db'), restore: file });
    await restored.migrate();
    live = await backends()[0]!.get();
    await resetDatabase(live);
    await seedDatabase(live.db, () => {}, options);
  });

  after(async () => {
    await restored?.close();
    if (live) await resetDatabase(live);
    rmSync(dir, { recursive: true, force: true });
  });

  it('buildSnapshot + restore give the same rows as seeding through the live path', async () => {
    const [a, b] = [await content(restored.db), await content(live.db)];
    expect(Object.keys(a).sort()).to.deep.equal(Object.keys(b).sort());
    expect(a['responses with ratings']!.length).to.be.greaterThan(20);
    expect(a.scores).to.have.length.greaterThan(1000);
    for (const table of Object.keys(b)) {
      const [onlyA, onlyB] = [
        a[table]!.filter((r) => !b[table]!.includes(r)),
        b[table]!.filter((r) => !a[table]!.includes(r)),
      ];
      expect({ table, onlyA: onlyA.slice(0, 2), onlyB: onlyB.slice(0, 2) }).to.deep.equal({
        table,
        onlyA: [],
        onlyB: [],
      });
      expect(a[table], table).to.deep.equal(b[table]);
    }
  });

  it('the snapshot carries no code-secret fingerprint, no release and no key file', async () => {
    const settings = rowsOf(await restored.db.execute(sql`select key from server_settings`));
    expect(settings).to.deep.equal([]);
    expect(rowsOf(await restored.db.execute(sql`select id from releases`))).to.deep.equal([]);
    const names = readdirSync(file, { recursive: true }).map(String);
    expect(names).to.include('PG_VERSION');
    expect(names.filter((n) => /code-secret|signing-key|\.pem$|ddci\.lock/.test(n))).to.deep.equal([]);
  });

  it('a restored database is published with the deployment key', async () => {
    const key = ephemeralSigningKey();
    await publishShippedReleases(restored.db, key);
    const rows = rowsOf<{ document: string; signature: string; key_fingerprint: string }>(
      await restored.db.execute(sql`select document, signature, key_fingerprint from releases`),
    );
    expect(rows.length).to.be.greaterThan(10);
    const { publicKey } = publicKeyFromPem(key.publicKeyPem);
    for (const r of rows) {
      expect(r.key_fingerprint).to.equal(key.fingerprint);
      expect(
        verifyBytes(publicKey, Buffer.from(r.document, 'utf8'), Buffer.from(r.signature, 'base64')),
      ).to.equal(true);
    }
  });

  it('currentSnapshot refuses a snapshot built from other inputs', () => {
    // The inputs as they are now (the build above took minutes; sources may have changed since).
    const manifest = `${file}.json`;
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { inputs: string };
    writeFileSync(manifest, JSON.stringify({ ...m, inputs: snapshotInputs(options) }));
    expect(currentSnapshot(file, options)).to.equal(file);
    expect(snapshotInputs({ firms: 61 })).not.to.equal(snapshotInputs(options));
    writeFileSync(manifest, JSON.stringify({ ...m, inputs: '0'.repeat(64) }));
    expect(currentSnapshot(file, options)).to.equal(undefined);
    expect(currentSnapshot(path.join(dir, 'missing'), options)).to.equal(undefined);
  });
});
