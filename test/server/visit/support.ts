import { Writable } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '#server/app.js';
import { CLI_ACTOR } from '#server/auth/actor.js';
import type { Database, Db } from '#server/db/client.js';
import { createLogger } from '#server/http/logger.js';
import type { VISIT_LIMITS } from '#server/limits/visit.js';
import { createFamily } from '#server/setup/families.js';
import { demoCentres } from '#server/visit/demo-centres.js';
import { setupServiceCentres } from '#server/visit/setup-centres.js';
import { sipasVisit2026 } from '#surveys/shipped.js';
import { createTestUser } from '#test/support/users.js';
import { ANALYST_TOKEN, CODE_SECRET } from '#test/server/collection/support.js';

export { ANALYST_TOKEN, CODE_SECRET };
export { visitResponse } from '#test/surveys/support/visit-response.js';
export const SERVICE_FAMILY = 'service-test';
/** The demo centres open after the 2025 reform (the district desks ended on 30 June 2025). */
export const CURRENT_CENTRES = demoCentres()
  .filter((u) => !u.validTo)
  .map((u) => u.code);

/** An app over the test database behind one trusted proxy (X-Forwarded-For names the client). */
export function visitApp(
  database: Database,
  visitLimits: Partial<typeof VISIT_LIMITS> = {},
  publicUrl?: string,
): Express {
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  return createApp({
    config: {
      bodyLimitBytes: 1024 * 1024,
      trustProxy: 1,
      nodeEnv: 'test',
      codeSecret: CODE_SECRET,
      visitLimits,
      publicUrl,
    },
    database,
    logger: createLogger('info', quiet),
  });
}

/** A service family with the demo centres, and the analyst of ANALYST_TOKEN. */
export async function seedServiceFamily(db: Db): Promise<void> {
  await createTestUser(db, 'analyst', { username: 'test-analyst', token: ANALYST_TOKEN });
  await createFamily(db, CLI_ACTOR, {
    code: SERVICE_FAMILY,
    kind: 'service',
    nameVi: 'Chỉ số hài lòng (thử)',
    nameEn: 'Service satisfaction (test)',
  });
  await setupServiceCentres(db, CLI_ACTOR, SERVICE_FAMILY);
}

/** Publishes the shipped visit survey for the current centres; returns the slug. */
export async function publishVisitEdition(
  app: Express,
  opts: { year?: number; slug?: string; opensOn?: string; closesOn?: string } = {},
): Promise<string> {
  const res = await request(app)
    .post('/api/v1/admin/survey-editions')
    .set('authorization', `Bearer ${ANALYST_TOKEN}`)
    .send({
      family: SERVICE_FAMILY,
      year: opts.year ?? 2026,
      slug: opts.slug,
      definition: { ...sipasVisit2026, edition: opts.year ?? 2026 },
      opensOn: opts.opensOn ?? '2020-01-01',
      closesOn: opts.closesOn ?? '2099-12-31',
      units: { centres: CURRENT_CENTRES },
    });
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.slug as string;
}

/** The signed link of one centre, as an analyst gets it. */
export async function centreToken(
  app: Express,
  centre: string,
  query: { counter?: string; kiosk?: boolean } = {},
): Promise<string> {
  const res = await request(app)
    .get(`/api/v1/admin/families/${SERVICE_FAMILY}/centres/links`)
    .query(query)
    .set('authorization', `Bearer ${ANALYST_TOKEN}`);
  if (res.status !== 200) throw new Error(`links failed: ${res.status} ${JSON.stringify(res.body)}`);
  const link = (res.body.links as Array<{ centre: { code: string }; token: string }>).find(
    (l) => l.centre.code === centre,
  );
  return link!.token;
}

let counter = 0;
/** A fresh submission id (the client's random nonce). */
export const nonce = (): string => `visit-test-${process.pid}-${++counter}-abcdefgh`;
