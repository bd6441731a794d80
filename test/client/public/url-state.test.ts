import { expect } from 'chai';
import { defaultState, parseUrl, toUrl } from '#client/src/public/url-state.js';

describe('url-state', () => {
  it('parseUrl(path) reads family and year from the path and the rest from the query', () => {
    expect(parseUrl('/rankings/pci/2016?sort=transparency&dir=desc&lang=en&block=provinces')).to.deep.equal({
      view: 'ranking',
      family: 'pci',
      year: 2016,
      block: 'provinces',
      sort: 'transparency',
      dir: 'desc',
      lang: 'en',
    });
  });

  it('parseUrl("/") gives the default state', () => {
    expect(parseUrl('/')).to.deep.equal(defaultState);
  });

  it('parseUrl(url) ignores malformed values instead of trusting them', () => {
    const s = parseUrl('/rankings/<script>/20x6?dir=sideways&lang=fr&sort=a%20b');
    expect(s).to.deep.equal(defaultState);
  });

  it('parseUrl(old url) upgrades the first public link format /?year=2016 (migration #1)', () => {
    expect(parseUrl('/?year=2016&lang=en')).to.include({ family: 'pci', year: 2016, lang: 'en' });
  });

  it('toUrl(parseUrl(url)) round-trips and leaves defaults out', () => {
    const url = '/rankings/pci/2014?sort=composite&dir=desc&lang=en';
    expect(toUrl(parseUrl(url))).to.equal(url);
    expect(toUrl({ ...defaultState, year: 2010 })).to.equal('/rankings/pci/2010');
  });
});
