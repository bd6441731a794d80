import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'express';
import type { FamilyList } from '#api/releases.js';
import { INLINE_RESPONSES_ELEMENT, parsePublicPath } from '#api/public-paths.js';
import type { PublicFileCache } from '#server/releases/file-cache.js';
import { PUBLIC_ROOT } from '#server/releases/public-files.js';
import { firstViewResponses, inlineResponses } from './public-first-view.js';

/**
 * The HTTP status of a public page's document: 404 for a path no public page lives at, and for an
 * unknown family, edition or unit (looked up in the release export the API serves), so a crawler
 * or a shared link never gets a 200 for a page that says "not found".
 */
export async function publicDocumentStatus(pathname: string, files?: PublicFileCache): Promise<200 | 404> {
  const p = parsePublicPath(pathname);
  if (!p) return 404;
  if (p.view === 'home' || !files) return 200;
  if (p.view === 'unit')
    return (await files.get(`${PUBLIC_ROOT}/units/${p.family}/${p.unit}.json`)) ? 200 : 404;
  const list = await files.get(`${PUBLIC_ROOT}/families.json`);
  if (!list) return 404;
  const family = (JSON.parse(list.bytes.toString('utf8')) as FamilyList).families.find(
    (f) => f.code === p.family,
  );
  if (!family) return 404;
  const year = 'year' in p ? p.year : undefined;
  return year === undefined || family.editions.some((e) => e.year === year) ? 200 : 404;
}

/**
 * Answers a GET of a public page (`dir`: the built client): index.html with the status above, and for a
 * ranking page its first view's API responses inlined (public-first-view.ts).
 */
export async function sendPublicDocument(req: Request, res: Response, dir: string): Promise<void> {
  const files = req.app.locals.publicFiles as PublicFileCache | undefined;
  const status = await publicDocumentStatus(req.path, files);
  res.status(status);
  const query = new URL(req.originalUrl, 'http://localhost').searchParams;
  const inline = files && status === 200 ? await firstViewResponses(req.path, query, files) : undefined;
  if (!inline) return res.sendFile(path.join(dir, 'index.html'));
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const tag = `<script type="application/json" id="${INLINE_RESPONSES_ELEMENT}">${inlineResponses(inline)}</script>`;
  // The data changes with each publication: revalidate every time (the ETag is Express's, of these bytes).
  res.setHeader('Cache-Control', 'no-cache');
  res.type('html').send(html.replace('</body>', `  ${tag}\n  </body>`));
}
