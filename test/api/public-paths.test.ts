import { expect } from 'chai';
import { parsePublicPath, publicPath } from '#api/public-paths.js';

describe('parsePublicPath', () => {
  it('parsePublicPath(known paths) names the view and its identifiers', () => {
    expect(parsePublicPath('/')).to.deep.equal({ view: 'home' });
    expect(parsePublicPath('/rankings/pci/2016')).to.deep.equal({
      view: 'ranking',
      family: 'pci',
      year: 2016,
    });
    expect(parsePublicPath('/rankings/pci/')).to.deep.equal({
      view: 'ranking',
      family: 'pci',
      year: undefined,
    });
    expect(parsePublicPath('/units/pci/HN')).to.deep.equal({ view: 'unit', family: 'pci', unit: 'HN' });
    expect(parsePublicPath('/compare/ddci-demo')).to.deep.equal({ view: 'compare', family: 'ddci-demo' });
    expect(parsePublicPath('/methodology/pci/2015')).to.deep.equal({
      view: 'methodology',
      family: 'pci',
      year: 2015,
    });
  });

  it('parsePublicPath(unknown paths) is null', () => {
    for (const p of [
      '/profiles/x',
      '/rankings',
      '/rankings/pci/20x6',
      '/rankings/pci/2016/extra',
      '/units/pci',
      '/units/pci/a%2Fb',
      '/x%E0%A4%A',
      '/trends/pci/2016',
    ])
      expect(parsePublicPath(p), p).to.equal(null);
  });

  it('publicPath(parsePublicPath(path)) round-trips', () => {
    for (const p of ['/', '/rankings/pci/2016', '/units/pci/HN', '/trends/pci', '/methodology/pci'])
      expect(publicPath(parsePublicPath(p)!)).to.equal(p);
  });
});
