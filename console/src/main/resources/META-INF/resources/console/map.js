// The city map as SVG, drawn only from the services' GeoJSON: no tiles, nothing fetched from outside.
// Equirectangular projection around 35.1° N (x scaled by cos φ): over 1° of latitude the error is far
// below what a plot outline or a 0.1° privacy cell needs.
import { COUNTIES, el, svg, bi, formatTime, countyName } from './util.js';

export const ECOSYSTEMS = {
  FOREST: ['森林', 'Forest', '#2e7d32'],
  SHRUBLAND: ['灌丛', 'Shrubland', '#7cb342'],
  GRASSLAND: ['草地', 'Grassland', '#c0b12b'],
  WETLAND: ['湿地', 'Wetland', '#00897b'],
  RIVER: ['河流', 'River', '#1e88e5'],
  FARMLAND: ['农田', 'Farmland', '#f39c12'],
  URBAN: ['城镇', 'Urban', '#8d6e63'],
};

const DEFAULT_BOX = { west: 112.60, east: 113.72, south: 34.80, north: 35.50 };
const AREA = { west: 112.2, east: 114.0, south: 34.5, north: 35.8 }; // JiaozuoArea: where points may lie
const KX = Math.cos((35.1 * Math.PI) / 180);
const WIDTH = 1000;
const CELL = 0.1; // Geoprivacy: sensitive points are snapped to the centre of their 0.1° cell

export function createMap(container) {
  const root = svg('svg', { class: 'map', role: 'img', 'aria-label': '焦作市样地与观测分布图 / Map of plots and sightings' });
  const layers = {
    grid: svg('g', { class: 'grid' }),
    plots: svg('g', { class: 'plots' }),
    patrols: svg('g', { class: 'patrols' }),
    seats: svg('g', { class: 'seats' }),
    cells: svg('g', { class: 'cells' }),
    sightings: svg('g', { class: 'sightings' }),
    highlight: svg('g', { class: 'highlight' }),
    scale: svg('g', { class: 'scale' }),
  };
  root.append(...Object.values(layers));
  const info = el('div', { class: 'map-info', 'aria-live': 'polite' });
  const zoom = el('div', { class: 'zoom' },
    el('button', { type: 'button', title: '放大 / Zoom in', onclick: () => zoomBy(0.6) }, '+'),
    el('button', { type: 'button', title: '缩小 / Zoom out', onclick: () => zoomBy(1 / 0.6) }, '−'),
    el('button', { type: 'button', title: '全图 / Whole city', onclick: () => setView(frame) }, '⌂'));
  container.replaceChildren(el('div', { class: 'map-frame' }, root, zoom), info);

  let frame = { x: 0, y: 0, w: WIDTH, h: 600 };
  let view = frame;
  let box = DEFAULT_BOX;
  let scale = 1;

  const x = (lon) => (lon - box.west) * KX * scale;
  const y = (lat) => (box.north - lat) * scale;

  function setView(v) {
    view = v;
    root.setAttribute('viewBox', `${v.x} ${v.y} ${v.w} ${v.h}`);
    root.style.setProperty('--k', String(v.w / WIDTH)); // keeps strokes and markers the same size on screen
  }

  function zoomBy(f, cx = view.x + view.w / 2, cy = view.y + view.h / 2) {
    const w = Math.min(frame.w, Math.max(frame.w / 40, view.w * f));
    const h = (w / frame.w) * frame.h;
    setView({ x: cx - ((cx - view.x) * w) / view.w, y: cy - ((cy - view.y) * h) / view.h, w, h });
  }

  root.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = root.getBoundingClientRect();
    zoomBy(e.deltaY < 0 ? 0.8 : 1.25, view.x + ((e.clientX - r.left) / r.width) * view.w,
      view.y + ((e.clientY - r.top) / r.height) * view.h);
  }, { passive: false });
  let drag = null;
  root.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY, view }; });
  root.addEventListener('pointerup', () => { drag = null; });
  root.addEventListener('pointerleave', () => { drag = null; });
  root.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const r = root.getBoundingClientRect();
    const dx = ((e.clientX - drag.x) / r.width) * drag.view.w;
    const dy = ((e.clientY - drag.y) / r.height) * drag.view.h;
    setView({ ...drag.view, x: drag.view.x - dx, y: drag.view.y - dy });
  });

  function fit(plots, features, tracks) {
    const b = { ...DEFAULT_BOX };
    const take = ([lon, lat]) => {
      if (lon < AREA.west || lon > AREA.east || lat < AREA.south || lat > AREA.north) return;
      b.west = Math.min(b.west, lon - 0.02); b.east = Math.max(b.east, lon + 0.02);
      b.south = Math.min(b.south, lat - 0.02); b.north = Math.max(b.north, lat + 0.02);
    };
    plots.forEach((p) => rings(p.geometry).flat().forEach(take));
    features.forEach((f) => f.geometry && take(f.geometry.coordinates));
    tracks.forEach((t) => t.features.forEach((f) => lines(f.geometry).flat().forEach(take)));
    box = b;
    scale = WIDTH / ((b.east - b.west) * KX);
    frame = { x: 0, y: 0, w: WIDTH, h: (b.north - b.south) * scale };
    setView(frame);
  }

  function drawGrid() {
    const items = [svg('rect', { class: 'land', x: 0, y: 0, width: frame.w, height: frame.h })];
    for (let lon = Math.ceil(box.west * 10) / 10; lon <= box.east; lon = Math.round((lon + CELL) * 10) / 10) {
      const major = Math.round(lon * 10) % 2 === 0;
      items.push(svg('line', { class: major ? 'major' : 'minor', x1: x(lon), x2: x(lon), y1: 0, y2: frame.h }));
      if (major) items.push(svg('text', { class: 'tick', x: x(lon) + 3, y: frame.h - 6 }, `${lon.toFixed(1)}°E`));
    }
    for (let lat = Math.ceil(box.south * 10) / 10; lat <= box.north; lat = Math.round((lat + CELL) * 10) / 10) {
      const major = Math.round(lat * 10) % 2 === 0;
      items.push(svg('line', { class: major ? 'major' : 'minor', x1: 0, x2: frame.w, y1: y(lat), y2: y(lat) }));
      if (major && y(lat) < frame.h - 24) items.push(svg('text', { class: 'tick', x: 4, y: y(lat) - 4 }, `${lat.toFixed(1)}°N`));
    }
    layers.grid.replaceChildren(...items);
    layers.seats.replaceChildren(...COUNTIES.map((c) => svg('g', { class: 'seat' },
      svg('rect', { x: x(c.lon) - 3, y: y(c.lat) - 3, width: 6, height: 6 }),
      svg('text', { x: x(c.lon) + 7, y: y(c.lat) + 4 }, c.name),
      svg('title', {}, `${c.name} ${c.en} — 政府驻地（示意） / county seat (approximate)`))));
    // Scale bar: 10 km at 35.1° N.
    const km10 = (10 / (111.32 * KX)) * KX * scale;
    const sx = frame.w - km10 - 24;
    const sy = frame.h - 18;
    layers.scale.replaceChildren(
      svg('rect', { class: 'scale-bg', x: sx - 8, y: sy - 20, width: km10 + 26, height: 30, rx: 3 }),
      svg('line', { x1: sx, x2: sx + km10, y1: sy, y2: sy }),
      svg('line', { x1: sx, x2: sx, y1: sy - 5, y2: sy + 3 }),
      svg('line', { x1: sx + km10, x2: sx + km10, y1: sy - 5, y2: sy + 3 }),
      svg('text', { x: sx + km10 / 2, y: sy - 6, 'text-anchor': 'middle' }, '10 km'));
  }

  function ringPath(ring) {
    return `M${ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`;
  }

  function drawPlots(plots) {
    layers.plots.replaceChildren(...plots.map((p) => {
      const [zh, en, colour] = ECOSYSTEMS[p.ecosystem] || ['其他', 'Other', '#777'];
      const polygons = p.geometry.type === 'MultiPolygon' ? p.geometry.coordinates : [p.geometry.coordinates];
      return svg('path', {
        class: 'plot', 'data-code': p.code, 'data-ecosystem': p.ecosystem, fill: colour, stroke: colour,
        'fill-rule': 'evenodd', d: polygons.map((poly) => poly.map(ringPath).join('')).join(''),
      }, svg('title', {}, `${p.code} ${p.name}\n${zh} ${en} · ${countyName(p.countyCode)} · ${p.areaHa} ha`));
    }));
  }

  /** Kept tracks as lines, incidents as marks; exact points: only roles that may read tracks get any. */
  function drawPatrols(tracks, names) {
    const items = [];
    for (const t of tracks) {
      for (const f of t.features) {
        const p = f.properties || {};
        if (p.kind === 'track') {
          items.push(svg('path', {
            class: 'track', 'data-patrol': t.uuid,
            d: lines(f.geometry).map((line) => `M${line.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}`).join(''),
          }, svg('title', {}, `巡护 patrol ${formatTime(t.startedAt)} · ${countyName(t.countyCode)}`)));
        } else if (p.kind === 'incident') {
          const [lon, lat] = f.geometry.coordinates;
          items.push(svg('circle', { class: 'incident', 'data-patrol': t.uuid, 'data-type': p.type, cx: x(lon).toFixed(1), cy: y(lat).toFixed(1) },
            svg('title', {}, `${names[p.type] || ''} ${p.type} × ${p.count ?? 1}\n${formatTime(p.observedAt)} · ${countyName(t.countyCode)}`)));
        }
      }
    }
    layers.patrols.replaceChildren(...items);
  }

  function drawSightings(features) {
    const cells = new Map();
    const markers = [];
    // Invasive last, so they are on top.
    const ordered = [...features].sort((a, b) => Number(a.properties.invasive) - Number(b.properties.invasive));
    for (const f of ordered) {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const kind = p.invasive ? 'invasive' : p.sensitive ? 'sensitive' : 'native';
      if (p.generalized) {
        const key = `${Math.floor(lat / CELL)}:${Math.floor(lon / CELL)}`;
        if (!cells.has(key)) {
          const s = Math.floor(lat / CELL) * CELL;
          const w = Math.floor(lon / CELL) * CELL;
          cells.set(key, svg('rect', { class: 'cell', x: x(w), y: y(s + CELL), width: x(w + CELL) - x(w), height: y(s) - y(s + CELL) },
            svg('title', {}, '敏感物种位置已泛化到 0.1° 网格 / Sensitive species: generalized to a 0.1° cell')));
        }
      }
      markers.push(svg('circle', {
        class: `sighting ${kind}${p.generalized ? ' generalized' : ''}`, cx: x(lon).toFixed(1), cy: y(lat).toFixed(1),
        'data-uuid': p.uuid, 'data-lat': lat, 'data-lon': lon, 'data-generalized': String(Boolean(p.generalized)),
        'data-species-id': p.speciesId, 'data-county': p.countyCode, 'data-observed-at': p.observedAt,
      }, svg('title', {}, [
        `${p.chineseName || ''} ${p.scientificName || ''}`,
        `${formatTime(p.observedAt)} · ${countyName(p.countyCode)}${p.plotCode ? ` · 样地 ${p.plotCode}` : ''}`,
        `数量 count ${p.individualCount ?? '—'} · ${p.reviewStatus || ''}${p.stationId ? ` · ${p.stationId}` : ''}`,
        p.generalized ? '位置已泛化 / location generalized (0.1°)' : `${lat.toFixed(4)}, ${lon.toFixed(4)}`,
      ].join('\n'))));
    }
    layers.cells.replaceChildren(...cells.values());
    layers.sightings.replaceChildren(...markers);
  }

  return {
    render({ plots, features, tracks = [], names = {}, note }) {
      fit(plots, features, tracks);
      drawGrid();
      drawPlots(plots);
      drawPatrols(tracks, names);
      drawSightings(features);
      layers.highlight.replaceChildren();
      info.replaceChildren(...note);
    },
    /** Marks an alert's location (already generalized by alert-service for sensitive species). */
    highlight(lat, lon, label) {
      layers.highlight.replaceChildren(svg('g', { class: 'ping' },
        svg('circle', { cx: x(lon), cy: y(lat), r: 14 }), svg('text', { x: x(lon) + 16, y: y(lat) - 10 }, label)));
    },
  };
}

/** The lines of a LineString or MultiLineString; none for other geometries. */
function lines(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return geometry.type === 'LineString' ? [geometry.coordinates] : [];
}

function rings(geometry) {
  if (!geometry) return [];
  return geometry.type === 'MultiPolygon' ? geometry.coordinates.flat() : geometry.coordinates;
}

export function legend() {
  return el('div', { class: 'legend' },
    ...Object.entries(ECOSYSTEMS).map(([, [zh, en, colour]]) =>
      el('span', {}, el('i', { class: 'swatch', style: `background:${colour}` }), ...bi(zh, en))),
    el('span', {}, el('i', { class: 'dot invasive' }), ...bi('入侵物种', 'Invasive')),
    el('span', {}, el('i', { class: 'dot sensitive' }), ...bi('敏感物种', 'Sensitive')),
    el('span', {}, el('i', { class: 'dot native' }), ...bi('其他物种', 'Other')),
    el('span', {}, el('i', { class: 'cellmark' }), ...bi('泛化网格 0.1°', 'Generalized cell')),
    el('span', {}, el('i', { class: 'trackmark' }), ...bi('巡护轨迹', 'Patrol track')),
    el('span', {}, el('i', { class: 'dot incident' }), ...bi('巡护发现问题', 'Patrol incident')));
}
