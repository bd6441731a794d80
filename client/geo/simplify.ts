// Copies the province boundaries from the shared reference into client/public/geo/, simplified for
// the web: each TopoJSON arc is simplified once with Douglas–Peucker (so shared borders stay shared
// and neighbours never gap), then written as GeoJSON with 3 decimals (~100 m), so the browser needs
// no TopoJSON decoder. Run once: npx tsx client/geo/simplify.ts <reference geo dir>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Topology {
  type: 'Topology';
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: Array<Array<[number, number]>>;
  objects: Record<string, unknown>;
}

type Pt = [number, number];

/** Douglas–Peucker on absolute points; keeps both ends. */
function simplifyLine(points: Pt[], tolerance: number): Pt[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy) || 1;
    let far = -1;
    let max = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const d = Math.abs(dy * (px - ax) - dx * (py - ay)) / len;
      if (d > max) {
        max = d;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  arcs: number[][] | number[][][];
  properties: Record<string, unknown>;
  id?: string;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Absolute, simplified, rounded points of every arc. */
function decodeArcs(topo: Topology, tolerance: number): Pt[][] {
  const { scale, translate } = topo.transform;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const abs = arc.map(([dx, dy]): Pt => [
      translate[0] + (x += dx) * scale[0],
      translate[1] + (y += dy) * scale[1],
    ]);
    return simplifyLine(abs, tolerance).map(([a, b]): Pt => [round(a), round(b)]);
  });
}

/** A ring from arc indices (~i = arc i reversed), each arc's first point shared with the previous end. */
function ring(arcs: Pt[][], indices: number[]): Pt[] {
  const out: Pt[] = [];
  for (const i of indices) {
    const arc = i < 0 ? [...arcs[~i]!].reverse() : arcs[i]!;
    out.push(...(out.length ? arc.slice(1) : arc));
  }
  return out;
}

/** GeoJSON features of the topology's `provinces` object, arcs simplified once (tolerance in degrees). */
export function simplifiedFeatures(topo: Topology, tolerance: number) {
  const arcs = decodeArcs(topo, tolerance);
  const geoms = (topo.objects.provinces as { geometries: Geometry[] }).geometries;
  return {
    type: 'FeatureCollection',
    features: geoms.map((g) => ({
      type: 'Feature',
      id: g.properties.key,
      properties: {
        key: g.properties.key,
        name_vi: g.properties.name_vi,
        name_ascii: g.properties.name_ascii,
      },
      geometry:
        g.type === 'Polygon'
          ? { type: 'Polygon', coordinates: (g.arcs as number[][]).map((r) => ring(arcs, r)) }
          : {
              type: 'MultiPolygon',
              coordinates: (g.arcs as number[][][]).map((p) => p.map((r) => ring(arcs, r))),
            },
    })),
  };
}

const here = path.dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const source = process.argv[2];
  if (!source) {
    console.error(
      'usage: npx tsx client/geo/simplify.ts <folder with vn-provinces-63.geo.json and vn-provinces-34.geo.json>',
    );
    process.exit(2);
  }
  const target = path.join(here, '../public/geo');
  mkdirSync(target, { recursive: true });
  for (const name of ['vn-provinces-63', 'vn-provinces-34']) {
    const topo = JSON.parse(readFileSync(path.join(source, `${name}.topo.json`), 'utf8')) as Topology;
    const text = JSON.stringify(simplifiedFeatures(topo, 0.01));
    writeFileSync(path.join(target, `${name}.geo.json`), text);
    console.log(
      `${name}: ${topo.arcs.reduce((s, a) => s + a.length, 0)} topology points → ${text.length} bytes of GeoJSON`,
    );
  }
}
