// The server as a child process of the load and crash suites: startServer from the environment,
// without the browser client (the suites only speak to the API). Prints "Ready <url>".
import { loadConfig } from '#server/config.js';
import { isDatabaseUnavailable } from '#server/db/unavailable.js';
import { createLogger } from '#server/http/logger.js';
import { startServer } from '#server/serve.js';

const config = loadConfig();
const logger = createLogger(config.logLevel, process.stderr);
process.on('unhandledRejection', (reason) => {
  if (isDatabaseUnavailable(reason)) return;
  console.error('unhandled rejection', reason);
  process.exit(1);
});
const running = await startServer(config, logger);
console.log(`Ready ${running.url}`);
process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));
