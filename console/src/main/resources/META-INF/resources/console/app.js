// The monitoring console: wires sign-in, filters and the panels. Plain ES modules, no framework, nothing
// loaded from outside the services.
import { auth, completeOidc, startOidc, ROLE_NAMES } from './auth.js';
import { call, loadSettings, offers, query, settings } from './api.js';
import { createMap, legend } from './map.js';
import { createAlertsPanel } from './alerts.js';
import { loadIndicators } from './indicators.js';
import { loadCoverage } from './coverage.js';
import { loadPatrolEffort, patrolTracks, patrolTypeLabels } from './patrols.js';
import { loadCases } from './cases.js';
import { loadBulletins } from './bulletins.js';
import { COUNTIES, el, bi, notice, toast } from './util.js';

const $ = (id) => document.getElementById(id);
const MAX_FEATURES = 10000;

const map = createMap($('map'));
$('map-legend').replaceWith(legend());
const alertsPanel = createAlertsPanel({
  body: $('alerts-body'),
  state: $('stream-state'),
  filter: $('alert-status'),
  onLocate: (a) => {
    map.highlight(a.location.lat, a.location.lon, a.chineseName);
    $('map').scrollIntoView({ behavior: 'smooth', block: 'center' });
  },
});

function filters() {
  const day = (v, end) => {
    if (!v) return undefined;
    if (!end) return `${v}T00:00:00+08:00`;
    const d = new Date(`${v}T00:00:00+08:00`);
    d.setUTCDate(d.getUTCDate() + 1); // "to" is exclusive; the picked day is included
    return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00+08:00`;
  };
  return {
    speciesId: $('f-species').value,
    countyCode: $('f-county').value,
    from: day($('f-from').value, false),
    to: day($('f-to').value, true),
  };
}

/** Sightings as GeoJSON features: GET /observations.geojson where offered, else the paged JSON list. */
async function sightings(f) {
  if (await offers('observation', '/observations.geojson')) {
    const fc = await call('observation', `/observations.geojson${query({ ...f, limit: MAX_FEATURES })}`);
    return { features: fc.features || [], source: 'GeoJSON' };
  }
  const features = [];
  let cursor;
  do {
    const page = await call('observation', `/observations${query({ ...f, limit: 500, cursor })}`);
    for (const o of page.items) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [o.location.lon, o.location.lat] },
        properties: {
          uuid: o.uuid, speciesId: o.species.id, scientificName: o.species.scientificName, chineseName: o.species.chineseName,
          observedAt: o.observedAt, countyCode: o.countyCode, plotCode: o.plotCode, stationId: o.stationId,
          individualCount: o.count, reviewStatus: o.status, invasive: o.species.invasive, sensitive: o.species.sensitive,
          generalized: o.coordinatesObscured,
        },
      });
    }
    cursor = page.nextCursor;
  } while (cursor && features.length < 2000);
  return { features, source: 'JSON' };
}

async function plots(county) {
  if (!auth.token()) return [];
  const all = [];
  for (let page = 0; page < 20; page++) {
    const batch = await call('plot', `/plots${query({ status: 'ACTIVE', countyCode: county, size: 500, page })}`);
    all.push(...batch);
    if (batch.length < 500) break;
  }
  return all;
}

let mapRequest = 0;

async function loadMap() {
  const mine = ++mapRequest; // a slower, older load (e.g. before sign-in) must not overwrite a newer one
  delete document.body.dataset.mapLoaded;
  const f = filters();
  $('map-status').replaceChildren(...bi('正在加载…', 'Loading…'));
  const [obs, pl, pa, names] = await Promise.allSettled([sightings(f), plots(f.countyCode), patrolTracks(f), patrolTypeLabels()]);
  if (mine !== mapRequest) return;
  const features = obs.status === 'fulfilled' ? obs.value.features : [];
  const shapes = pl.status === 'fulfilled' ? pl.value : [];
  const tracks = pa.status === 'fulfilled' ? pa.value : [];
  const note = [el('span', { 'data-count': features.length }, `观测 ${features.length} 条 · 样地 ${shapes.length} 个`
    + (tracks.length ? ` · 巡护轨迹 ${tracks.length} 条` : ''))];
  const generalized = features.filter((x) => x.properties.generalized).length;
  if (generalized) note.push(el('span', {}, ` · ${generalized} 条敏感记录按当前角色泛化显示 / generalized for this role`));
  if (obs.status === 'rejected') note.push(el('span', { class: 'error' }, ` · 观测数据不可用：${obs.reason.message}`));
  if (pl.status === 'rejected') note.push(el('span', { class: 'error' }, ` · 样地数据不可用：${pl.reason.message}`));
  if (pa.status === 'rejected') note.push(el('span', { class: 'error' }, ` · 巡护轨迹不可用：${pa.reason.message}`));
  if (!auth.token()) note.push(el('span', { class: 'muted' }, ' · 登录后显示样地 / sign in to see plots'));
  map.render({ plots: shapes, features, tracks, names: names.status === 'fulfilled' ? names.value : {}, note });
  $('map-status').replaceChildren();
  document.body.dataset.mapLoaded = String(Date.now());
}

function refreshIndicators() {
  return loadIndicators($('indicators-body'), { county: $('f-county').value, years: $('f-years').value });
}

function refreshPatrols() {
  return loadPatrolEffort($('patrols-body'), filters());
}

function refreshCases() {
  return loadCases($('cases-body'), filters());
}

async function fillFilters() {
  $('f-county').append(...COUNTIES.map((c) => el('option', { value: c.code }, `${c.name} ${c.en}`)));
  $('f-years').value = String(settings.notRecordedYears);
  try {
    const species = await call('observation', '/species', { anonymous: true });
    species.sort((a, b) => a.id - b.id);
    $('f-species').append(...species.map((s) => el('option', { value: s.id },
      `${s.chineseName} ${s.scientificName}${s.invasive ? ' · 入侵' : ''}`)));
  } catch (e) {
    toast(`物种名录不可用：${e.message}`, 'error');
  }
}

function renderUser() {
  const role = auth.role();
  const box = $('user');
  if (!auth.token()) {
    box.replaceChildren(el('button', { type: 'button', class: 'primary', id: 'sign-in', onclick: openLogin }, ...bi('登录', 'Sign in')));
    return;
  }
  const [zh, en, may] = ROLE_NAMES[role] || ['未知角色', role || 'unknown', ''];
  box.replaceChildren(
    el('span', { class: 'who', 'data-role': role || '' }, el('strong', {}, auth.subject() || ''), ` · ${zh} ${en}`),
    el('span', { class: 'may', title: may }, may),
    el('button', { type: 'button', id: 'sign-out', onclick: () => auth.signOut() }, ...bi('退出', 'Sign out')));
}

function openLogin() {
  $('login-error').textContent = '';
  $('oidc').hidden = !settings.oidc;
  $('login').showModal();
  $('token').focus();
}

function refreshAll() {
  renderUser();
  loadMap();
  alertsPanel.start();
  refreshIndicators();
  loadCoverage($('coverage-body'));
  refreshPatrols();
  refreshCases();
  loadBulletins($('bulletins-body'));
}

async function main() {
  try {
    await loadSettings();
  } catch (e) {
    notice($('alerts-body'), '控制台配置不可用', e.message, 'error');
    return;
  }
  try {
    await completeOidc(settings.oidc);
  } catch (e) {
    toast(e.message, 'error');
  }
  await fillFilters();
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); loadMap(); refreshIndicators(); refreshPatrols(); refreshCases(); });
  $('f-years').addEventListener('change', refreshIndicators);
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    try {
      auth.signIn($('token').value);
      $('token').value = '';
      $('login').close();
    } catch (err) {
      $('login-error').textContent = err.message;
    }
  });
  $('login-cancel').addEventListener('click', () => $('login').close());
  $('oidc').addEventListener('click', () => startOidc(settings.oidc).catch((e) => { $('login-error').textContent = e.message; }));
  auth.onChange(refreshAll);
  refreshAll();
  document.body.dataset.ready = 'true';
}

main();
