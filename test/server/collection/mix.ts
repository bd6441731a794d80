import type { Db } from '#server/db/client.js';
import { codeHasher } from '#server/collection/code-hash.js';
import { runMixer } from '#server/collection/mixer.js';
import { CODE_SECRET } from './support.js';

/**
 * Stores every pending submission now, whatever the batch size: what the scheduled mixer does
 * when an edition's final batch is due. Suites call it where they read responses back.
 */
export async function mixNow(db: Db): Promise<number[]> {
  return (await runMixer(db, codeHasher(CODE_SECRET), { k: 1, maxDelayMs: 0 }, { force: true })).batches;
}
