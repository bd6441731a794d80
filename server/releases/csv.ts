import type {
  FamilyList,
  Ranking,
  ReleaseIndex,
  ReleaseMetadata,
  ScoreCell,
  UnitProfile,
} from '#api/releases.js';
import type { Lang, Localized } from '#api/text.js';
import { toCsv } from '#server/http/csv.js';

// CSV downloads of the public views: UTF-8 with a BOM (Excel opens Vietnamese text correctly),
// formula cells neutralised by toCsv, column headers in the chosen language.

const H = {
  rank: { vi: 'Hạng', en: 'Rank' },
  unitCode: { vi: 'Mã đơn vị', en: 'Unit code' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  lower: { vi: 'cận dưới', en: 'lower bound' },
  upper: { vi: 'cận trên', en: 'upper bound' },
  best: { vi: 'Hạng tốt nhất', en: 'Best rank' },
  worst: { vi: 'Hạng kém nhất', en: 'Worst rank' },
  tier: { vi: 'Nhóm xếp hạng', en: 'Tier' },
  n: { vi: 'Số doanh nghiệp trả lời', en: 'Respondents' },
  rankChange: { vi: 'Thay đổi hạng', en: 'Rank change' },
  scoreChange: { vi: 'Thay đổi điểm', en: 'Score change' },
  reason: { vi: 'Lý do thiếu điểm', en: 'Why missing' },
  release: { vi: 'Bản công bố', en: 'Release' },
  edition: { vi: 'Năm', en: 'Year' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  status: { vi: 'Tình trạng', en: 'Status' },
  publishedAt: { vi: 'Thời điểm công bố', en: 'Published at' },
  supersedes: { vi: 'Đính chính cho', en: 'Supersedes' },
  supersededBy: { vi: 'Được thay bằng', en: 'Superseded by' },
  methodology: { vi: 'Phương pháp', en: 'Methodology' },
  hash: { vi: 'Mã băm phương pháp (SHA-256)', en: 'Methodology hash (SHA-256)' },
  sha256: { vi: 'SHA-256 của bản công bố', en: 'Release SHA-256' },
  family: { vi: 'Bộ chỉ số', en: 'Index' },
  block: { vi: 'Khối', en: 'Block' },
  relation: { vi: 'Quan hệ', en: 'Relation' },
  field: { vi: 'Trường', en: 'Field' },
  value: { vi: 'Giá trị', en: 'Value' },
} satisfies Record<string, Localized>;

const STATUS: Record<string, Localized> = {
  current: { vi: 'hiện hành', en: 'current' },
  superseded: { vi: 'đã được đính chính', en: 'superseded' },
  self: { vi: 'chính đơn vị', en: 'the unit itself' },
  predecessor: { vi: 'đơn vị tiền thân', en: 'predecessor' },
};

const withBom = (text: string) => `\uFEFF${text}`;
const round = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6;
const cellColumns = (c: ScoreCell) => [round(c.value), round(c.interval?.[0]), round(c.interval?.[1])];

export function rankingCsv(r: Ranking, lang: Lang): string {
  const comp = r.composite.name[lang];
  const header = [
    H.rank[lang],
    H.unitCode[lang],
    H.unit[lang],
    comp,
    `${comp}: ${H.lower[lang]}`,
    `${comp}: ${H.upper[lang]}`,
    H.best[lang],
    H.worst[lang],
    H.tier[lang],
    H.n[lang],
    H.rankChange[lang],
    H.scoreChange[lang],
    H.reason[lang],
    ...r.components.flatMap((c) => [c.name[lang], `${c.name[lang]}: ${H.rank[lang]}`]),
  ];
  const rows = r.rows.map((row) => [
    row.rank,
    row.unit.code,
    row.unit.name[lang],
    ...cellColumns({
      value: row.composite,
      interval: row.interval,
      rank: null,
      reason: null,
      rankRange: null,
    }),
    row.rankRange?.[0],
    row.rankRange?.[1],
    row.tier?.name[lang],
    row.n,
    row.change?.rank,
    round(row.change?.score),
    row.reason,
    ...r.components.flatMap((c) => [round(row.scores[c.code]), row.ranks[c.code]]),
  ]);
  return withBom(toCsv(header, rows));
}

export function profileCsv(p: UnitProfile, lang: Lang): string {
  const codes = [...new Set(p.series.flatMap((e) => e.components.map((c) => c.code)))];
  const names = new Map(p.series.flatMap((e) => e.components.map((c) => [c.code, c.name[lang]] as const)));
  const header = [
    H.edition[lang],
    H.release[lang],
    H.unitCode[lang],
    H.unit[lang],
    H.relation[lang],
    H.block[lang],
    H.rank[lang],
    'composite',
    H.lower[lang],
    H.upper[lang],
    H.tier[lang],
    H.n[lang],
    ...codes.map((c) => names.get(c)!),
  ];
  const rows = p.series.map((e) => [
    e.release.edition,
    e.release.id,
    e.unit.code,
    e.unit.name[lang],
    STATUS[e.relation]![lang],
    e.block.name[lang],
    e.composite.rank,
    ...cellColumns(e.composite),
    e.tier?.name[lang],
    e.n,
    ...codes.map((c) => round(e.subIndices[c]?.value)),
  ]);
  return withBom(toCsv(header, rows));
}

export function releaseIndexCsv(x: ReleaseIndex, lang: Lang): string {
  const header = [
    H.release[lang],
    H.family[lang],
    H.edition[lang],
    H.title[lang],
    H.status[lang],
    H.publishedAt[lang],
    H.supersedes[lang],
    H.supersededBy[lang],
    H.methodology[lang],
    H.hash[lang],
    H.sha256[lang],
  ];
  const rows = x.releases.map((r) => [
    r.id,
    r.family.code,
    r.edition,
    r.title[lang],
    STATUS[r.status]![lang],
    r.publishedAt,
    r.supersedes,
    r.supersededBy,
    `${r.methodology.id}@${r.methodology.version}`,
    r.methodology.hash,
    r.sha256,
  ]);
  return withBom(toCsv(header, rows));
}

export function familyListCsv(x: FamilyList, lang: Lang): string {
  const header = [
    H.family[lang],
    H.title[lang],
    H.edition[lang],
    H.release[lang],
    H.methodology[lang],
    H.block[lang],
  ];
  const rows = x.families.flatMap((f) =>
    f.editions.map((e) => [
      f.code,
      f.name[lang],
      e.year,
      e.release,
      e.methodologyVersion,
      e.blocks.join(' '),
    ]),
  );
  return withBom(toCsv(header, rows));
}

export function metadataCsv(m: ReleaseMetadata, lang: Lang): string {
  const rows: Array<[string, string | number | null]> = [
    [H.release[lang], m.release],
    [H.title[lang], m.title[lang]],
    [H.family[lang], m.family],
    [H.edition[lang], m.edition],
    [H.publishedAt[lang], m.publishedAt],
    [H.status[lang], STATUS[m.status]![lang]],
    [H.supersededBy[lang], m.supersededBy],
    [H.methodology[lang], `${m.methodology.id}@${m.methodology.version}`],
    [H.hash[lang], m.methodology.hash],
    [H.sha256[lang], m.sha256],
    [lang === 'vi' ? 'Giấy phép' : 'Licence', m.licence[lang]],
    [lang === 'vi' ? 'Trích dẫn' : 'Citation', m.citation[lang]],
  ];
  return withBom(toCsv([H.field[lang], H.value[lang]], rows));
}
