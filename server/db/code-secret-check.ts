// With DATABASE_URL set and a fresh DATA_DIR (a new container, a second app instance), a new code
// secret used to be generated silently, and every survey code already sent to firms was rejected.
// The database now remembers a fingerprint of the secret it was set up with and refuses another.
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { serverSettings } from './schema/index.js';

const KEY = 'code_secret_fingerprint';

/** A one-way fingerprint: HMAC keyed by the secret over a fixed label, so it reveals nothing of it. */
export const codeSecretFingerprint = (secret: string): string =>
  createHmac('sha256', secret).update('ddci code-secret fingerprint v1').digest('hex').slice(0, 32);

export class CodeSecretMismatchError extends Error {
  constructor(stored: string, since: Date, current: string) {
    super(
      `The code secret differs from the one this database was set up with (fingerprint ${stored.slice(0, 12)}… ` +
        `since ${since.toISOString()}; this start: ${current.slice(0, 12)}…). Every survey code already issued ` +
        'would be rejected. Set CODE_SECRET to the original secret, or restore DATA_DIR/code-secret on this ' +
        'machine (every instance sharing a DATABASE_URL needs the same CODE_SECRET). To void all issued codes ' +
        `on purpose, run: delete from server_settings where key = '${KEY}';\n` +
        'Khóa mã khảo sát khác với khóa cơ sở dữ liệu đã dùng: mọi mã đã phát sẽ bị từ chối. Hãy đặt CODE_SECRET ' +
        'bằng khóa ban đầu hoặc khôi phục tệp DATA_DIR/code-secret.',
    );
    this.name = 'CodeSecretMismatchError';
  }
}

/** Records the secret's fingerprint on first start; afterwards throws CodeSecretMismatchError on another. */
export async function checkCodeSecret(db: Db, secret: string): Promise<void> {
  const fingerprint = codeSecretFingerprint(secret);
  await db.insert(serverSettings).values({ key: KEY, value: fingerprint }).onConflictDoNothing();
  const [row] = await db.select().from(serverSettings).where(eq(serverSettings.key, KEY));
  if (row && row.value !== fingerprint) throw new CodeSecretMismatchError(row.value, row.setAt, fingerprint);
}
