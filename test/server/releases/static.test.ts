import { expect } from 'chai';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '#server/app.js';
import { openDatabase, type Database } from '#server/db/client.js';
import { createLogger } from '#server/http/logger.js';
import { exportStatic } from '#server/releases/export.js';
import type { ReleaseService } from '#server/releases/service.js';
import { testReleases } from '#test/support/releases.js';
import { createTestFamily, draft, FAMILY } from './fixture.js';

function files(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)],
  );
}

/** The API URL a file of the export answers: the folder mirrors /api/v1 (blocks and languages as query parameters). */
export function urlOf(file: string): string {
  let p = `/${file}`;
  let query = '';
  const lang = /\.en\.csv$/.test(p);
  if (lang) p = p.replace(/\.en\.csv$/, '.csv');
  const block =
    /^(\/api\/v1\/(?:rankings\/[^/]+\/\d{4}|releases\/[^/]+\/rankings))\/([^/]+)\.(json|csv)$/.exec(p);
  if (block) {
    p = `${block[1]}.${block[3]}`;
    query = `block=${block[2]}`;
  }
  if (lang) query = query ? `${query}&lang=en` : 'lang=en';
  return query ? `${p}?${query}` : p;
}

describe('static export of releases', function () {
  this.timeout(120_000);
  let database: Database;
  let service: ReleaseService;
  let app: Express;

  before(async () => {
    database = await openDatabase({ memory: true });
    await database.migrate();
    await createTestFamily(database.db);
    service = testReleases(database.db);
    await service.publish(draft(2023, { A: 70, OLD: 55 }));
    await service.publish(draft(2024, { A: 64, B: 72 }));
    await service.publish(draft(2024, { A: 66, B: 72 }, { supersedes: `${FAMILY}-2024-r1` }));
    app = createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'test' },
      database,
      logger: createLogger('silent'),
      releases: service,
    });
  });

  it('npm run export-static -- DIR writes files that match the API byte for byte', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'export-'));
    const written = await exportStatic(database.db, dir, service.key);
    const list = files(dir);
    expect(list.length).to.equal(written.files);
    expect(list).to.include.members([
      'api/v1/families.json',
      'api/v1/releases.json',
      `api/v1/releases/${FAMILY}-2024-r1.json`,
      `api/v1/releases/${FAMILY}-2024-r1/signature.sig`,
      `api/v1/rankings/${FAMILY}/2024/departments.en.csv`,
      `api/v1/units/${FAMILY}/B.csv`,
      'api/v1/keys/release-signing.pem',
    ]);
    for (const file of list) {
      const res = await request(app)
        .get(urlOf(file))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status, urlOf(file)).to.equal(200);
      expect(Buffer.compare(res.body as Buffer, readFileSync(path.join(dir, file))), urlOf(file)).to.equal(0);
    }
  });

  it('with the database stopped, every release, view and download is still served', async () => {
    const urls = files(service.publicDir).map(urlOf);
    await database.close();
    for (const url of urls) {
      const res = await request(app).get(url);
      expect(res.status, url).to.equal(200);
    }
    const csv = await request(app).get(`/api/v1/rankings/${FAMILY}/2024.csv?lang=en`).expect(200);
    expect(csv.text.startsWith('\uFEFFRank,Unit code,Unit,Test DDCI 2024,')).to.equal(true);
    const ranking = await request(app).get(`/api/v1/rankings/${FAMILY}/2024`).expect(200);
    expect(ranking.body.release.id).to.equal(`${FAMILY}-2024-r2`);
  });
});
