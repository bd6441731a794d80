import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { verifyPassword } from '#server/auth/passwords.js';
import { openDatabase } from '#server/db/client.js';
import { auditLog, users } from '#server/db/schema/index.js';

const TSX = path.resolve('node_modules/.bin/tsx');

function createAdmin(
  args: string[],
  stdin: string,
  dbDir: string,
): Promise<{ code: number | null; out: string }> {
  const { NODE_V8_COVERAGE: _drop, DATABASE_URL: _url, ...env } = process.env;
  const child = spawn(TSX, ['server/cli/create-admin.ts', ...args], {
    env: { ...env, DB_DIR: dbDir, LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

describe('npm run create-admin', function () {
  this.timeout(120_000);
  const dbDir = path.join(mkdtempSync(path.join(tmpdir(), 'ddci-admin-')), 'db');

  it('create-admin with two differing passwords exits 1 and creates nothing', async () => {
    const r = await createAdmin(['alice'], 'first-password-1\nsecond-password-2\n', dbDir);
    expect(r.code).to.equal(1);
    expect(r.out).to.contain('differ');
  });

  it('create-admin refuses a short password, naming the rule', async () => {
    const r = await createAdmin(['alice'], 'short\nshort\n', dbDir);
    expect(r.code).to.equal(1);
    expect(r.out).to.contain('at least 12 characters');
  });

  it('create-admin creates an argon2id admin from piped stdin, audited as cli; a second run refuses', async () => {
    const r = await createAdmin(
      ['alice', '--name', 'Alice Nguyễn'],
      'a-long-admin-password\na-long-admin-password\n',
      dbDir,
    );
    expect(r.code, r.out).to.equal(0);
    const again = await createAdmin(['alice'], 'a-long-admin-password\na-long-admin-password\n', dbDir);
    expect(again.code).to.equal(1);
    expect(again.out).to.contain('--reset');
    const database = await openDatabase({ dataDir: dbDir });
    try {
      const [u] = await database.db.select().from(users).where(eq(users.username, 'alice'));
      expect(u).to.include({ role: 'admin', displayName: 'Alice Nguyễn' });
      expect(u!.passwordHash).to.match(/^\$argon2id\$/);
      expect(await verifyPassword(u!.passwordHash, 'a-long-admin-password')).to.equal(true);
      const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
      expect(audit.map((a) => a.actor)).to.deep.equal(['cli']);
      expect(JSON.stringify(audit)).not.to.contain('argon2');
    } finally {
      await database.close();
    }
  });
});
