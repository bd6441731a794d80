import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { loadConfig } from '#server/config.js';
import { createLogger } from '#server/http/logger.js';
import { startServer } from '#server/serve.js';

/** `npm run dev`: the API plus Vite's dev server (hot reload) as middleware, on one port. */
async function main(): Promise<void> {
  const config = { ...loadConfig(), nodeEnv: 'development' as const };
  const logger = createLogger(config.logLevel);
  const vite = await createViteServer({
    configFile: fileURLToPath(new URL('../../client/vite.config.ts', import.meta.url)),
    server: { middlewareMode: true },
    appType: 'spa',
  });
  const running = await startServer(config, logger, {
    client: vite.middlewares,
    progress: (m) => console.error(m),
  });
  console.error(`Dev server: ${running.url}`);
  const stop = () => void Promise.all([running.close(), vite.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`Could not start the dev server: ${err.message}`);
  process.exit(1);
});
