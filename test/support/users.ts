import type { Express } from 'express';
import request from 'supertest';
import { hashPassword } from '#server/auth/passwords.js';
import { tokenHash } from '#server/auth/secrets.js';
import type { Db } from '#server/db/client.js';
import { apiTokens, users, type Role } from '#server/db/schema/index.js';

export interface TestUser {
  id: number;
  username: string;
  password: string;
  role: Role;
  /** A per-user API token: send as `Authorization: Bearer <token>`. */
  token: string;
  bearer: string;
}

let n = 0;

/**
 * A real account with a real argon2id hash and API token, written to the test database (no mock of
 * the auth path). `token` may be fixed so suites can share a constant.
 */
export async function createTestUser(
  db: Db,
  role: Role,
  opts: { username?: string; password?: string; token?: string } = {},
): Promise<TestUser> {
  const username = opts.username ?? `${role}-${process.pid}-${++n}`;
  const password = opts.password ?? `pass-${role}-${n}-correct-horse`;
  const [u] = await db
    .insert(users)
    .values({ username, displayName: `Test ${role}`, role, passwordHash: await hashPassword(password) })
    .onConflictDoUpdate({ target: users.username, set: { role } })
    .returning();
  const token = opts.token ?? `ddci_t_test-${username}-0123456789`;
  await db
    .insert(apiTokens)
    .values({ userId: u!.id, name: 'test', tokenHash: tokenHash(token), prefix: token.slice(0, 12) })
    .onConflictDoNothing();
  return { id: u!.id, username, password, role, token, bearer: `Bearer ${token}` };
}

/** A supertest agent signed in through POST /api/v1/auth/login, with its CSRF token. */
export async function signIn(
  app: Express,
  username: string,
  password: string,
): Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }> {
  const agent = request.agent(app);
  const res = await agent.post('/api/v1/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, csrf: res.body.csrfToken as string };
}
