import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3';

export interface MapFeature {
  type: 'Feature';
  id: string;
  properties: { key: string; name_vi: string; name_ascii: string };
  geometry: GeoPermissibleObjects;
}

export interface MapDatum {
  code: string;
  label: string;
  value: number | null;
  colour: string | null;
}

export interface MapShape {
  code: string;
  label: string;
  d: string;
  fill: string;
  value: number | null;
}

/** Colour of a province with no score in the view (also shown in the legend). */
export const NO_DATA = '#d5d9de';

/** Which boundary layer an edition uses: 63 provinces up to mid-2025, 34 from 1 July 2025. */
export const layerFor = (year: number): 'vn-provinces-63' | 'vn-provinces-34' =>
  year >= 2025 ? 'vn-provinces-34' : 'vn-provinces-63';

/** Projects the features into width × height and gives each its fill; pure (no DOM). */
export function mapShapes(
  features: readonly MapFeature[],
  data: readonly MapDatum[],
  width: number,
  height: number,
): MapShape[] {
  const projection = geoMercator().fitSize([width, height], { type: 'FeatureCollection', features } as never);
  const path = geoPath(projection);
  const byCode = new Map(data.map((d) => [d.code, d]));
  return features.map((f) => {
    const d = byCode.get(f.properties.key);
    return {
      code: f.properties.key,
      label: d?.label ?? f.properties.name_vi,
      d: path(f as never) ?? '',
      fill: d?.colour ?? NO_DATA,
      value: d?.value ?? null,
    };
  });
}
