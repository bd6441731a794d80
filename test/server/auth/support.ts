import { Writable } from 'node:stream';
import { createApp } from '#server/app.js';
import type { Database } from '#server/db/client.js';
import { createLogger } from '#server/http/logger.js';

export const CODE_SECRET = 'test-code-secret-0123456789abcdef0123456789';

/**
 * The real app over a test database; `trustProxy` lets a test claim TLS through X-Forwarded-Proto
 * (or, as a hop count, a client address through X-Forwarded-For).
 */
export function workspaceApp(
  database: Database,
  opts: { loginAttempts?: number; trustProxy?: boolean | number } = {},
) {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  return createApp({
    config: {
      bodyLimitBytes: 1024 * 1024,
      trustProxy: opts.trustProxy ?? false,
      nodeEnv: 'test',
      codeSecret: CODE_SECRET,
      loginAttempts: opts.loginAttempts,
    },
    database,
    logger: createLogger('silent', sink),
  });
}
