import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '#server/db/client.js';
import { createReleaseService, type ReleaseService } from '#server/releases/service.js';
import { ephemeralSigningKey } from '#server/releases/signing.js';

/** A release service with a fresh in-memory key and its own export folder under the system temp dir. */
export function testReleases(db: Db): ReleaseService {
  return createReleaseService(db, ephemeralSigningKey(), mkdtempSync(path.join(tmpdir(), 'ddci-public-')));
}
