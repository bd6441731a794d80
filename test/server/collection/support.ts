import { Writable } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '#server/app.js';
import type { Database, Db } from '#server/db/client.js';
import { blocks, families, units } from '#server/db/schema/index.js';
import { createLogger } from '#server/http/logger.js';
import { ddciDemo2025 } from '#surveys/shipped.js';
import { createTestUser } from '#test/support/users.js';
import type { SurveyDefinition, SurveyResponse } from '#surveys/types.js';

/** API token of the analyst account that `seedFamily` creates (test/support/users.ts). */
export const ANALYST_TOKEN = 'ddci_t_test-analyst-token-0123456789';
export const CODE_SECRET = 'test-code-secret-0123456789abcdef0123456789';
export const DEPARTMENTS = ['SO_KHDT', 'SO_TC', 'SO_XD', 'CUC_THUE', 'SO_TNMT', 'SO_CT'];
export const LOCALITIES = ['P_AN_BINH', 'X_HOA_LAC', 'X_TAN_PHU'];

/** An app over the test database whose log lines are captured in `logs`. */
export function testApp(database: Database, extra: { codeAttempts?: number } = {}) {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = createApp({
    config: {
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      nodeEnv: 'test',
      codeSecret: CODE_SECRET,
      codeAttempts: extra.codeAttempts,
    },
    database,
    logger: createLogger('info', stream),
  });
  (app as unknown as { logs: string[] }).logs = logs;
  return { app, logs };
}

/** A DDCI family with the departments and localities blocks the shipped definitions use, and an analyst. */
export async function seedFamily(db: Db, code = 'ddci-test'): Promise<void> {
  await createTestUser(db, 'analyst', { username: 'test-analyst', token: ANALYST_TOKEN });
  const [family] = await db
    .insert(families)
    .values({ code, kind: 'ddci', nameVi: 'Tỉnh thử', nameEn: 'Test province', isDemo: 1 })
    .returning();
  const [dept, loc] = await db
    .insert(blocks)
    .values([
      { familyId: family!.id, code: 'departments', nameVi: 'Sở, ban, ngành', nameEn: 'Departments' },
      { familyId: family!.id, code: 'localities', nameVi: 'Địa phương', nameEn: 'Localities' },
    ])
    .returning();
  await db
    .insert(units)
    .values([
      ...DEPARTMENTS.map((c) => ({ blockId: dept!.id, code: c, nameVi: `Đơn vị ${c}`, nameEn: `Unit ${c}` })),
      ...LOCALITIES.map((c) => ({ blockId: loc!.id, code: c, nameVi: `Xã ${c}`, nameEn: `Commune ${c}` })),
    ]);
}

export interface EditionOptions {
  family?: string;
  year?: number;
  slug?: string;
  opensOn?: string;
  closesOn?: string;
  openMode?: boolean;
  definition?: SurveyDefinition;
}

/** Publishes the shipped 2025 definition through the admin API; returns the slug. */
export async function publishEdition(app: Express, opts: EditionOptions = {}): Promise<string> {
  const year = opts.year ?? 2025;
  const definition = opts.definition ?? { ...ddciDemo2025, edition: year };
  const res = await request(app)
    .post('/api/v1/admin/survey-editions')
    .set('authorization', `Bearer ${ANALYST_TOKEN}`)
    .send({
      family: opts.family ?? 'ddci-test',
      year,
      slug: opts.slug,
      definition,
      opensOn: opts.opensOn ?? '2020-01-01',
      closesOn: opts.closesOn ?? '2099-12-31',
      openMode: opts.openMode ?? false,
      units: { departments: DEPARTMENTS, localities: LOCALITIES },
    });
  if (res.status !== 201)
    throw new Error(`publish failed ${logsOf(app)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.slug as string;
}

export async function issue(app: Express, slug: string, body: object = { count: 5 }): Promise<string[]> {
  const res = await request(app)
    .post(`/api/v1/admin/survey-editions/${slug}/codes`)
    .set('authorization', `Bearer ${ANALYST_TOKEN}`)
    .send(body);
  if (res.status !== 201) throw new Error(`codes failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.codes as Array<{ code: string }>).map((c) => c.code);
}

/** A complete, valid 2025 response rating two departments and one locality. */
export function validResponse(rating = 3): SurveyResponse {
  const unit = (r: number) => ({
    TR1: r,
    TR2: 2,
    TR3: r,
    TR4: 1,
    TR5: 3,
    TR6: 5,
    DY1: r,
    DY2: 9,
    DY3: r,
    DY4: 3,
    TC1: r,
    TC2: r,
    TC3: 2,
    TC4: r,
    TC5: 3,
    TC6: 2,
    TC7: 2,
    TC8: 1,
    TC9: 2,
    IC1: 2,
    IC2: 1,
    IC4: 2,
    FC1: 1,
    FC2: 2,
    FC3: [5],
    BS1: 2,
    BS3: r,
    LI1: 4,
    LI2: r,
    HD1: r,
    HD2: 3,
    HD3: r,
  });
  return {
    answers: {
      CONSENT: 1,
      BLOCK: 3,
      UNITS_DEPT: ['SO_KHDT', 'SO_TC'],
      UNITS_LOC: ['X_HOA_LAC'],
      A1: 2,
      A2: 3,
      A3: 2,
      A4: 2015,
      C1: 'Giảm thủ tục',
    },
    units: {
      departments: { SO_KHDT: unit(rating), SO_TC: unit(Math.max(1, rating - 1)) },
      localities: { X_HOA_LAC: { ...unit(rating), LI3: 3, LA1: 2, LA3: 4, LA4: 3, LA5: 2, DT1: 2 } },
    },
  };
}

let counter = 0;
const logsOf = (app: Express): string => ((app as unknown as { logs?: string[] }).logs ?? []).join('');
export const nonce = (): string => `test-submission-${Date.now()}-${++counter}`;
