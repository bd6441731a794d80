import type { Lang } from '#client/src/shared/i18n.js';

/** Everything a public view depends on; it lives in the URL so any view can be shared and reloaded. */
export interface ViewState {
  view: 'ranking';
  family: string;
  /** undefined = the latest edition. */
  year: number | undefined;
  block: string | undefined;
  /** 'rank', 'unit', 'composite' or a component code. */
  sort: string;
  dir: 'asc' | 'desc';
  lang: Lang;
}

export const defaultState: ViewState = {
  view: 'ranking',
  family: 'pci',
  year: undefined,
  block: undefined,
  sort: 'rank',
  dir: 'asc',
  lang: 'vi',
};

type Migration = (url: URL) => void;

/**
 * Old URLs are upgraded in order before parsing, so a shared link keeps working after the scheme changes.
 * 2026-11-29, migration #1: `/?year=2016` (the first public page) → `/rankings/pci/2016`.
 */
const migrations: Migration[] = [
  (url) => {
    const year = url.searchParams.get('year');
    if ((url.pathname === '/' || url.pathname === '') && year) {
      url.pathname = `/rankings/pci/${year}`;
      url.searchParams.delete('year');
    }
  },
];

const SAFE = /^[a-z0-9_-]{1,64}$/i;

export function parseUrl(href: string): ViewState {
  const url = new URL(href, 'http://localhost');
  for (const m of migrations) m(url);
  const state: ViewState = { ...defaultState };
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'rankings') {
    if (parts[1] && SAFE.test(parts[1])) state.family = parts[1];
    if (parts[2] && /^\d{4}$/.test(parts[2])) state.year = Number(parts[2]);
  }
  const q = url.searchParams;
  const block = q.get('block');
  if (block && SAFE.test(block)) state.block = block;
  const sort = q.get('sort');
  if (sort && SAFE.test(sort)) state.sort = sort;
  const dir = q.get('dir');
  if (dir === 'asc' || dir === 'desc') state.dir = dir;
  const lang = q.get('lang');
  if (lang === 'vi' || lang === 'en') state.lang = lang;
  return state;
}

/** The canonical URL (path + query) of a state; defaults are left out to keep links short. */
export function toUrl(state: ViewState): string {
  const path = `/rankings/${state.family}${state.year !== undefined ? `/${state.year}` : ''}`;
  const q = new URLSearchParams();
  if (state.block) q.set('block', state.block);
  if (state.sort !== defaultState.sort) q.set('sort', state.sort);
  if (state.dir !== defaultState.dir) q.set('dir', state.dir);
  if (state.lang !== defaultState.lang) q.set('lang', state.lang);
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}
