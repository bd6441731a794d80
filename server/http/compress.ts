// HTTP compression for every response (pages, scripts, API JSON, CSV and release files), through the expressjs
// `compression` middleware: brotli when the client offers it (quality 4, cheap enough for dynamic bodies), else
// gzip or deflate, nothing when it asks for identity or the body is under 1 KB or not compressible (images,
// archives), or carries Cache-Control: no-transform. Vary: Accept-Encoding is added, so caches keep one copy per
// encoding.
//
// A strong ETag names exact bytes, and the compressed bytes differ from the identity ones: a compressed response
// gets the weak form of its validator (as nginx does). If-None-Match compares weakly, so a revalidation with
// either form still answers 304, whatever the encoding.

import compression from 'compression';
import type { RequestHandler } from 'express';

const weakenOnEncode: RequestHandler = (_req, res, next) => {
  const writeHead = res.writeHead;
  // compression() wraps writeHead after this (it runs next), so its Content-Encoding is set when this runs.
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
    const etag = res.getHeader('ETag');
    if (typeof etag === 'string' && !etag.startsWith('W/') && res.getHeader('Content-Encoding'))
      res.setHeader('ETag', `W/${etag}`);
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
  next();
};

const compressor = compression();

/** The compression middleware; mount it before any route. */
export function compress(): RequestHandler[] {
  return [weakenOnEncode, compressor];
}
