import { expect } from 'chai';
import type { ReleaseBlock, ReleaseDocument, ReleaseUnit } from '#api/releases.js';
import { responseRates } from '#client/src/public/response-rates.js';
import { questionText, questionsOf, wordingOf } from '#client/src/public/question-wording.js';
import { ddciDemo2025 } from '#surveys/shipped.js';

const name = (en: string) => ({ vi: en, en });
const unit = (code: string, n: number | null, suppressed = false): ReleaseUnit => ({
  code,
  name: name(code),
  n,
  composite: {
    value: suppressed ? null : 60,
    rank: suppressed ? null : 1,
    reason: suppressed ? 'unit-suppressed' : null,
    interval: null,
    rankRange: null,
  },
  tier: null,
  change: null,
  subIndices: {},
});
const block = (code: string, units: ReleaseUnit[], indicators?: unknown[]): ReleaseBlock =>
  ({
    code,
    name: name(code),
    composite: { code: 'ddci', name: name('DDCI'), weight: null },
    components: [],
    tiers: [],
    uncertainty: null,
    units,
    ...(indicators ? { indicators } : {}),
  }) as ReleaseBlock;
const release = (survey: ReleaseDocument['survey'], blocks: ReleaseBlock[]) =>
  ({ survey, blocks }) as unknown as ReleaseDocument;

describe('responseRates', () => {
  const doc = release({ edition: 2025, definitionHash: 'h', responses: 200, excluded: 5 }, [
    block('departments', [unit('a', 40), unit('b', 10), unit('c', 7, true), unit('d', 25)]),
    block('localities', [unit('x', null), unit('y', null)]),
  ]);

  it('responseRates(release) gives per unit n and the share of responding firms, and marks suppressed units', () => {
    const r = responseRates(doc, 10);
    const d = r.blocks[0]!;
    expect(d.units.map((u) => u.share)).to.deep.equal([0.2, 0.05, 0.035, 0.125]);
    expect(d.units.map((u) => u.published)).to.deep.equal([true, true, false, true]);
    expect([d.ratings, d.median, d.min, d.max, d.belowMinimum]).to.deep.equal([82, 17.5, 7, 40, 1]);
  });

  it('responseRates has no overall rate without the firms invited, and one with them', () => {
    expect(responseRates(doc, 10)).to.deep.include({
      responses: 200,
      excluded: 5,
      invited: null,
      rate: null,
    });
    const invited = release(
      { edition: 2025, definitionHash: 'h', responses: 200, excluded: 5, invited: 800 } as never,
      [],
    );
    expect(responseRates(invited, null).rate).to.equal(0.25);
  });

  it('responseRates on a release without a survey or without n per unit leaves the figures empty', () => {
    const r = responseRates(release(null, [block('provinces', [unit('hn', null)])]), null);
    expect(r.responses).to.equal(null);
    expect(r.blocks[0]).to.deep.include({
      ratings: null,
      median: null,
      min: null,
      max: null,
      belowMinimum: 0,
    });
  });
});

describe('questionsOf', () => {
  it('questionsOf(release) maps survey indicators to their question and counted answers; hard data and old releases have none', () => {
    const q = {
      vi: 'Mức độ dễ dàng tiếp cận tài liệu của {unit}',
      en: 'How easy is it to obtain documents of {unit}?',
    };
    const doc = release(null, [
      block(
        'departments',
        [],
        [
          { code: 'tr1', item: 'TR1', question: q, categories: [name('Easy'), name('Very easy')] },
          { code: 'tr6', item: 'TR6' },
          { code: 'hd1', item: null },
        ],
      ),
      block('localities', []),
    ]);
    const words = questionsOf(doc);
    expect([...words.keys()]).to.deep.equal(['tr1', 'tr6']);
    expect(words.get('tr1')).to.deep.equal({
      item: 'TR1',
      question: q,
      categories: [name('Easy'), name('Very easy')],
    });
    expect(words.get('tr6')).to.deep.equal({ item: 'TR6', question: null, categories: null });
  });

  it('questionText(text, unit) puts the unit placeholder in brackets', () => {
    expect(
      questionText('How easy is it to obtain documents of {unit}? Is {unit} open?', 'the unit'),
    ).to.equal('How easy is it to obtain documents of [the unit]? Is [the unit] open?');
  });
});

describe('wordingOf', () => {
  it('wordingOf prefers the release’s own wording, else quotes the verified definition, else gives the item code only', () => {
    const own = { item: 'TR1', question: { vi: 'Câu', en: 'Q' }, categories: null };
    expect(wordingOf(new Map([['tr1', own]]), ddciDemo2025, 'tr1', { item: 'TR1' })).to.equal(own);
    const fromDefinition = wordingOf(new Map(), ddciDemo2025, 'tr1', { item: 'TR1', categories: [4, 5] });
    expect(fromDefinition.question?.en).to.match(/^How easy is it to obtain documents/);
    expect(fromDefinition.categories?.map((c) => c.en)).to.deep.equal(['Easy', 'Very easy']);
    expect(wordingOf(new Map(), null, 'tr1', { item: 'TR1' })).to.deep.equal({
      item: 'TR1',
      question: null,
      categories: null,
    });
  });
});
