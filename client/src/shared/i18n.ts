export type Lang = 'vi' | 'en';

const messages = {
  siteTitle: { vi: 'Chỉ số năng lực cạnh tranh', en: 'Competitiveness indices' },
  siteSubtitle: {
    vi: 'PCI và DDCI: xếp hạng, hồ sơ, dữ liệu mở',
    en: 'PCI and DDCI: rankings, profiles, open data',
  },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  rankingTitle: { vi: 'Bảng xếp hạng', en: 'Ranking' },
  index: { vi: 'Chỉ số', en: 'Index' },
  year: { vi: 'Năm', en: 'Year' },
  block: { vi: 'Khối', en: 'Block' },
  rank: { vi: 'Hạng', en: 'Rank' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  tier: { vi: 'Nhóm', en: 'Tier' },
  weight: { vi: 'Trọng số', en: 'Weight' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  loadError: { vi: 'Không tải được dữ liệu', en: 'Could not load the data' },
  downloadCsv: { vi: 'Tải CSV', en: 'Download CSV' },
  noData: { vi: 'Không có dữ liệu cho lựa chọn này.', en: 'No data for this selection.' },
  notInEdition: { vi: 'Không có trong phương pháp năm này', en: 'Not part of this edition’s methodology' },
  sortBy: { vi: 'Sắp xếp theo', en: 'Sort by' },
  units: { vi: 'đơn vị', en: 'units' },
  median: { vi: 'Trung vị', en: 'Median' },
  source: { vi: 'Nguồn', en: 'Source' },
  demo: {
    vi: 'DỮ LIỆU MINH HỌA: tỉnh và kết quả này là hư cấu, dùng để thử nghiệm.',
    en: 'DEMO DATA: this province and its results are fictional, for testing only.',
  },
  scoreNote: {
    vi: 'Điểm chỉ số thành phần trên thang 10; điểm tổng hợp trên thang 100. Hạng chỉ số thành phần được tính trong khối.',
    en: 'Sub-index scores are on a 10-point scale; the composite is out of 100. Sub-index ranks are computed within the block.',
  },
  reasonMissing: { vi: 'Không có dữ liệu', en: 'No data' },
  'reason-unit-suppressed': {
    vi: 'Không công bố: quá ít doanh nghiệp đánh giá đơn vị này',
    en: 'Not published: too few firms rated this unit',
  },
  'reason-indicator-suppressed': {
    vi: 'Không công bố: quá ít câu trả lời',
    en: 'Not published: too few answers',
  },
  'reason-coverage': { vi: 'Không đủ dữ liệu để tính điểm', en: 'Not enough data to compute a score' },
  'reason-screened': {
    vi: 'Loại khỏi xếp hạng do thiếu dữ liệu',
    en: 'Left out of the ranking for missing data',
  },
  notRanked: { vi: 'Không xếp hạng', en: 'Not ranked' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export const t = (lang: Lang, key: MessageKey): string => messages[key][lang];

/** Why a score is missing, in words; unknown reasons fall back to "no data". */
export function reasonText(lang: Lang, reason: string | null): string {
  const key = `reason-${reason}`;
  return key in messages ? messages[key as MessageKey][lang] : messages.reasonMissing[lang];
}

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Numbers follow the locale: 62,53 in Vietnamese, 62.53 in English. */
export function formatNumber(lang: Lang, value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locales[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export const formatPercent = (lang: Lang, share: number): string =>
  new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 1 }).format(share);
