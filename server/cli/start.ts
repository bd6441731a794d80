import { ConfigError, loadConfig } from '#server/config.js';
import { isDatabaseUnavailable } from '#server/db/unavailable.js';
import { safeError } from '#server/http/error-handler.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { startServer } from '#server/serve.js';

/**
 * `npm start`: serve the built client and the API in production mode (strict Content-Security-Policy,
 * no development middleware; `npm run dev` is the development server); stop cleanly on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  process.env.NODE_ENV ||= 'production';
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(
        `Configuration error: ${e.message}\nFix the environment variable ${e.variable} and start again (see README.md, "Configuration").`,
      );
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  // A query that loses its database in a background job must not end the process: the pool
  // reconnects, and requests meanwhile get 503. Anything else unhandled is a bug: log it and exit.
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn({ err: safeError(reason) }, 'database unavailable in a background task');
      return;
    }
    logger.fatal({ err: safeError(reason) }, 'unhandled rejection');
    process.exit(1);
  });
  const progress = (m: string) => console.error(m);
  const running = await startServer(config, logger, { client: staticClient(), progress });
  logger.info({ url: running.url, database: running.database.kind }, 'listening');
  console.error(`Ready: ${running.url}`);
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    running.close().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error({ err: { message: err.message } }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: Error) => {
  console.error(`Could not start: ${err.message}`);
  if (/ECONNREFUSED|ENOTFOUND|password authentication/.test(err.message)) {
    console.error(
      'Check that the PostgreSQL server in DATABASE_URL is running and reachable, or unset DATABASE_URL to use the embedded database.',
    );
  }
  if (/EADDRINUSE/.test(err.message))
    console.error('Another program uses this port: set PORT to a free one.');
  process.exit(1);
});
