import { expect } from 'chai';
import { compileFilter } from '#scoring/indicators/filter.js';

describe('compileFilter', () => {
  it('compileFilter({op: ">="}) compares numbers numerically', () => {
    const f = compileFilter({ item: 'A3', op: '>=', value: 2000 });
    expect([f(1999), f(2000), f(2015)]).to.deep.equal([false, true, true]);
  });
  it('compileFilter({op: "<"}) compares ISO date strings lexicographically', () => {
    const f = compileFilter({ item: 'D', op: '<', value: '2020-01-01' });
    expect([f('2019-12-31'), f('2020-01-01')]).to.deep.equal([true, false]);
  });
  it('compileFilter({op: ">"}) puts a string answer to a numeric filter outside the sub-population', () => {
    expect(compileFilter({ item: 'A3', op: '>', value: 5 })('7')).to.equal(false);
  });
  it('compileFilter({op: "="}) matches 4 and "4"', () => {
    const f = compileFilter({ item: 'S', op: '=', value: 4 });
    expect([f('4'), f(4), f(5)]).to.deep.equal([true, true, false]);
  });
  it('compileFilter({op: "in"}) matches any listed value, and a multi-select answer containing one', () => {
    const f = compileFilter({ item: 'S', op: 'in', value: ['a', 'b'] });
    expect([f('a'), f('c'), f(['c', 'b']), f([])]).to.deep.equal([true, false, true, false]);
  });
  it('compileFilter(filter) puts a missing answer outside the sub-population, also for "!="', () => {
    expect(compileFilter({ item: 'S', op: '!=', value: 1 })(null)).to.equal(false);
  });
  it('compileFilter({op: "~"}) throws a TypeError naming op', () => {
    expect(() => compileFilter({ item: 'S', op: '~' as '=', value: 1 })).to.throw(TypeError, 'filter.op');
  });
  it('compileFilter({op: "in", value: 3}) throws a TypeError naming value', () => {
    expect(() => compileFilter({ item: 'S', op: 'in', value: 3 })).to.throw(TypeError, 'filter.value');
  });
});
