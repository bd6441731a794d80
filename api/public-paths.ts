// The public site's document paths: one grammar, read by the browser (to pick a view) and by the
// server (to answer an unknown path with HTTP 404 instead of silently showing a default ranking).

/** A public view and the identifiers its path names. Query parameters (sort, weights, …) are not part of it. */
export type PublicPath =
  | { view: 'home' }
  | { view: 'ranking'; family: string; year: number | undefined }
  | { view: 'unit'; family: string; unit: string }
  | { view: 'compare'; family: string }
  | { view: 'trends'; family: string }
  | { view: 'methodology'; family: string; year: number | undefined };

/** The family the site's home page ranks (its latest edition). */
export const DEFAULT_FAMILY = 'pci';

/** Codes in paths: family codes, unit codes (letters, digits, `_`, `-`, `.`). */
const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
// A year, or a monthly/quarterly edition YYYYMM (api/periods.ts).
const YEAR = /^(19|20)\d\d(0[1-9]|1[0-2])?$/;

const code = (s: string | undefined): string | undefined => (s && CODE.test(s) ? s : undefined);

function yearOf(parts: string[], at: number): number | undefined | null {
  const s = parts[at];
  if (s === undefined) return undefined;
  return YEAR.test(s) ? Number(s) : null;
}

/**
 * The view a path names, or null when no public page lives there (then the page is a not-found page
 * and the document is a 404). A trailing slash is ignored; path segments are URL-decoded.
 */
export function parsePublicPath(pathname: string): PublicPath | null {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
  if (parts.length === 0) return { view: 'home' };
  const [head, familyPart] = parts;
  const family = code(familyPart);
  if (!family) return null;
  if ((head === 'rankings' || head === 'methodology') && parts.length <= 3) {
    const year = yearOf(parts, 2);
    if (year === null) return null;
    return { view: head === 'rankings' ? 'ranking' : 'methodology', family, year };
  }
  if (head === 'units' && parts.length === 3) {
    const unit = code(parts[2]);
    return unit ? { view: 'unit', family, unit } : null;
  }
  if ((head === 'compare' || head === 'trends') && parts.length === 2) return { view: head, family };
  return null;
}

/** The path of a view (the inverse of parsePublicPath). */
export function publicPath(p: PublicPath): string {
  const e = encodeURIComponent;
  switch (p.view) {
    case 'home':
      return '/';
    case 'ranking':
      return `/rankings/${e(p.family)}${p.year === undefined ? '' : `/${p.year}`}`;
    case 'methodology':
      return `/methodology/${e(p.family)}${p.year === undefined ? '' : `/${p.year}`}`;
    case 'unit':
      return `/units/${e(p.family)}/${e(p.unit)}`;
    case 'compare':
    case 'trends':
      return `/${p.view}/${e(p.family)}`;
  }
}

/**
 * The id of the `<script type="application/json">` element in which the server puts the first view's API
 * responses (an object from API path, as the page requests it, to the response body), so the page
 * renders without waiting for them. The page uses each at most once and asks the API for anything else.
 */
export const INLINE_RESPONSES_ELEMENT = 'api-responses';
