// Live alerts: GET /alerts once, then the SSE stream of alert-service. EventSource cannot send the bearer
// token, so the stream is read with fetch() and a ReadableStream; it reconnects with backoff and reloads the
// list after a reconnect, because events sent while disconnected are not replayed.
import { auth } from './auth.js';
import { ApiError, base, call, query } from './api.js';
import { el, bi, notice, formatTime, countyName, toast } from './util.js';

const SEVERITY = { CRITICAL: ['严重', 'Critical'], HIGH: ['高', 'High'], MEDIUM: ['中', 'Medium'], INFO: ['提示', 'Info'] };
const STATUS = { OPEN: ['待处理', 'Open'], ACKNOWLEDGED: ['已确认', 'Acknowledged'], RESOLVED: ['已办结', 'Resolved'] };
const RULE = {
  INVASIVE_SPECIES: ['入侵物种', 'Invasive species'], PROTECTED_SPECIES: ['一级保护物种', 'Class I protected'],
  ENFORCEMENT: ['巡护执法', 'Enforcement'],
  FOLLOW_UP_OVERDUE: ['防控回访逾期', 'Follow-up overdue'],
  DISEASE_CLUSTER: ['野鸟异常死亡聚集', 'Disease cluster'], WILDLIFE_MORTALITY: ['保护物种死亡', 'Protected species death'],
};
// Incident types of ENFORCEMENT alerts (patrol-service).
const INCIDENT = {
  SNARE: ['猎套', 'Snare'], TRAP: ['猎夹', 'Trap'], POACHING: ['盗猎', 'Poaching'], ILLEGAL_LOGGING: ['盗伐', 'Illegal logging'],
  ILLEGAL_GRAZING: ['违规放牧', 'Illegal grazing'], FIRE: ['火情', 'Fire'], MINING: ['非法采矿', 'Mining'],
  ILLEGAL_TRADE: ['非法交易', 'Illegal trade'], CARCASS: ['动物尸体', 'Carcass'], DISTURBANCE: ['人为干扰', 'Disturbance'],
  OTHER: ['其他', 'Other'],
};
const ACTIONS = {
  ERADICATED: ['已清除', 'Eradicated'], CONTAINED: ['已控制', 'Contained'],
  MONITORING: ['持续监测', 'Monitoring'], FALSE_ALARM: ['误报', 'False alarm'],
};
const HEARTBEAT_TIMEOUT_MS = 45_000; // the service sends a heartbeat every 15 s

export function createAlertsPanel({ body, state, filter, onLocate }) {
  const alerts = new Map();
  let controller = null;
  let retry = 0;
  let retryTimer = null;
  let generation = 0;
  let loaded = false;

  function setState(s, zh, en) {
    state.dataset.stream = s;
    state.replaceChildren(el('i', { class: `led ${s}` }), ...bi(zh, en));
  }

  function render(flashId) {
    const wanted = filter.value;
    const rows = [...alerts.values()]
      .filter((a) => !wanted || a.status === wanted)
      .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    if (rows.length === 0) {
      notice(body, '暂无预警', 'No alerts');
      return;
    }
    body.replaceChildren(el('ol', { class: 'alerts' }, ...rows.map((a) => item(a, a.id === flashId))));
  }

  function item(a, flash) {
    const [sevZh, sevEn] = SEVERITY[a.severity] || [a.severity, ''];
    const [stZh, stEn] = STATUS[a.status] || [a.status, ''];
    const [ruleZh] = RULE[a.rule] || [a.rule];
    const li = el('li', {
      class: `alert sev-${a.severity} st-${a.status}${flash ? ' flash' : ''}`,
      'data-alert-id': a.id, 'data-status': a.status, 'data-species-id': a.speciesId,
    },
    el('div', { class: 'alert-head' },
      el('span', { class: `badge sev-${a.severity}`, title: sevEn }, sevZh),
      a.incident ? el('strong', { title: (INCIDENT[a.incident.type] || [])[1] || '' },
        (INCIDENT[a.incident.type] || [a.incident.type])[0]) : '',
      a.incident && (a.chineseName || a.scientificName) ? ' · ' : '',
      el('strong', {}, a.chineseName || ''), ' ', el('em', {}, a.scientificName || ''),
      el('span', { class: `status st-${a.status}`, title: stEn }, stZh)),
    el('div', { class: 'alert-meta' },
      `${ruleZh} · ${countyName(a.countyCode)}${a.plotCode ? ` · 样地 ${a.plotCode}` : ''} · `,
      el('span', { class: 'count' }, a.incident ? `${a.incident.count} 处` : `${a.observationCount} 条记录`),
      a.reason ? ` · ${a.reason}` : '',
      ` · 最近 ${formatTime(a.lastObservedAt)}`,
      a.location && a.location.obscured ? ' · 位置已泛化' : ''));
    if (a.location) {
      li.append(el('button', {
        type: 'button', class: 'link', onclick: () => onLocate(a),
      }, '在地图上显示 / Show on map'));
    }
    if (auth.mayActOnAlerts() && a.status === 'OPEN') {
      li.append(el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'primary acknowledge', onclick: (e) => act(a, 'acknowledge', e.target) },
          ...bi('确认', 'Acknowledge'))));
    } else if (auth.mayActOnAlerts() && a.status === 'ACKNOWLEDGED') {
      const action = el('select', { class: 'resolution', 'aria-label': '处置结果 / Action' },
        ...Object.entries(ACTIONS).map(([k, [zh, en]]) => el('option', { value: k }, `${zh} ${en}`)));
      li.append(el('div', { class: 'actions' }, action,
        el('button', { type: 'button', class: 'primary resolve', onclick: (e) => act(a, 'resolve', e.target, action.value) },
          ...bi('办结', 'Resolve'))));
    } else if (a.status === 'RESOLVED' && a.resolution) {
      const [zh, en] = ACTIONS[a.resolution] || [a.resolution, ''];
      li.append(el('div', { class: 'alert-meta' }, `处置 ${zh} ${en}${a.notes ? ` · ${a.notes}` : ''}`));
    }
    return li;
  }

  async function act(a, what, button, action) {
    button.disabled = true;
    const who = auth.subject() || 'bureau';
    const body = what === 'acknowledge'
      ? { notes: `监测控制台确认 / acknowledged in the console by ${who}` }
      : { action, notes: `监测控制台办结 / resolved in the console by ${who}` };
    try {
      const updated = await call('alert', `/alerts/${a.id}/${what}`, { method: 'POST', body });
      alerts.set(updated.id, updated);
      render(updated.id);
      toast(what === 'acknowledge' ? '预警已确认 / Alert acknowledged' : '预警已办结 / Alert resolved', 'ok');
    } catch (e) {
      button.disabled = false;
      toast(e.message, 'error');
      if (e instanceof ApiError && e.status === 409) reload();
    }
  }

  async function reload() {
    try {
      const page = await call('alert', `/alerts${query({ limit: 100 })}`);
      alerts.clear();
      page.items.forEach((a) => alerts.set(a.id, a));
      loaded = true;
      render();
    } catch (e) {
      notice(body, '预警列表无法加载', e.message, 'error');
    }
  }

  function apply(envelope) {
    const a = envelope.data;
    const known = alerts.get(a.id);
    // Stream data is the alert as it is after the event; an older event never overwrites a newer state.
    if (known && Date.parse(known.updatedAt) > Date.parse(a.updatedAt)) return;
    alerts.set(a.id, { ...known, ...a });
    render(a.id);
  }

  async function connect(mine) {
    controller = new AbortController();
    let watchdog;
    const kick = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => controller.abort(), HEARTBEAT_TIMEOUT_MS);
    };
    setState('connecting', '正在连接', 'connecting');
    try {
      kick();
      const response = await fetch(`${base('alert')}/alerts/stream`, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${auth.token()}` },
        signal: controller.signal,
        cache: 'no-store',
      });
      if (response.status === 401 || response.status === 403) {
        clearTimeout(watchdog);
        setState('refused', '无权订阅', 'not allowed');
        if (response.status === 401) auth.expired();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      // The list is (re)loaded once the stream is open: events published while disconnected are not replayed,
      // and events that arrive during the load wait in the stream until it is read.
      await reload();
      retry = 0;
      setState('connected', '实时连接', 'live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        kick();
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
          if (data) {
            try {
              apply(JSON.parse(data));
            } catch {
              // not an alert envelope: ignore it, the next reload shows the truth
            }
          }
        }
      }
    } catch {
      // aborted by the watchdog, a stop, or the network: reconnect below unless stopped
      if (mine === generation && !loaded) await reload(); // show the list even while the stream is down
    } finally {
      clearTimeout(watchdog);
    }
    if (mine !== generation) return;
    const delay = Math.min(30_000, 1000 * 2 ** retry++);
    setState('disconnected', `连接中断，${Math.round(delay / 1000)} 秒后重连`, 'reconnecting');
    retryTimer = setTimeout(() => connect(mine), delay);
  }

  function stop() {
    generation++;
    clearTimeout(retryTimer);
    if (controller) controller.abort();
  }

  filter.addEventListener('change', () => render());

  return {
    async start() {
      stop();
      alerts.clear();
      if (!auth.token()) {
        setState('off', '未连接', 'offline');
        notice(body, '登录后显示预警', 'Sign in to see alerts');
        return;
      }
      if (!auth.mayReadAlerts()) {
        setState('off', '未连接', 'offline');
        notice(body, '当前角色无权查看预警（需审核员、主管部门或管理员）',
          'This role may not see alerts (reviewer, bureau or admin)');
        return;
      }
      notice(body, '正在加载…', 'Loading…');
      retry = 0;
      loaded = false;
      connect(generation);
    },
    stop,
  };
}
