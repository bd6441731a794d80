const PREFIXES: Array<[RegExp, string]> = [
  [/^Phường\s+/u, 'Ward'],
  [/^Xã\s+/u, 'Commune'],
  [/^Thị trấn\s+/u, 'Town'],
  [/^Đặc khu\s+/u, 'Special Zone'],
  [/^Quận\s+/u, 'District'],
  [/^Huyện\s+/u, 'District'],
  [/^Thị xã\s+/u, 'Town'],
  [/^Thành phố\s+/u, 'City'],
];

/** Vietnamese letters without their marks: "Đông Triều" → "Dong Trieu". */
export const withoutMarks = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/**
 * The English form used for Vietnamese administrative names: the place name without diacritics,
 * then its type ("Phường Hồng Gai" → "Hong Gai Ward"), as in official English documents.
 */
export function englishUnitName(vi: string): string {
  for (const [re, type] of PREFIXES) if (re.test(vi)) return `${withoutMarks(vi.replace(re, ''))} ${type}`;
  return withoutMarks(vi);
}
