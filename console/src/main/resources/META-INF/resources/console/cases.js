// Invasive-species control cases and wildlife disease alerts (alert-service, docs/control-cases.md and
// docs/biosecurity.md): what the bureaus report upward per county and species, the open cases with their next
// follow-up, and the disease clusters and protected-species carcasses with their emergency checklist.
import { auth } from './auth.js';
import { call, query } from './api.js';
import { el, bi, notice, countyName, formatDate, formatTime } from './util.js';

const STATUS = {
  DETECTED: '已发现 detected', UNDER_CONTROL: '防控中 under control', CONTROLLED: '已控制 controlled',
  ERADICATED: '已根除 eradicated', CLOSED: '已关闭 closed',
};
const DISEASE_RULES = ['DISEASE_CLUSTER', 'WILDLIFE_MORTALITY'];
const CHECKLIST = { ISOLATE_SITE: '隔离现场', NOTIFY: '报告', SAMPLE: '采样', DISINFECT: '消毒' };
const MAX_DISEASE = 10; // one request each for the checklist
let latest = 0;

/** Today in Asia/Shanghai as yyyy-mm-dd: a follow-up due before it is overdue. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export async function loadCases(body, filters) {
  const mine = ++latest;
  if (!auth.token() || !auth.mayReadPatrols()) {
    notice(body, '登录（护林员、审核员、主管部门、管理员）后显示防控案件', 'Sign in as ranger, reviewer, bureau or admin to see control cases');
    return;
  }
  notice(body, '正在加载…', 'Loading…');
  const county = { countyCode: filters.countyCode };
  let summary;
  let cases;
  let disease = [];
  try {
    [summary, cases] = await Promise.all([call('alert', `/control-cases/summary${query(county)}`),
      openCases(county)]);
    if (auth.mayReadAlerts()) {
      const pages = await Promise.all(DISEASE_RULES.map((rule) => call('alert', `/alerts${query({ ...county, rule, limit: 20 })}`)));
      const open = pages.flatMap((p) => p.items).filter((a) => a.status !== 'RESOLVED')
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, MAX_DISEASE);
      // The checklist is on the alert itself (GET /alerts/{id}), not on the list's items.
      disease = await Promise.all(open.map((a) => call('alert', `/alerts/${a.id}`)));
    }
  } catch (e) {
    if (mine === latest) notice(body, '防控案件暂不可用', e.message, 'error');
    return;
  }
  if (mine !== latest) return;
  body.replaceChildren(
    el('h3', {}, ...bi('按县与物种', 'By county and species')),
    summaryTable(summary),
    el('h3', {}, ...bi('未结案件', 'Open cases')),
    casesTable(cases),
    ...(auth.mayReadAlerts() ? [el('h3', {}, ...bi('疫源疫病', 'Wildlife disease')), diseaseList(disease)] : []));
}

/** Open cases (all but ERADICATED and CLOSED), up to 200, soonest follow-up first. */
async function openCases(county) {
  const page = await call('alert', `/control-cases${query({ ...county, limit: 200 })}`);
  return page.items.filter((c) => c.status !== 'ERADICATED' && c.status !== 'CLOSED')
    .sort((a, b) => (a.nextFollowUpDue || '9999').localeCompare(b.nextFollowUpDue || '9999'));
}

function summaryTable(summary) {
  if (summary.rows.length === 0) return el('p', { class: 'muted', 'data-empty': 'summary' }, '无未结或今年根除的案件 / no open cases or eradications this year');
  const ha = (v) => v.toFixed(2);
  return el('table', { class: 'coverage cases-summary' },
    el('thead', {}, el('tr', {},
      el('th', { title: 'County' }, '县（市、区）'), el('th', { title: 'Species' }, '物种'),
      el('th', { title: 'Open cases' }, '未结'), el('th', { title: 'Infested, ha' }, '发生 ha'),
      el('th', { title: 'Treated, ha' }, '处置 ha'), el('th', { title: 'Days since last action' }, '距上次处置 天'),
      el('th', { title: 'Eradicated this year' }, '今年根除'))),
    el('tbody', {}, ...summary.rows.map((r) => el('tr', { 'data-county': r.countyCode, 'data-species': r.speciesId },
      el('td', {}, countyName(r.countyCode)),
      el('td', { title: r.scientificName }, r.chineseName || r.scientificName),
      el('td', { 'data-open': r.openCases }, String(r.openCases)),
      el('td', {}, ha(r.infestedAreaHa)),
      el('td', {}, ha(r.treatedAreaHa)),
      el('td', { class: r.daysSinceLastAction > 30 ? 'bad' : '' }, r.daysSinceLastAction == null ? '—' : String(r.daysSinceLastAction)),
      el('td', { 'data-eradicated': r.eradicatedThisYear }, String(r.eradicatedThisYear))))));
}

function casesTable(cases) {
  if (cases.length === 0) return el('p', { class: 'muted', 'data-empty': 'cases' }, '无未结案件 / no open cases');
  const now = today();
  return el('table', { class: 'coverage cases' },
    el('thead', {}, el('tr', {},
      el('th', { title: 'Species' }, '物种'), el('th', { title: 'County' }, '县'), el('th', { title: 'Status' }, '状态'),
      el('th', { title: 'Area, ha' }, '面积 ha'), el('th', { title: 'Responsible unit' }, '责任单位'),
      el('th', { title: 'Next follow-up due' }, '下次复查'))),
    el('tbody', {}, ...cases.map((c) => {
      const overdue = c.nextFollowUpDue && c.nextFollowUpDue < now;
      return el('tr', { 'data-case': c.id, 'data-status': c.status, class: overdue ? 'bad' : '' },
        el('td', { title: c.scientificName }, c.chineseName || c.scientificName),
        el('td', {}, countyName(c.countyCode)),
        el('td', {}, STATUS[c.status] || c.status),
        el('td', {}, c.areaHa.toFixed(2)),
        el('td', {}, c.responsibleOrg),
        el('td', { 'data-due': c.nextFollowUpDue || '' }, c.nextFollowUpDue
          ? `${formatDate(`${c.nextFollowUpDue}T00:00:00+08:00`)}${overdue ? ' 逾期 overdue' : ''}` : '—'));
    })));
}

function diseaseList(alerts) {
  if (alerts.length === 0) return el('p', { class: 'muted', 'data-empty': 'disease' }, '无未办结的疫病预警 / no open disease alerts');
  return el('ul', { class: 'disease' }, ...alerts.map((a) => {
    const d = a.disease || {};
    const steps = a.checklist || [];
    return el('li', { 'data-alert': a.id, 'data-rule': a.rule, class: `sev-${a.severity.toLowerCase()}` },
      el('strong', {}, a.rule === 'DISEASE_CLUSTER' ? '野鸟异常死亡聚集' : '保护物种死亡'),
      ` · ${a.chineseName || a.speciesGroup || ''} · ${countyName(a.countyCode)} · `,
      el('span', { 'data-dead': d.deadCount ?? '' }, `死亡 ${d.deadCount ?? '—'}`),
      d.sickCount ? ` · 患病 ${d.sickCount}` : '',
      d.pathogen ? el('span', { class: 'pathogen' }, ` · 阳性 ${d.pathogen}`) : '',
      ` · ${formatTime(a.updatedAt)}`,
      steps.length ? el('span', { class: 'checklist' }, ' · ', ...steps.map((s) => el('span', {
        class: s.done ? 'done' : 'todo', 'data-step': s.step, title: s.done ? `${s.doneBy} ${formatTime(s.doneAt)}` : '未完成 not done',
      }, `${s.done ? '✓' : '○'}${CHECKLIST[s.step] || s.step} `))) : '');
  }));
}
