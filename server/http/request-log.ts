import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * One log line per request with the matched route pattern, never the raw URL: paths and query
 * strings may carry survey codes, and bodies carry answers. Anonymity depends on this.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const route = req.route?.path
        ? `${req.baseUrl}${String(req.route.path)}`
        : req.path.startsWith('/api')
          ? '(unmatched api)'
          : '(static)';
      logger.info(
        {
          method: req.method,
          route,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - start) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}
