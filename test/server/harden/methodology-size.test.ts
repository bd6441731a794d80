import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import request from 'supertest';
import { editions, families, methodologyVersions } from '#server/db/schema/index.js';
import { describeEachDatabase } from '#test/support/db.js';
import { ANALYST_TOKEN, seedFamily, testApp } from '#test/server/collection/support.js';

// A hostile methodology of nearly the 1 MB body limit, saved and previewed through the workspace
// API: refused by the size caps before Ajv (40,000 unknown children in one array took minutes), with
// the rule at its path, and nothing stored. Times are printed, not asserted.

const TEMPLATE = JSON.parse(readFileSync('scoring/methodologies/ddci-demo.json', 'utf8'));

describeEachDatabase('hostile methodologies over HTTP', (ctx) => {
  const base = '/api/v1/admin/families/ddci-test/editions/2025';

  before(async () => {
    await seedFamily(ctx.database.db);
    const [family] = await ctx.database.db.select({ id: families.id }).from(families);
    await ctx.database.db.insert(editions).values({ familyId: family!.id, year: 2025 });
  });

  for (const path of ['/methodologies', '/preview-data']) {
    it(`POST ${path} with 35,000 unknown tree nodes (0.9 MB) is a 422 max-items at the array, quickly`, async () => {
      const { app } = testApp(ctx.database);
      const methodology = structuredClone(TEMPLATE);
      methodology.tree.children = Array.from({ length: 35_000 }, (_, i) => ({ code: `x${i}`, bogus: 1 }));
      const body = JSON.stringify({ methodology });
      const t = performance.now();
      const res = await request(app)
        .post(`${base}${path}`)
        .set('authorization', `Bearer ${ANALYST_TOKEN}`)
        .set('content-type', 'application/json')
        .send(body);
      const ms = performance.now() - t;
      console.log(
        `      ${(body.length / 1024).toFixed(0)} KB answered ${res.status} in ${ms.toFixed(0)} ms`,
      );
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).to.equal(422);
      expect(res.body.error.details).to.have.length(1);
      expect(res.body.error.details[0].path).to.equal('/methodology/tree/children');
      expect(res.body.error.details[0].message.en).to.match(/more than 1000 items/);
      expect(res.body.error.details[0].message.vi).to.be.a('string').and.not.equal('');
      expect(await ctx.database.db.select().from(methodologyVersions)).to.deep.equal([]);
    });
  }
});
