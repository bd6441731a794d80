import type { FamilyList } from '#api/releases.js';
import { parsePublicPath } from '#api/public-paths.js';
import type { PublicFileCache } from '#server/releases/file-cache.js';
import { PUBLIC_ROOT } from '#server/releases/public-files.js';

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
