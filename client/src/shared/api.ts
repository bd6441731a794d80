import type { ApiError, FamilySummary, Ranking } from '#server/api-types.js';
import type { Lang } from './i18n.js';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | undefined,
    lang: Lang,
  ) {
    super(body?.error.messages[lang] ?? `HTTP ${status}`);
  }
}

async function getJson<T>(path: string, lang: Lang, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json', 'accept-language': lang }, signal });
  if (!res.ok)
    throw new ApiRequestError(
      res.status,
      (await res.json().catch(() => undefined)) as ApiError | undefined,
      lang,
    );
  return (await res.json()) as T;
}

export const fetchFamilies = (lang: Lang, signal?: AbortSignal) =>
  getJson<{ families: FamilySummary[] }>('/api/v1/families', lang, signal).then((r) => r.families);

export function rankingPath(
  family: string,
  year: number,
  block: string | undefined,
  ext: '' | '.csv' = '',
): string {
  const q = block ? `?block=${encodeURIComponent(block)}` : '';
  return `/api/v1/rankings/${encodeURIComponent(family)}/${year}${ext}${q}`;
}

export const fetchRanking = (
  family: string,
  year: number,
  block: string | undefined,
  lang: Lang,
  signal?: AbortSignal,
) => getJson<Ranking>(rankingPath(family, year, block), lang, signal);
