import { expect } from 'chai';
import type { Ranking } from '#api/releases.js';
import { rankingCsv } from '#server/releases/csv.js';

const cell = {
  value: 61.5,
  rank: 1,
  reason: null,
  interval: [60, 63] as [number, number],
  rankRange: [1, 2] as [number, number],
};
const ranking = {
  composite: { code: 'composite', name: { vi: 'DDCI 2024', en: 'DDCI 2024' } },
  components: [{ code: 'transparency', name: { vi: 'Minh bạch', en: 'Transparency' }, weight: 1 }],
  rows: [
    {
      rank: 1,
      unit: { code: 'A', name: { vi: '=HYPERLINK("http://x","Sở A")', en: '+Department A' } },
      composite: 61.5,
      reason: null,
      tier: { code: 'high', name: { vi: 'Tốt', en: 'High' } },
      scores: { transparency: 6.15 },
      ranks: { transparency: 1 },
      reasons: { transparency: null },
      n: 40,
      interval: cell.interval,
      rankRange: cell.rankRange,
      change: { release: 'x-2023-r1', unit: 'A', rank: 2, score: 1.2345678 },
      subIndices: { transparency: cell },
    },
  ],
} as unknown as Ranking;

describe('rankingCsv', () => {
  it('rankingCsv(r, "vi") starts with a BOM, heads columns in Vietnamese and neutralises formula cells', () => {
    const [header, row] = rankingCsv(ranking, 'vi').split('\r\n');
    expect(header!.startsWith('\uFEFFHạng,Mã đơn vị,Đơn vị,DDCI 2024,DDCI 2024: cận dưới,')).to.equal(true);
    expect(row).to.include(`'=HYPERLINK(""http://x"",""Sở A"")"`);
    expect(row!.split(',').slice(0, 2)).to.deep.equal(['1', 'A']);
  });
  it('rankingCsv(r, "en") heads columns in English and rounds changes to 6 decimals', () => {
    const [header, row] = rankingCsv(ranking, 'en').split('\r\n');
    expect(header).to.match(
      /^\uFEFFRank,Unit code,Unit,DDCI 2024,.*,Rank change,Score change,Why missing,Transparency,Transparency: Rank$/,
    );
    expect(row).to.include("'+Department A");
    expect(row).to.include(',2,1.234568,');
  });
});
