// The public ranking page's first view inside its HTML (the home page is one too). Without it the page asks for its data only once its
// script has run (HTML → script → families and ranking → release document), and then renders twice. With it,
// the API responses the page asks for first (the same files the API sends, byte for byte) come inside the
// document as JSON in a <script type="application/json"> (data, never run: the strict CSP stays as it is),
// and the page renders the ranking, its chart and its legend in one pass. Anything else it still asks for.
import type { FamilyList, Ranking } from '#api/releases.js';
import { DEFAULT_FAMILY, parsePublicPath } from '#api/public-paths.js';
import type { CachedFile, PublicFileCache } from '#server/releases/file-cache.js';
import { PUBLIC_ROOT } from '#server/releases/public-files.js';
import { scriptSafeJson } from './script-json.js';

/** Block and release codes as the API's file names have them (no dots: nothing can climb out of a folder). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The release id of a ranking file, parsed once per version of the file. */
const releaseIds = new WeakMap<CachedFile, string | null>();

function releaseIdOf(file: CachedFile): string | null {
  let id = releaseIds.get(file);
  if (id === undefined) {
    const r = JSON.parse(file.bytes.toString('utf8')) as Partial<Ranking>;
    id = typeof r.release?.id === 'string' && CODE.test(r.release.id) ? r.release.id : null;
    releaseIds.set(file, id);
  }
  return id;
}

/** The API path the ranking page requests for its ranking (client/src/shared/api.ts, fetchRanking), and its file. */
function rankingRequest(family: string, year: number, block: string | null, release: string | null) {
  const q = block ? `?block=${block}` : '';
  const sub = block ? `/${block}` : '';
  return release
    ? { api: `/releases/${release}/rankings${q}`, file: `releases/${release}/rankings${sub}.json` }
    : { api: `/rankings/${family}/${year}${q}`, file: `rankings/${family}/${year}${sub}.json` };
}

/** A year in the query (`?year=`), as the page reads one (client/src/public/url-state.ts). */
const QUERY_YEAR = /^\d{4}(\d{2})?$/;

/** The latest edition of each family in the families file, read once per version of the file. */
const latestEditions = new WeakMap<CachedFile, Map<string, number>>();

function latestEdition(file: CachedFile, family: string): number | undefined {
  let latest = latestEditions.get(file);
  if (!latest) {
    const list = JSON.parse(file.bytes.toString('utf8')) as Partial<FamilyList>;
    // Editions are listed oldest first (client/src/public/families.ts, latestYear).
    latest = new Map((list.families ?? []).map((f) => [f.code, f.editions.at(-1)?.year ?? NaN]));
    latestEditions.set(file, latest);
  }
  const year = latest.get(family);
  return year === undefined || Number.isNaN(year) ? undefined : year;
}

/**
 * The family and edition the page at `pathname` ranks, worked out as the page does: the home page ranks
 * the default family; the edition is the path's, else `?year=`, else the family's latest.
 */
function rankingTarget(pathname: string, query: URLSearchParams, families: CachedFile | undefined) {
  const p = parsePublicPath(pathname);
  if (p?.view !== 'home' && p?.view !== 'ranking') return undefined;
  const family = p.view === 'home' ? DEFAULT_FAMILY : p.family;
  const q = query.get('year');
  const year =
    (p.view === 'ranking' ? p.year : undefined) ??
    (q && QUERY_YEAR.test(q) ? Number(q) : undefined) ??
    (families ? latestEdition(families, family) : undefined);
  return year === undefined || !CODE.test(family) ? undefined : { family, year };
}

/**
 * The responses the ranking page at `pathname` (with `query`) asks for first, by API path (`/api/v1/…`):
 * families, the ranking, its release document and the signing key. Undefined for any other page and
 * when the ranking is not in the export (the page then asks the API, which answers its own not-found).
 */
export async function firstViewResponses(
  pathname: string,
  query: URLSearchParams,
  files: PublicFileCache,
): Promise<Map<string, CachedFile> | undefined> {
  const get = (rel: string) => files.get(`${PUBLIC_ROOT}/${rel}`);
  const families = await get('families.json');
  const target = rankingTarget(pathname, query, families);
  const block = query.get('block');
  const release = query.get('release');
  if (!target || (block !== null && !CODE.test(block)) || (release !== null && !CODE.test(release)))
    return undefined;
  const ranking = rankingRequest(target.family, target.year, block, release);
  const [rankingFile, key] = await Promise.all([get(ranking.file), get('keys/release-signing.json')]);
  if (!rankingFile) return undefined;
  const out = new Map<string, CachedFile>([[ranking.api, rankingFile]]);
  if (families) out.set('/families', families);
  if (key) out.set('/keys/release-signing', key);
  const id = releaseIdOf(rankingFile);
  const doc = id ? await get(`releases/${id}.json`) : undefined;
  if (doc) out.set(`/releases/${id}`, doc);
  return new Map([...out].map(([api, file]) => [`/${PUBLIC_ROOT}${api}`, file]));
}

/** The object `{ path: body, … }` as the text of a JSON script element (the bodies are JSON files already). */
export function inlineResponses(responses: Map<string, CachedFile>): string {
  const members = [...responses].map(
    ([api, file]) => `${JSON.stringify(api)}:${file.bytes.toString('utf8').trim()}`,
  );
  return scriptSafeJson(`{${members.join(',')}}`);
}
