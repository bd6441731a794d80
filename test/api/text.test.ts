import { expect } from 'chai';
import { fillText } from '#api/text.js';

describe('fillText', () => {
  it('fillText(template, params) fills placeholders in both languages and leaves unknown ones as written', () => {
    expect(fillText({ vi: 'Từ {limit} {x}', en: 'At least {limit} {x}' }, { limit: 3 })).to.deep.equal({
      vi: 'Từ 3 {x}',
      en: 'At least 3 {x}',
    });
  });

  it('fillText(template, params) ignores inherited keys such as constructor', () => {
    expect(fillText({ vi: '{constructor}', en: '{toString}' }, {}).en).to.equal('{toString}');
  });
});
