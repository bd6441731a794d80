import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '#server/config.js';

export type SecurityConfig = Pick<Config, 'nodeEnv'> & Partial<Pick<Config, 'behindTls'>>;

/**
 * Security headers. `upgrade-insecure-requests` and HSTS are sent only when the deployment says it
 * is served over HTTPS (BEHIND_TLS=true): on a plain-HTTP network deployment (HOST=0.0.0.0, reached
 * by a name other than localhost) they make the browser fetch every script over https, which fails,
 * and the page stays white. Browsers exempt localhost, which is why this never shows in development.
 */
export function securityHeaders(config: SecurityConfig): RequestHandler {
  const dev = config.nodeEnv === 'development';
  const tls = config.behindTls === true;
  return helmet({
    contentSecurityPolicy: {
      directives: {
        // Vite's dev client and Lit need nothing inline beyond styles set by components.
        'script-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
        'connect-src': ["'self'", ...(dev ? ['ws:'] : [])],
        'upgrade-insecure-requests': tls ? [] : null,
      },
    },
    strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
