// Indicators of the plan (GET /indicators on observation-service): richness, protection rate against the
// 95 % target, protected species not recorded for N years, invasive detections per month as an SVG chart.
import { call, offers, query } from './api.js';
import { el, svg, bi, notice, formatDate, countyName } from './util.js';

const PALETTE = ['#c62828', '#ef6c00', '#6a1b9a', '#00838f', '#2e7d32', '#4e342e'];
const LEVEL = { NATIONAL_I: '国家一级', NATIONAL_II: '国家二级', PROVINCIAL: '省级', NONE: '' };

let latest = 0;

export async function loadIndicators(body, { county, years }) {
  const mine = ++latest; // only the newest request (filters may change while one is in flight) renders
  if (!(await offers('observation', '/indicators'))) {
    notice(body, '指标接口尚未提供，暂无数据', 'Indicators are not available from observation-service yet', 'warn');
    return;
  }
  notice(body, '正在加载…', 'Loading…');
  let data;
  try {
    data = await call('observation', `/indicators${query({ county, years })}`);
  } catch (e) {
    if (mine === latest) notice(body, '指标暂不可用', e.message, 'error');
    return;
  }
  if (mine !== latest) return;
  body.replaceChildren(
    el('div', { class: 'kpis' }, richness(data), protection(data)),
    el('div', { class: 'indicator-grid' }, byCounty(data), notRecorded(data)),
    recorded(data),
    chart(data),
    el('p', { class: 'muted' }, `统计时间 generated ${formatDate(data.generatedAt)} · 范围 scope ${scopeName(data.scope)}`));
}

function scopeName(scope) {
  return !scope || scope === 'CITY' || scope === 'city' ? '全市 city' : countyName(scope);
}

function richness(d) {
  const r = d.speciesRichness || {};
  return el('section', { class: 'kpi' },
    el('h3', {}, ...bi('物种丰富度', 'Species richness')),
    el('div', { class: 'big', 'data-kpi': 'richness' }, String(r.allTime ?? '—')),
    el('div', { class: 'muted' }, `累计物种数 · 近 12 个月 ${r.last12Months ?? '—'} 种 / all time · last 12 months`));
}

function protection(d) {
  const rate = Number(d.protectionRate ?? NaN);
  const target = Number(d.protectionRateTarget ?? 0.95);
  const ok = rate >= target;
  const detail = d.protectionRateDetail || {};
  return el('section', { class: 'kpi' },
    el('h3', {}, ...bi('重点保护物种记录率', 'Protection rate')),
    el('div', { class: `big ${ok ? 'ok' : 'bad'}`, 'data-kpi': 'protection-rate' },
      Number.isFinite(rate) ? `${(rate * 100).toFixed(1)} %` : '—'),
    el('div', { class: 'meter', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(rate * 100) },
      el('div', { class: `fill ${ok ? 'ok' : 'bad'}`, style: `width:${Math.max(0, Math.min(1, rate || 0)) * 100}%` }),
      el('div', { class: 'target', style: `left:${target * 100}%`, title: `目标 target ${Math.round(target * 100)} %` })),
    el('div', { class: 'muted' },
      `${ok ? '达标' : '未达标'}（目标 ≥ ${Math.round(target * 100)} %）· 样地内${detail.windowYears ? `近 ${detail.windowYears} 年` : ''}记录 `
      + `${detail.protectedRecorded ?? '—'} / 国家重点保护 ${detail.protectedInCatalog ?? '—'} 种`),
    el('div', { class: 'muted' }, 'national key protected species recorded inside sampling plots'));
}

function byCounty(d) {
  const rows = d.richnessByCounty || [];
  const max = Math.max(1, ...rows.map((r) => r.allTime || 0));
  return el('section', {},
    el('h3', {}, ...bi('各县（市、区）物种丰富度', 'Richness per county')),
    rows.length === 0 ? el('p', { class: 'muted' }, '暂无记录 / no records') : el('table', { class: 'bars' },
      el('thead', {}, el('tr', {}, el('th', {}, '县（市、区）'), el('th', {}, '累计 all time'), el('th', {}, '近 12 月'))),
      el('tbody', {}, ...rows.map((r) => el('tr', { 'data-county': r.countyCode },
        el('td', {}, r.countyName || countyName(r.countyCode)),
        el('td', {}, el('span', { class: 'bar', style: `width:${(80 * (r.allTime || 0)) / max}%` }), ` ${r.allTime}`),
        el('td', {}, String(r.last12Months ?? '—')))))));
}

const GROUP = {
  MAMMAL: '兽类', BIRD: '鸟类', REPTILE: '爬行类', AMPHIBIAN: '两栖类', FISH: '鱼类', INSECT: '昆虫', PLANT: '植物',
  NEMATODE: '线虫', MOLLUSC: '软体动物', OTHER: '其他',
};

function recorded(d) {
  const groups = d.protectedSpeciesRecorded || [];
  return el('section', { class: 'recorded' },
    el('h3', {}, ...bi('已记录的重点保护物种', 'Protected species recorded')),
    groups.length === 0 ? el('p', { class: 'muted' }, '无 / none') : el('dl', { class: 'groups' }, ...groups.flatMap((g) => [
      el('dt', {}, GROUP[g.group] || g.group),
      el('dd', {}, ...g.species.map((sp) => el('span', { class: 'chip', title: `${sp.scientificName} · 最近记录 ${formatDate(sp.lastRecordedAt)}` },
        sp.chineseName, el('span', { class: 'tag' }, LEVEL[sp.protectionLevel] ?? sp.protectionLevel))))])));
}

function notRecorded(d) {
  const n = d.notRecordedForYears || { years: '?', species: [] };
  return el('section', {},
    el('h3', {}, ...bi(`${n.years} 年未记录的保护物种`, `Protected species not recorded for ${n.years} years`)),
    n.species.length === 0 ? el('p', { class: 'muted' }, '无 / none')
      : el('ul', { class: 'species-list' }, ...n.species.map((s) => el('li', {},
        el('strong', {}, s.chineseName), ' ', el('em', {}, s.scientificName), ' ',
        el('span', { class: 'tag' }, LEVEL[s.protectionLevel] ?? s.protectionLevel),
        el('span', { class: 'muted' }, ` 最近记录 ${s.lastRecordedAt ? formatDate(s.lastRecordedAt) : '从未 never'}`)))));
}

/** Last 12 months up to the newest month in the data (or this month), detections stacked by species. */
function chart(d) {
  const rows = d.invasiveDetectionsByMonth || [];
  const now = new Date();
  let last = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  rows.forEach((r) => { if (r.month > last) last = r.month; });
  const months = [];
  let [yy, mm] = last.split('-').map(Number);
  for (let i = 0; i < 12; i++) {
    months.unshift(`${yy}-${String(mm).padStart(2, '0')}`);
    mm -= 1;
    if (mm === 0) { mm = 12; yy -= 1; }
  }
  const species = [...new Set(rows.map((r) => r.chineseName || String(r.speciesId)))];
  const totals = new Map(months.map((m) => [m, new Map()]));
  rows.forEach((r) => {
    const bySpecies = totals.get(r.month);
    if (!bySpecies) return;
    const name = r.chineseName || String(r.speciesId);
    bySpecies.set(name, (bySpecies.get(name) || 0) + r.detections);
  });
  const max = Math.max(1, ...[...totals.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const W = 640; const H = 220; const left = 36; const bottom = 28; const top = 10;
  const bw = (W - left - 10) / 12;
  const yOf = (v) => H - bottom - ((H - bottom - top) * v) / max;
  const parts = [];
  const step = max <= 5 ? 1 : Math.ceil(max / 4);
  for (let v = 0; v <= max; v += step) {
    parts.push(svg('line', { class: 'gridline', x1: left, x2: W - 10, y1: yOf(v), y2: yOf(v) }),
      svg('text', { class: 'axis', x: left - 6, y: yOf(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  months.forEach((m, i) => {
    let acc = 0;
    const x = left + i * bw + 4;
    species.forEach((name, s) => {
      const v = totals.get(m).get(name) || 0;
      if (!v) return;
      parts.push(svg('rect', {
        x, width: bw - 8, y: yOf(acc + v), height: yOf(acc) - yOf(acc + v), fill: PALETTE[s % PALETTE.length],
        'data-month': m, 'data-species': name, 'data-detections': v,
      }, svg('title', {}, `${m} ${name}: ${v}`)));
      acc += v;
    });
    parts.push(svg('text', { class: 'axis', x: x + (bw - 8) / 2, y: H - 10, 'text-anchor': 'middle' }, m.slice(2).replace('-', '/')));
  });
  return el('section', { class: 'chart' },
    el('h3', {}, ...bi('入侵物种月度检出次数', 'Invasive detections per month')),
    svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'month-chart', role: 'img', 'aria-label': '入侵物种月度检出 / invasive detections per month' }, ...parts),
    el('div', { class: 'legend' }, species.length === 0 ? el('span', { class: 'muted' }, '近 12 个月无检出 / none in 12 months')
      : species.map((name, s) => el('span', {}, el('i', { class: 'swatch', style: `background:${PALETTE[s % PALETTE.length]}` }), name))));
}
