import { expect } from 'chai';
import { defaultState, parseUrl, switchFamily, toUrl } from '#client/src/public/url-state.js';

describe('url-state', () => {
  it('parseUrl(path) reads family and year from the path and the rest from the query', () => {
    expect(parseUrl('/rankings/pci/2016?sort=transparency&dir=desc&lang=en&block=provinces')).to.deep.include(
      {
        view: 'ranking',
        family: 'pci',
        year: 2016,
        block: 'provinces',
        sort: 'transparency',
        dir: 'desc',
        lang: 'en',
      },
    );
  });

  it('parseUrl("/") gives the default state', () => {
    expect(parseUrl('/')).to.deep.equal(defaultState);
  });

  it('parseUrl(unknown path) is the not-found view, never a silent default ranking', () => {
    expect(parseUrl('/profiles/abc').view).to.equal('not-found');
    expect(parseUrl('/rankings/pci/20x6').view).to.equal('not-found');
    expect(parseUrl('/rankings/<script>/2016').view).to.equal('not-found');
  });

  it('parseUrl(url) ignores malformed query values instead of trusting them', () => {
    const s = parseUrl('/rankings/pci?dir=sideways&lang=fr&sort=a%20b&tab=x&w.a=-1&w.b=abc');
    expect(s).to.deep.equal({ ...defaultState, view: 'ranking' });
  });

  it('parseUrl(old url) upgrades the first public link format /?year=2016 (migration #1)', () => {
    expect(parseUrl('/?year=2016&lang=en')).to.include({ family: 'pci', year: 2016, lang: 'en' });
  });

  it('parseUrl(profile, compare, trends, methodology paths) reads unit, units and year', () => {
    expect(parseUrl('/units/pci/HN?lang=en')).to.include({
      view: 'unit',
      family: 'pci',
      unit: 'HN',
      lang: 'en',
    });
    expect(parseUrl('/compare/pci?year=2016&units=HN~DN')).to.deep.include({
      view: 'compare',
      year: 2016,
      units: ['HN', 'DN'],
    });
    expect(parseUrl('/trends/ddci-demo?block=localities')).to.include({
      view: 'trends',
      family: 'ddci-demo',
      block: 'localities',
    });
    expect(parseUrl('/methodology/pci/2015')).to.include({ view: 'methodology', year: 2015 });
  });

  it('parseUrl(what-if url) reads weights per component', () => {
    expect(parseUrl('/rankings/pci/2016?w.entry_costs=10&w.land=0').weights).to.deep.equal({
      entry_costs: 10,
      land: 0,
    });
  });

  it('toUrl(parseUrl(url)) round-trips and leaves defaults out', () => {
    for (const url of [
      '/rankings/pci/2014?sort=composite&dir=desc&lang=en',
      '/rankings/pci/2016?tab=map&w.entry_costs=10&w.land=0',
      '/rankings/pci/2016?tab=map&colour=score',
      '/compare/pci?year=2016&units=HN~DN',
      '/units/pci/HN?lang=en',
      '/rankings/pci/2016?block=provinces&release=pci-2016-1&embed=1',
    ])
      expect(toUrl(parseUrl(url))).to.equal(url);
    expect(toUrl({ ...defaultState, year: 2010 })).to.equal('/rankings/pci/2010');
  });

  it('parseUrl reads colour=score as the map coloured by score; any other value is the tier default', () => {
    expect(parseUrl('/rankings/pci/2016?tab=map&colour=score').mapColour).to.equal('score');
    expect(parseUrl('/rankings/pci/2016?tab=map&colour=red').mapColour).to.equal('tier');
    expect(parseUrl('/rankings/pci/2016').mapColour).to.equal('tier');
  });

  it('switchFamily(state, family) resets year, block, sort and weights', () => {
    const s = parseUrl('/rankings/pci/2016?sort=transparency&dir=desc&w.a=1&block=provinces&lang=en');
    expect(switchFamily(s, 'ddci-demo')).to.deep.include({
      family: 'ddci-demo',
      year: undefined,
      block: undefined,
      sort: 'rank',
      dir: 'asc',
      weights: null,
      lang: 'en',
    });
  });
});
