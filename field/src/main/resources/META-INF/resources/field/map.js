// The position fallback when GPS has no fix: a plain SVG map of Jiaozuo's county outlines (sampling-plot-service,
// GET /counties and /counties/{code}/outline, WGS-84 GeoJSON), drawn here without any tile or script from elsewhere.
// Tapping the map gives lat/lon (and the county tapped). The outlines are kept in IndexedDB for offline use.
import { kv } from './store.js';

const SVG = 'http://www.w3.org/2000/svg';
const SCALE = 1000; // viewBox units per degree of latitude

/** [{code, name, geometry}] from sampling-plot-service, or the copy kept from the last time; [] when neither. */
export async function loadOutlines(plotUrl) {
  if (plotUrl) {
    try {
      const response = await fetch(`${plotUrl}/counties`, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const counties = (await response.json()).filter((c) => c.outline);
      const outlines = [];
      for (const c of counties) {
        const r = await fetch(`${plotUrl}/counties/${encodeURIComponent(c.code)}/outline`, { headers: { Accept: 'application/geo+json, application/json' } });
        if (r.ok) outlines.push({ code: c.code, name: c.chineseName, geometry: (await r.json()).geometry });
      }
      if (outlines.length) await kv.put('outlines', outlines);
      return outlines;
    } catch {
      // Offline or unreachable: the stored copy.
    }
  }
  return (await kv.get('outlines')) || [];
}

function polygons(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function inRing(lon, lat, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The code of the county outline the point lies in, or null. */
export function countyAt(outlines, lat, lon) {
  const hit = outlines.find((o) => polygons(o.geometry).some(([outer, ...holes]) => inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h))));
  return hit ? hit.code : null;
}

/**
 * Draws the outlines into the <svg> element and calls onTap({lat, lon, countyCode}) when it is tapped.
 * Equirectangular with the longitudes shrunk by cos(mid-latitude): at the size of a city the distortion is nil.
 */
export function drawMap(svg, outlines, onTap) {
  let minLon = Infinity; let maxLon = -Infinity; let minLat = Infinity; let maxLat = -Infinity;
  for (const o of outlines) {
    for (const poly of polygons(o.geometry)) {
      for (const [lon, lat] of poly[0]) {
        minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
      }
    }
  }
  svg.replaceChildren();
  if (!outlines.length) return null;
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const x = (lon) => (lon - minLon) * k * SCALE;
  const y = (lat) => (maxLat - lat) * SCALE;
  svg.setAttribute('viewBox', `0 0 ${x(maxLon).toFixed(1)} ${y(minLat).toFixed(1)}`);
  for (const o of outlines) {
    const d = polygons(o.geometry).map((poly) => poly.map((ring) => `M${ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`).join('')).join('');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('class', 'county');
    path.setAttribute('fill-rule', 'evenodd');
    path.dataset.code = o.code;
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${o.name} ${o.code}`;
    path.append(title);
    svg.append(path);
  }
  const pin = document.createElementNS(SVG, 'circle');
  pin.setAttribute('class', 'pin');
  pin.setAttribute('r', String(Math.max(x(maxLon), y(minLat)) / 80));
  pin.setAttribute('hidden', '');
  svg.append(pin);

  const show = (lat, lon) => {
    pin.setAttribute('cx', x(lon).toFixed(1));
    pin.setAttribute('cy', y(lat).toFixed(1));
    pin.removeAttribute('hidden');
    const code = countyAt(outlines, lat, lon);
    svg.querySelectorAll('.county').forEach((p) => p.classList.toggle('chosen', p.dataset.code === code));
    return code;
  };
  svg.onclick = (event) => {
    const m = svg.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(m.inverse());
    const lon = Math.round((p.x / (k * SCALE) + minLon) * 1e6) / 1e6;
    const lat = Math.round((maxLat - p.y / SCALE) * 1e6) / 1e6;
    onTap({ lat, lon, countyCode: show(lat, lon) });
  };
  return { show };
}
