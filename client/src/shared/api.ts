import type { ApiError } from '#api/errors.js';
import { INLINE_RESPONSES_ELEMENT } from '#api/public-paths.js';
import type {
  FamilySummary,
  Ranking,
  RankingRow,
  ReleaseDocument,
  SigningKey,
  UnitProfile,
} from '#api/releases.js';
import type { Lang } from '#api/text.js';

/**
 * A failed API call. `status` 0 means the server could not be reached; the interface shows its own
 * translated text for that, never the browser's "Failed to fetch".
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | undefined,
  ) {
    super(body?.error.message ?? (status === 0 ? 'network error' : `HTTP ${status}`));
  }
}

let inlined: Map<string, unknown> | undefined;

/**
 * The response to GET `path` that the server put in the page (the first view's data), taken at most once:
 * a later request for it (a retry, a return to the view) asks the API.
 */
function takeInlined(path: string): unknown {
  if (!inlined) {
    const text = document.getElementById(INLINE_RESPONSES_ELEMENT)?.textContent;
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // A damaged element is no reason to fail: the page asks the API instead.
    }
    inlined = new Map(Object.entries(parsed));
  }
  const body = inlined.get(path);
  inlined.delete(path);
  return body;
}

export async function getJson<T>(path: string, lang: Lang, signal?: AbortSignal): Promise<T> {
  const body = typeof document === 'undefined' ? undefined : takeInlined(path);
  if (body !== undefined) return body as T;
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json', 'accept-language': lang }, signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiRequestError(0, undefined);
  }
  if (!res.ok)
    throw new ApiRequestError(res.status, (await res.json().catch(() => undefined)) as ApiError | undefined);
  return (await res.json()) as T;
}

export const fetchFamilies = (lang: Lang, signal?: AbortSignal) =>
  getJson<{ families: FamilySummary[] }>('/api/v1/families', lang, signal).then((r) => r.families);

export function rankingPath(
  family: string,
  year: number,
  block: string | undefined,
  ext: '' | '.csv' = '',
  lang?: Lang,
): string {
  const q = new URLSearchParams();
  if (block) q.set('block', block);
  if (lang) q.set('lang', lang);
  const qs = q.toString();
  return `/api/v1/rankings/${encodeURIComponent(family)}/${year}${ext}${qs ? `?${qs}` : ''}`;
}

/**
 * Fills fields that an older server leaves out (n, interval, change, release, blocks), so the pages
 * read one shape whichever server version answers.
 */
export function normaliseRanking(r: Ranking): Ranking {
  const rows = r.rows.map((row): RankingRow => ({
    ...row,
    reasons: row.reasons ?? {},
    n: row.n ?? null,
    interval: row.interval ?? null,
    rankRange: row.rankRange ?? null,
    change: row.change ?? null,
    subIndices: row.subIndices ?? {},
  }));
  return { ...r, blocks: r.blocks ?? [r.block], uncertainty: r.uncertainty ?? null, rows };
}

export const fetchRanking = (
  family: string,
  year: number,
  block: string | undefined,
  lang: Lang,
  signal?: AbortSignal,
  release?: string,
) =>
  getJson<Ranking>(
    release
      ? `/api/v1/releases/${encodeURIComponent(release)}/rankings${block ? `?block=${encodeURIComponent(block)}` : ''}`
      : rankingPath(family, year, block),
    lang,
    signal,
  ).then(normaliseRanking);

export const fetchProfile = (family: string, unit: string, lang: Lang, signal?: AbortSignal) =>
  getJson<UnitProfile>(
    `/api/v1/units/${encodeURIComponent(family)}/${encodeURIComponent(unit)}`,
    lang,
    signal,
  );

export const fetchRelease = (id: string, lang: Lang, signal?: AbortSignal) =>
  getJson<ReleaseDocument>(`/api/v1/releases/${encodeURIComponent(id)}`, lang, signal);

export const fetchSigningKey = (lang: Lang, signal?: AbortSignal) =>
  getJson<SigningKey>('/api/v1/keys/release-signing', lang, signal);
