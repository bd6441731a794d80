import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { SURVEY_PAYLOAD_ELEMENT } from '#api/collection.js';
import { createApp } from '#server/app.js';
import { units } from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { surveySlugOf } from '#server/http/survey-document.js';
import { describeEachDatabase } from '#test/support/db.js';
import { CODE_SECRET, publishEdition, seedFamily } from '#test/server/collection/support.js';

const HOSTILE = '</script><script>alert(1)</script><!--';

// The inlined payload as the browser's HTML parser would hand it to the page: the script element's text.
function inlined(html: string): unknown {
  const m = new RegExp(
    `<script type="application/json" id="${SURVEY_PAYLOAD_ELEMENT}">(.*?)</script>`,
    's',
  ).exec(html);
  return m ? JSON.parse(m[1]!) : undefined;
}

describeEachDatabase('the answering page inlines its survey', (ctx) => {
  let app: Express;
  let slug: string;

  before(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'survey-doc-'));
    for (const f of ['index.html', 'admin.html', 'survey.html'])
      writeFileSync(
        path.join(dir, f),
        `<!doctype html><html><head><title>${f}</title></head><body></body></html>`,
      );
    await seedFamily(ctx.database.db);
    await ctx.database.db.update(units).set({ nameVi: HOSTILE }).where(eq(units.code, 'SO_TC'));
    app = createApp({
      config: { bodyLimitBytes: 1 << 20, trustProxy: false, nodeEnv: 'test', codeSecret: CODE_SECRET },
      database: ctx.database,
      logger: createLogger('silent'),
      client: staticClient(dir),
    });
    slug = await publishEdition(app);
  });

  it('GET /khao-sat/:slug and /survey/:slug carry exactly the payload GET /api/v1/surveys/:slug answers', async () => {
    const api = await request(app).get(`/api/v1/surveys/${slug}`).expect(200);
    for (const url of [`/khao-sat/${slug}`, `/survey/${slug}/`]) {
      const page = await request(app).get(url).set('Accept', 'text/html').expect(200);
      expect(page.headers['content-type']).to.match(/^text\/html/);
      expect(page.headers['cache-control']).to.equal('no-cache');
      expect(inlined(page.text), url).to.deep.equal(api.body);
    }
  });

  it('a unit name with </script> and <!-- cannot end the data element or open a script', async () => {
    const page = await request(app).get(`/khao-sat/${slug}`).set('Accept', 'text/html').expect(200);
    expect(page.text).to.not.contain(HOSTILE);
    expect(page.text.match(/<script/g)).to.have.length(1);
    const body = inlined(page.text) as { units: Record<string, { code: string; name: { vi: string } }[]> };
    expect(body.units.departments!.find((u) => u.code === 'SO_TC')!.name.vi).to.equal(HOSTILE);
  });

  it('an unknown slug, a visit link and the other entries get their plain HTML', async () => {
    for (const url of ['/khao-sat/no-such-edition', '/survey/visit/abc', '/admin', '/'])
      expect(inlined((await request(app).get(url).set('Accept', 'text/html')).text), url).to.equal(undefined);
  });

  it('surveySlugOf(path) takes the slug after /survey or /khao-sat, and nothing from other paths', () => {
    expect(surveySlugOf('/survey/ddci-2025/review')).to.equal('ddci-2025');
    expect(surveySlugOf('/khao-sat/a%20b')).to.equal('a b');
    expect(surveySlugOf('/khao-sat/%E0%A4%A')).to.equal(undefined);
    expect(surveySlugOf(`/survey/${'x'.repeat(65)}`)).to.equal(undefined);
    expect(surveySlugOf('/survey/visit/t0k3n')).to.equal(undefined);
    expect(surveySlugOf('/rankings/ddci')).to.equal(undefined);
    expect(surveySlugOf('/survey')).to.equal(undefined);
  });
});
