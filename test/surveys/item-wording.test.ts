import { expect } from 'chai';
import { itemWording } from '#surveys/item-wording.js';
import { ddciDemo2025 } from '#surveys/shipped.js';

describe('itemWording', () => {
  it('itemWording(definition, item, categories) quotes a rating item and names the counted scale points', () => {
    const w = itemWording(ddciDemo2025, 'TR1', [4, 5]);
    expect(w?.question.en).to.match(/^How easy is it to obtain documents of \{unit\}/);
    expect(w?.question.vi).to.match(/tiếp cận các văn bản, tài liệu/);
    expect(w?.categories?.map((c) => c.en)).to.deep.equal(['Easy', 'Very easy']);
  });

  it('itemWording names the counted options of a choice item', () => {
    const w = itemWording(ddciDemo2025, 'DT1', [1]);
    expect(w?.question.en).to.match(/file a dossier online/);
    expect(w?.categories).to.deep.equal([{ vi: 'Có', en: 'Yes' }]);
  });

  it('itemWording of a numeric item has no categories; of an unknown item, null', () => {
    expect(itemWording(ddciDemo2025, 'TR6')).to.deep.include({ categories: null });
    expect(itemWording(ddciDemo2025, 'TR6')?.question.en).to.match(/how many days did you wait/);
    expect(itemWording(ddciDemo2025, 'NOPE', [1])).to.equal(null);
  });

  it('itemWording leaves the categories out when one of them is not on the scale', () => {
    expect(itemWording(ddciDemo2025, 'TR1', [4, 9])?.categories).to.equal(null);
  });
});
