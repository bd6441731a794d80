import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { layerFor, mapShapes, NO_DATA, type MapFeature } from '#client/src/public/charts/map-state.js';

const layer = (name: string) =>
  (
    JSON.parse(
      readFileSync(new URL(`../../../client/public/geo/${name}.geo.json`, import.meta.url), 'utf8'),
    ) as { features: MapFeature[] }
  ).features;

describe('map-state', () => {
  it('layerFor(year) uses the 63-province layer up to 2024 and the 34-province layer from 2025', () => {
    expect([layerFor(2016), layerFor(2024), layerFor(2025)]).to.deep.equal([
      'vn-provinces-63',
      'vn-provinces-63',
      'vn-provinces-34',
    ]);
  });

  it('the shipped layers have 63 and 34 provinces keyed by PCI unit code', () => {
    const f63 = layer('vn-provinces-63');
    const f34 = layer('vn-provinces-34');
    expect(f63).to.have.length(63);
    expect(f34).to.have.length(34);
    expect(f63.map((f) => f.id)).to.include.members(['hanoi', 'danang', 'kiengiang']);
    expect(f34.map((f) => f.id)).to.not.include('kiengiang');
  });

  it('mapShapes(features, data) fills scored provinces with their colour and the rest with the no-data colour', () => {
    const shapes = mapShapes(
      layer('vn-provinces-63'),
      [{ code: 'hanoi', label: 'Hà Nội', value: 60, colour: '#0b4f8a' }],
      360,
      520,
    );
    expect(shapes.find((s) => s.code === 'hanoi')).to.include({ fill: '#0b4f8a', value: 60 });
    expect(shapes.find((s) => s.code === 'danang')).to.include({ fill: NO_DATA, value: null });
    expect(shapes.every((s) => s.d.startsWith('M'))).to.equal(true);
  });
});
