import type { Lang } from '#api/text.js';
import { DEFAULT_FAMILY, parsePublicPath, publicPath } from '#api/public-paths.js';

export type View = 'ranking' | 'unit' | 'compare' | 'trends' | 'methodology' | 'not-found';
export type Tab = 'table' | 'chart' | 'map';
/** What colours the map: the tier choropleth or a continuous scale of the composite. */
export type MapColour = 'tier' | 'score';

/** Everything a public view depends on; it lives in the URL so any view can be shared and reloaded. */
export interface ViewState {
  view: View;
  family: string;
  /** undefined = the latest edition. */
  year: number | undefined;
  block: string | undefined;
  /** The unit of a profile. */
  unit: string | undefined;
  /** Units chosen for compare and trends. */
  units: string[];
  /** 'rank', 'unit', 'composite', 'change', 'n' or a component code. */
  sort: string;
  dir: 'asc' | 'desc';
  lang: Lang;
  tab: Tab;
  mapColour: MapColour;
  /** What-if weights by component code; null = the official weights. */
  weights: Record<string, number> | null;
  /** A pinned release id (embeds); undefined = the edition's current release. */
  release: string | undefined;
  embed: boolean;
}

export const defaultState: ViewState = {
  view: 'ranking',
  family: DEFAULT_FAMILY,
  year: undefined,
  block: undefined,
  unit: undefined,
  units: [],
  sort: 'rank',
  dir: 'asc',
  lang: 'vi',
  tab: 'table',
  mapColour: 'tier',
  weights: null,
  release: undefined,
  embed: false,
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

const SAFE = /^[a-z0-9_.-]{1,64}$/i;
const TABS: readonly Tab[] = ['table', 'chart', 'map'];
// Units are joined with "~", which no client rewrites (OWID moved from "+" to "~" for that reason, #397).
const UNIT_SEP = '~';

function parseWeights(q: URLSearchParams): Record<string, number> | null {
  const weights: Record<string, number> = {};
  let any = false;
  for (const [key, value] of q) {
    if (!key.startsWith('w.')) continue;
    const code = key.slice(2);
    const w = Number(value);
    if (SAFE.test(code) && Number.isFinite(w) && w >= 0 && w <= 100) {
      weights[code] = w;
      any = true;
    }
  }
  return any ? weights : null;
}

function parseQuery(q: URLSearchParams, state: ViewState): void {
  const block = q.get('block');
  if (block && SAFE.test(block)) state.block = block;
  const sort = q.get('sort');
  if (sort && SAFE.test(sort)) state.sort = sort;
  const dir = q.get('dir');
  if (dir === 'asc' || dir === 'desc') state.dir = dir;
  const lang = q.get('lang');
  if (lang === 'vi' || lang === 'en') state.lang = lang;
  const tab = q.get('tab') as Tab | null;
  if (tab && TABS.includes(tab)) state.tab = tab;
  if (q.get('colour') === 'score') state.mapColour = 'score';
  const year = q.get('year');
  if (year && /^\d{4}(\d{2})?$/.test(year) && state.year === undefined) state.year = Number(year);
  const units = q.get('units');
  if (units)
    state.units = units
      .split(UNIT_SEP)
      .filter((u) => SAFE.test(u))
      .slice(0, 10);
  const release = q.get('release');
  if (release && SAFE.test(release)) state.release = release;
  state.embed = q.get('embed') === '1';
  state.weights = parseWeights(q);
}

export function parseUrl(href: string): ViewState {
  const url = new URL(href, 'http://localhost');
  for (const m of migrations) m(url);
  const state: ViewState = { ...defaultState, units: [] };
  const path = parsePublicPath(url.pathname);
  if (!path) state.view = 'not-found';
  else if (path.view !== 'home') {
    state.view = path.view;
    state.family = path.family;
    if ('year' in path) state.year = path.year;
    if (path.view === 'unit') state.unit = path.unit;
  }
  parseQuery(url.searchParams, state);
  return state;
}

function pathOf(state: ViewState): string {
  const { family, year } = state;
  switch (state.view) {
    case 'ranking':
    case 'methodology':
      return publicPath({ view: state.view, family, year });
    case 'unit':
      return publicPath({ view: 'unit', family, unit: state.unit ?? '' });
    case 'compare':
    case 'trends':
      return publicPath({ view: state.view, family });
    case 'not-found':
      return location.pathname;
  }
}

/** The canonical URL (path + query) of a state; defaults are left out to keep links short. */
export function toUrl(state: ViewState): string {
  const q = new URLSearchParams();
  const yearInQuery = state.view === 'compare' || state.view === 'trends';
  if (yearInQuery && state.year !== undefined) q.set('year', String(state.year));
  if (state.block) q.set('block', state.block);
  if (state.units.length && yearInQuery) q.set('units', state.units.join(UNIT_SEP));
  if (state.view === 'ranking') {
    if (state.sort !== defaultState.sort) q.set('sort', state.sort);
    if (state.dir !== defaultState.dir) q.set('dir', state.dir);
    if (state.tab !== defaultState.tab) q.set('tab', state.tab);
    if (state.mapColour !== defaultState.mapColour) q.set('colour', state.mapColour);
    for (const [code, w] of Object.entries(state.weights ?? {})) q.set(`w.${code}`, String(w));
  }
  if (state.release) q.set('release', state.release);
  if (state.embed) q.set('embed', '1');
  if (state.lang !== defaultState.lang) q.set('lang', state.lang);
  // "~" is unreserved (RFC 3986) but URLSearchParams escapes it; keep links readable.
  const qs = q.toString().replace(/%7E/gi, '~');
  const path = pathOf(state);
  return qs ? `${path}?${qs}` : path;
}

/** The state after switching family: a new family starts at its latest edition, first block, ranked by rank. */
export const switchFamily = (state: ViewState, family: string): ViewState => ({
  ...state,
  family,
  year: undefined,
  block: undefined,
  unit: undefined,
  units: [],
  sort: defaultState.sort,
  dir: defaultState.dir,
  weights: null,
  release: undefined,
});
