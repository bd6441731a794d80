import { ConfigError, loadConfig } from '#server/config.js';
import { createLogger } from '#server/http/logger.js';
import { staticClient } from '#server/http/static-client.js';
import { startServer } from '#server/serve.js';

/** `npm start`: serve the built client and the API; stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
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
