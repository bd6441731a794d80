import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { sendPublicDocument } from './public-document.js';
import { sendSurveyDocument } from './survey-document.js';

export const CLIENT_DIST = fileURLToPath(new URL('../../dist/client/', import.meta.url));

/**
 * Which HTML entry serves a path: the answering pages under /survey (and the Vietnamese alias
 * /khao-sat), the analyst workspace under /admin, the public site everywhere else.
 */
export function entryFor(pathname: string): 'survey.html' | 'admin.html' | 'index.html' {
  if (/^\/(survey|khao-sat)(\/|$)/.test(pathname)) return 'survey.html';
  if (/^\/admin(\/|$)/.test(pathname)) return 'admin.html';
  return 'index.html';
}

/**
 * Serves the built client. Any other GET that accepts HTML gets its entry's HTML, so that deep
 * links (the URL is the state) survive a reload.
 */
export function staticClient(dir = CLIENT_DIST): Router {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(
      `the client is not built: ${path.join(dir, 'index.html')} is missing; run "npm run build" first`,
    );
  }
  const router = Router();
  router.use(express.static(dir, { index: false, maxAge: '1h' }));
  router.get(/.*/, async (req, res, next) => {
    if (!req.accepts('html')) return next();
    const entry = entryFor(req.path);
    if (entry === 'survey.html') return sendSurveyDocument(req, res, dir);
    // Public pages: unknown paths, families, editions and units answer 404; a ranking inlines its first view.
    if (entry === 'index.html') return sendPublicDocument(req, res, dir);
    res.sendFile(path.join(dir, entry));
  });
  return router;
}
