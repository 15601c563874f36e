// Patrol effort (patrol-service): km, hours and threats found per county for the filter's window, and the
// tracks of recent patrols on the map for the roles that may see tracks (docs/patrols.md, "Reading patrols").
import { auth } from './auth.js';
import { call, offers, query } from './api.js';
import { el, bi, notice, countyName } from './util.js';

const DAY = 86_400_000;
const MAX_TRACKS = 20; // one request each: the newest patrols of the window
let vocabulary = null;
let latest = 0;

const shanghai = (t) => `${new Date(t + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

/**
 * The filter's [from, to) with the window before it, to compare with. Without dates: this month so far (Asia/Shanghai)
 * against the whole of last month, as the bureaus report; with dates, the window of the same length just before.
 */
export function effortWindows({ from, to }) {
  if (!from && !to) {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const [y, m] = today.split('-').map(Number);
    const month = `${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`;
    const last = m === 1 ? `${y - 1}-12-01T00:00:00+08:00` : `${y}-${String(m - 1).padStart(2, '0')}-01T00:00:00+08:00`;
    return { current: { from: month, to: shanghai(Date.parse(`${today}T00:00:00+08:00`) + DAY) },
      previous: { from: last, to: month }, label: ['本月', '上月', 'this month', 'last month'] };
  }
  const end = to ? Date.parse(to) : Date.parse(`${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00+08:00`) + DAY;
  const start = from ? Date.parse(from) : end - 30 * DAY;
  return { current: { from: shanghai(start), to: shanghai(end) }, previous: { from: shanghai(2 * start - end), to: shanghai(start) },
    label: ['本期', '上期', 'this window', 'the window before'] };
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
  const { current, previous, label } = effortWindows(filters);
  let report;
  let before;
  let names;
  try {
    [report, before, names] = await Promise.all([call('patrol', `/patrol-effort${query({ ...current, groupBy: 'county' })}`),
      call('patrol', `/patrol-effort${query({ ...previous, groupBy: 'county' })}`), patrolTypeLabels()]);
  } catch (e) {
    if (mine === latest) notice(body, '巡护成效暂不可用', e.message, 'error');
    return;
  }
  if (mine !== latest) return;
  const none = { patrols: 0, distanceKm: 0, hours: 0, incidentsByType: {} };
  const earlier = new Map(before.groups.map((g) => [g.key, g]));
  const keys = [...new Set([...report.groups.map((g) => g.key), ...earlier.keys()])].sort();
  const now = new Map(report.groups.map((g) => [g.key, g]));
  const threats = (g) => Object.entries(g.incidentsByType).filter(([, n]) => n > 0);
  const found = (g) => threats(g).reduce((n, [, c]) => n + c, 0);
  const change = (a, b) => (a === b ? '±0' : `${a > b ? '+' : '−'}${Math.abs(a - b).toFixed(1)}`);
  const row = (g, p, key, text) => el('tr', { 'data-county': key, class: filters.countyCode === key ? 'selected' : '' },
    el('td', {}, text),
    el('td', {}, String(g.patrols)),
    el('td', { 'data-distance': g.distanceKm }, g.distanceKm.toFixed(1)),
    el('td', { 'data-previous-distance': p.distanceKm, title: `${label[1]} ${p.patrols} 次 / patrols` },
      `${p.distanceKm.toFixed(1)} (${change(g.distanceKm, p.distanceKm)})`),
    el('td', {}, g.hours.toFixed(1)),
    el('td', { 'data-incidents': found(g), title: threats(g).map(([t, n]) => `${names[t] || t} ${t}: ${n}`).join('\n') },
      found(g) ? threats(g).map(([t, n]) => `${names[t] || t} ${n}`).join('、') : '—'));
  body.replaceChildren(
    el('p', { class: 'muted' }, `${label[0]} ${current.from.slice(0, 10)} 至 ${current.to.slice(0, 10)}（不含），`
      + `${label[1]} ${previous.from.slice(0, 10)} 起 · 按巡护开始时间 / ${label[2]} against ${label[3]}, by start of patrol`),
    keys.length === 0 ? el('p', { class: 'muted', 'data-empty': 'true' }, '两期均无巡护记录 / no patrols in either window')
      : el('table', { class: 'coverage effort' },
        el('thead', {}, el('tr', {}, el('th', { title: 'County (declared)' }, '县（市、区）'), el('th', { title: 'Patrols' }, '巡护次数'),
          el('th', { title: 'Distance, km' }, '里程 km'), el('th', { title: `Distance ${label[3]}, km (change)` }, `${label[1]} km`),
          el('th', { title: 'Hours' }, '时长 h'), el('th', { title: 'Threats found' }, '发现问题'))),
        el('tbody', {}, ...keys.map((k) => row(now.get(k) || none, earlier.get(k) || none, k, countyName(k)))),
        el('tfoot', {}, row(report.total, before.total, 'total', '合计 Total'))));
}

/**
 * Tracks and incidents of the newest patrols in the window, as GeoJSON FeatureCollections; empty for roles that
 * see patrols only as summaries (their GET .geojson is a 404, so it is not asked for).
 */
export async function patrolTracks(filters) {
  if (!auth.token() || !auth.mayReadTracks() || !(await offers('patrol', '/patrols'))) return [];
  const page = await call('patrol', `/patrols${query({ ...effortWindows(filters).current, countyCode: filters.countyCode, limit: MAX_TRACKS })}`);
  const collections = await Promise.all(page.items.map((p) => call('patrol', `/patrols/${p.uuid}.geojson`, { accept: 'application/geo+json' })
    .then((fc) => ({ uuid: p.uuid, countyCode: p.countyCode, startedAt: p.startedAt, features: fc.features || [] }))));
  return collections;
}
