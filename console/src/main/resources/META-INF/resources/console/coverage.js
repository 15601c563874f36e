// Coverage of the plan's plot rule (GET /coverage), overdue plots and silent stations (sampling-plot-service).
import { auth } from './auth.js';
import { call, query, settings } from './api.js';
import { el, bi, notice, formatDate, formatTime, countyName } from './util.js';

const AREA = { TAIHANG: '太行', YELLOW_RIVER: '黄河' };

let latest = 0;

export async function loadCoverage(body) {
  const mine = ++latest;
  if (!auth.token()) {
    notice(body, '登录后显示样地覆盖情况', 'Sign in to see plot coverage');
    return;
  }
  notice(body, '正在加载…', 'Loading…');
  let coverage;
  let silent;
  // Other roles get 403 on stations: do not ask (a refused request is a console error in the browser).
  const stations = auth.mayReadStations();
  try {
    [coverage, silent] = await Promise.all([
      call('plot', '/coverage'),
      stations ? call('plot', `/stations${query({ silentFor: settings.silentAfter })}`) : Promise.resolve(null),
    ]);
  } catch (e) {
    if (mine === latest) notice(body, '样地覆盖情况暂不可用', e.message, 'error');
    return;
  }
  if (mine !== latest) return;
  const priority = coverage.filter((c) => c.requiredPlots);
  const meeting = priority.filter((c) => c.meetsPlotRequirement).length;
  const overdue = coverage.reduce((n, c) => n + c.overduePlots, 0);
  body.replaceChildren(
    el('div', { class: 'kpis' },
      el('section', { class: 'kpi' }, el('h3', {}, ...bi('优先区域样地达标', 'Counties meeting the 1–2 plot rule')),
        el('div', { class: `big ${meeting === priority.length ? 'ok' : 'bad'}`, 'data-kpi': 'counties-meeting' }, `${meeting} / ${priority.length}`)),
      el('section', { class: 'kpi' }, el('h3', {}, ...bi('逾期未调查样地', 'Overdue plots')),
        el('div', { class: `big ${overdue ? 'bad' : 'ok'}`, 'data-kpi': 'overdue' }, String(overdue))),
      el('section', { class: 'kpi' }, el('h3', {}, ...bi('静默监测站', 'Silent stations')),
        silent
          ? el('div', { class: `big ${silent.length ? 'bad' : 'ok'}`, 'data-kpi': 'silent' }, String(silent.length))
          : el('div', { class: 'big', 'data-kpi': 'silent' }, '—'),
        el('div', { class: 'muted' }, silent ? `超过 ${duration(settings.silentAfter)} 无上传 / no upload`
          : '仅审核员、管理员可见 / reviewers and admins only'))),
    el('table', { class: 'coverage' },
      el('thead', {}, el('tr', {}, el('th', { title: 'County' }, '县（市、区）'), el('th', { title: 'Priority area' }, '优先区'),
        el('th', { title: 'Active plots' }, '样地'), el('th', { title: 'Plots required' }, '要求'), el('th', { title: 'Meets the rule' }, '达标'),
        el('th', { title: 'Last survey' }, '最近调查'), el('th', { title: 'Overdue plots' }, '逾期样地'))),
      el('tbody', {}, ...coverage.map((c) => el('tr', { 'data-county': c.countyCode, class: c.meetsPlotRequirement ? '' : 'bad' },
        el('td', {}, c.chineseName || countyName(c.countyCode)),
        el('td', {}, AREA[c.priorityArea] || '—'),
        el('td', {}, String(c.activePlots)),
        el('td', {}, c.requiredPlots || '—'),
        el('td', {}, c.meetsPlotRequirement ? '✓' : '✗'),
        el('td', {}, c.lastSurveyOn ? formatDate(c.lastSurveyOn) : '—'),
        el('td', {}, c.overduePlotCodes.length ? c.overduePlotCodes.join('、') : '—'))))),
    ...(silent ? [el('h3', {}, ...bi('静默监测站', 'Silent stations')),
    silent.length === 0 ? el('p', { class: 'muted' }, '无 / none') : el('ul', { class: 'stations' },
      ...silent.map((s) => el('li', { 'data-station': s.id }, el('strong', {}, s.id), ` ${s.type === 'ACOUSTIC' ? '声纹' : '红外相机'} · 样地 ${s.plotCode} · `,
        `最近上传 ${s.lastSeenAt ? formatTime(s.lastSeenAt) : '从未 never'}`)))] : []));
}

function duration(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso || '');
  if (!m) return iso;
  const hours = Number(m[1] || 0) * 24 + Number(m[2] || 0);
  return hours ? `${hours} 小时` : `${m[3]} 分钟`;
}
