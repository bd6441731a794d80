// The public ranking page's first view inside its HTML. Without it the page asks for its data only once its
// script has run (HTML → script → families and ranking → release document), and then renders twice. With it,
// the API responses the page asks for first (the same files the API sends, byte for byte) come inside the
// document as JSON in a <script type="application/json"> (data, never run: the strict CSP stays as it is),
// and the page renders the ranking, its chart and its legend in one pass. Anything else it still asks for.
import type { Ranking } from '#api/releases.js';
import { parsePublicPath } from '#api/public-paths.js';
import type { CachedFile, PublicFileCache } from '#server/releases/file-cache.js';
import { PUBLIC_ROOT } from '#server/releases/public-files.js';

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

/**
 * The responses the ranking page at `pathname` (with `query`) asks for first, by API path (`/api/v1/…`):
 * families, the ranking, its release document and the signing key, as JSON text. Undefined for any other
 * page, for a year left to the latest edition, and when the ranking is not in the export (the page then
 * asks the API, which answers its own not-found).
 */
export async function firstViewResponses(
  pathname: string,
  query: URLSearchParams,
  files: PublicFileCache,
): Promise<Map<string, CachedFile> | undefined> {
  const p = parsePublicPath(pathname);
  if (p?.view !== 'ranking' || p.year === undefined || !CODE.test(p.family)) return undefined;
  const block = query.get('block');
  const release = query.get('release');
  if ((block !== null && !CODE.test(block)) || (release !== null && !CODE.test(release))) return undefined;
  const ranking = rankingRequest(p.family, p.year, block, release);
  const get = (rel: string) => files.get(`${PUBLIC_ROOT}/${rel}`);
  const [rankingFile, families, key] = await Promise.all([
    get(ranking.file),
    get('families.json'),
    get('keys/release-signing.json'),
  ]);
  if (!rankingFile) return undefined;
  const out = new Map<string, CachedFile>([[ranking.api, rankingFile]]);
  if (families) out.set('/families', families);
  if (key) out.set('/keys/release-signing', key);
  const id = releaseIdOf(rankingFile);
  const doc = id ? await get(`releases/${id}.json`) : undefined;
  if (doc) out.set(`/releases/${id}`, doc);
  return new Map([...out].map(([api, file]) => [`/${PUBLIC_ROOT}${api}`, file]));
}

/** JSON text that is safe inside a script element: `<` (so `</script>`, `<!--`) and U+2028/9 escaped. */
const scriptSafe = (json: string): string =>
  json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The object `{ path: body, … }` as the text of a JSON script element (the bodies are JSON files already). */
export function inlineResponses(responses: Map<string, CachedFile>): string {
  const members = [...responses].map(
    ([api, file]) => `${JSON.stringify(api)}:${file.bytes.toString('utf8').trim()}`,
  );
  return scriptSafe(`{${members.join(',')}}`);
}
