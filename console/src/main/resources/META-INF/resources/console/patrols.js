// Patrol effort (patrol-service): km, hours and threats found per county for the filter's window, and the
// tracks of recent patrols on the map for the roles that may see tracks (docs/patrols.md, "Reading patrols").
import { auth } from './auth.js';
import { call, offers, query } from './api.js';
import { el, bi, notice, countyName } from './util.js';

const DAY = 86_400_000;
const MAX_TRACKS = 20; // one request each: the newest patrols of the window
let vocabulary = null;
let latest = 0;

/** The filter's [from, to) or, without dates, the last 30 days in Asia/Shanghai. */
export function effortWindow({ from, to }) {
  const end = to || `${new Date(Date.now() + 8 * 3600_000 + DAY).toISOString().slice(0, 10)}T00:00:00+08:00`;
  const start = from || `${new Date(new Date(end).getTime() + 8 * 3600_000 - 30 * DAY).toISOString().slice(0, 10)}T00:00:00+08:00`;
  return { from: start, to: end };
}

/** Chinese labels of the incident types (GET /patrol-vocabulary, public), asked for once. */
export async function patrolTypeLabels() {
  if (!vocabulary) {
    vocabulary = call('patrol', '/patrol-vocabulary', { anonymous: true })
      .then((v) => Object.fromEntries(v.incidentTypes.map((t) => [t.code, t.label])))
      .catch((e) => { vocabulary = null; throw e; });
  }
  return vocabulary;
}

export async function loadPatrolEffort(body, filters) {
  const mine = ++latest;
  if (!auth.token() || !auth.mayReadPatrols()) {
    notice(body, '登录（护林员、审核员、主管部门、管理员）后显示巡护成效', 'Sign in as ranger, reviewer, bureau or admin to see patrol effort');
    return;
  }
  if (!(await offers('patrol', '/patrol-effort'))) {
    notice(body, '巡护服务暂不可用', 'Patrol service unavailable', 'error');
    return;
  }
  notice(body, '正在加载…', 'Loading…');
  const window = effortWindow(filters);
  let report;
  let names;
  try {
    [report, names] = await Promise.all([call('patrol', `/patrol-effort${query({ ...window, groupBy: 'county' })}`), patrolTypeLabels()]);
  } catch (e) {
    if (mine === latest) notice(body, '巡护成效暂不可用', e.message, 'error');
    return;
  }
  if (mine !== latest) return;
  const threats = (g) => Object.entries(g.incidentsByType).filter(([, n]) => n > 0);
  const found = (g) => threats(g).reduce((n, [, c]) => n + c, 0);
  const row = (g, key, label) => el('tr', { 'data-county': key, class: filters.countyCode === key ? 'selected' : '' },
    el('td', {}, label),
    el('td', {}, String(g.patrols)),
    el('td', { 'data-distance': g.distanceKm }, g.distanceKm.toFixed(1)),
    el('td', {}, g.hours.toFixed(1)),
    el('td', { 'data-incidents': found(g), title: threats(g).map(([t, n]) => `${names[t] || t} ${t}: ${n}`).join('\n') },
      found(g) ? threats(g).map(([t, n]) => `${names[t] || t} ${n}`).join('、') : '—'));
  body.replaceChildren(
    el('p', { class: 'muted' }, `${window.from.slice(0, 10)} 至 ${window.to.slice(0, 10)}（不含）· 按巡护开始时间 / by start of patrol`),
    report.groups.length === 0 ? el('p', { class: 'muted', 'data-empty': 'true' }, '此期间无巡护记录 / no patrols in this window')
      : el('table', { class: 'coverage effort' },
        el('thead', {}, el('tr', {}, el('th', { title: 'County (declared)' }, '县（市、区）'), el('th', { title: 'Patrols' }, '巡护次数'),
          el('th', { title: 'Distance, km' }, '里程 km'), el('th', { title: 'Hours' }, '时长 h'), el('th', { title: 'Threats found' }, '发现问题'))),
        el('tbody', {}, ...report.groups.map((g) => row(g, g.key, countyName(g.key)))),
        el('tfoot', {}, row(report.total, 'total', '合计 Total'))));
}

/**
 * Tracks and incidents of the newest patrols in the window, as GeoJSON FeatureCollections; empty for roles that
 * see patrols only as summaries (their GET .geojson is a 404, so it is not asked for).
 */
export async function patrolTracks(filters) {
  if (!auth.token() || !auth.mayReadTracks() || !(await offers('patrol', '/patrols'))) return [];
  const page = await call('patrol', `/patrols${query({ ...effortWindow(filters), countyCode: filters.countyCode, limit: MAX_TRACKS })}`);
  const collections = await Promise.all(page.items.map((p) => call('patrol', `/patrols/${p.uuid}.geojson`)
    .then((fc) => ({ uuid: p.uuid, countyCode: p.countyCode, startedAt: p.startedAt, features: fc.features || [] }))));
  return collections;
}
