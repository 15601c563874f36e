// The rangers' field app: sign in, record sightings into the offline queue, watch it upload, read back
// one's own records with their review. See docs/field-app.md.
import { auth } from './auth.js';
import { loadCatalog, marks, search, speciesById } from './catalog.js';
import { config, loadConfig } from './config.js';
import { drawMap, loadOutlines } from './map.js';
import { completeOidc, startOidc } from './oidc.js';
import { activePatrol, addIncident, lastFix, onPatrol, startPatrol, stopPatrol, trackKm, unwatch, watch } from './patrol.js';
import { patrols, points, queue } from './store.js';
import { onSync, startSync, status as syncStatus, syncNow } from './sync.js';
import {
  ACTIONS, COUNTIES, INCIDENT_TYPES, MANDATES, METHODS, TRANSPORTS, chinaIso, chinaLocal, countyName, esc, options, showTime, uuid,
} from './util.js';

const $ = (id) => document.getElementById(id);
let editing = null; // the queued record being fixed, or null for a new one

// ---- service worker: the app shell and the catalog for offline use

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js', { scope: './' }).catch((e) => console.warn('service worker', e));
}

// ---- network and sign-in

function showNet() {
  const online = navigator.onLine;
  $('net').dataset.online = String(online);
  $('net').textContent = online ? '在线 · online' : '离线：记录保存在本机 · offline, saved on this phone';
}

function showAuth() {
  const signedIn = Boolean(auth.raw());
  $('signin').hidden = signedIn;
  $('who').hidden = !signedIn;
  if (!signedIn) return;
  const exp = auth.expiresAt();
  const expired = auth.expired();
  $('who').dataset.expired = String(expired);
  $('who-name').textContent = auth.subject() || '—';
  $('who-expiry').textContent = expired
    ? '令牌已过期，请重新登录（记录保留在本机） / token expired: paste a new one, records are kept'
    : `令牌有效至 ${exp ? showTime(new Date(exp).toISOString()) : '—'} / valid until`;
  if (expired) $('signin').hidden = false;
  if (!auth.mayRecord()) $('who-expiry').textContent += ' · 此令牌不能记录（需 ranger 角色） / this token may not record';
}

$('signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  try {
    auth.signIn($('token').value);
    $('token').value = '';
    $('signin-error').textContent = '';
  } catch (err) {
    $('signin-error').textContent = err.message;
  }
});
// Single sign-on where config.json names a client (production); the pasted token stays possible (local stack).
$('oidc').addEventListener('click', () => {
  $('signin-error').textContent = '';
  startOidc((config() || {}).oidc).catch((e) => {
    $('signin-error').textContent = navigator.onLine ? e.message : '统一身份认证需要网络 / single sign-on needs a network';
  });
});
$('signout').addEventListener('click', async () => {
  const waiting = (await queue.all()).filter((r) => r.observer === auth.subject()).length;
  if (waiting && !confirm(`还有 ${waiting} 条记录未上传；退出后它们留在本机，用同一账号登录后上传。继续？ / ${waiting} records wait; they stay on this phone.`)) return;
  auth.signOut();
});

// ---- tabs

const TABS = ['record', 'patrol', 'queue', 'mine'];
function showTab(name) {
  for (const t of TABS) {
    $(`tab-${t}`).setAttribute('aria-selected', String(t === name));
    $(`view-${t}`).hidden = t !== name;
  }
  if (name === 'mine') loadMine();
  if (name === 'queue') renderQueue();
  if (name === 'patrol') renderPatrol();
}
TABS.forEach((t) => $(`tab-${t}`).addEventListener('click', () => showTab(t)));

// ---- species picker

function speciesLabel(s) {
  return `${esc(s.chineseName)} <span class="sci">${esc(s.scientificName)}</span>${marks(s)}`;
}

function renderPicker() {
  const q = $('r-species-q').value;
  const chosen = speciesById($('r-species').value);
  const hits = q || !chosen ? search(q, 30) : [];
  $('r-species-list').innerHTML = hits.map((s) =>
    `<li><button type="button" role="option" data-id="${s.id}">${speciesLabel(s)}</button></li>`).join('');
}

function choose(id) {
  const s = speciesById(id);
  $('r-species').value = s ? String(s.id) : '';
  $('r-species-chosen').innerHTML = s ? `已选 / chosen: ${speciesLabel(s)}` : '';
  $('r-species-q').value = '';
  renderPicker();
}

$('r-species-q').addEventListener('input', renderPicker);
$('r-species-list').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-id]');
  if (button) choose(button.dataset.id);
});

async function refreshCatalog() {
  const result = await loadCatalog();
  $('catalog-state').textContent = result.source === 'none'
    ? '物种名录尚未下载：请联网打开一次 / the species list needs one online start'
    : `物种名录 ${result.count} 种（${result.source === 'network' ? '已更新' : '本机缓存'} ${showTime(result.loadedAt)}） / species list`;
  renderPicker();
  renderQueue();
}

// ---- the record form

$('r-county').innerHTML = '<option value="">未选（样地内由样地确定） / not chosen</option>'
  + COUNTIES.map(([code, name]) => `<option value="${code}">${name} ${code}</option>`).join('');
$('r-county').value = localStorage.getItem('field.county') || '';
$('r-minus').addEventListener('click', () => { $('r-count').value = Math.max(1, (Number($('r-count').value) || 1) - 1); });
$('r-plus').addEventListener('click', () => { $('r-count').value = (Number($('r-count').value) || 0) + 1; });

function locate() {
  if (!navigator.geolocation) {
    $('r-fix').textContent = '此设备无定位：请手动输入坐标 / no GPS: type the coordinates';
    return;
  }
  $('r-fix').textContent = '正在定位… / locating…';
  navigator.geolocation.getCurrentPosition((pos) => {
    $('r-lat').value = pos.coords.latitude.toFixed(6);
    $('r-lon').value = pos.coords.longitude.toFixed(6);
    $('r-accuracy').value = String(Math.round(pos.coords.accuracy * 10) / 10);
    $('r-gcj').checked = false; // the phone's GPS is WGS-84
    $('r-fix').textContent = `GPS ±${Math.round(pos.coords.accuracy)} 米 / m`;
  }, (err) => {
    $('r-fix').textContent = `定位失败（${err.message}）：请手动输入坐标 / no fix: type the coordinates`;
  }, { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 });
}
$('r-locate').addEventListener('click', locate);
for (const id of ['r-lat', 'r-lon']) {
  // Typed coordinates carry no GPS accuracy.
  $(id).addEventListener('input', () => { $('r-accuracy').value = ''; $('r-fix').textContent = '手动输入 / typed'; });
}

// Map tap: a fallback where GPS has no fix (in a gorge). The point is WGS-84 (the outlines are) and has no accuracy.
$('r-map-toggle').addEventListener('click', async () => {
  const svg = $('r-map');
  // An <svg> has no .hidden property (SVGElement is no HTMLElement): the attribute itself is toggled.
  if (svg.toggleAttribute('hidden')) {
    $('r-map-state').textContent = '';
    return;
  }
  $('r-map-state').textContent = '正在加载县界… / loading the county outlines…';
  const outlines = await loadOutlines((config() || {}).plotUrl);
  const map = drawMap(svg, outlines, ({ lat, lon, countyCode }) => {
    $('r-lat').value = lat.toFixed(6);
    $('r-lon').value = lon.toFixed(6);
    $('r-accuracy').value = '';
    $('r-gcj').checked = false;
    if (countyCode) $('r-county').value = countyCode;
    $('r-fix').textContent = '地图选点 / from the map';
    $('r-map-state').textContent = `已选 / chosen ${lat.toFixed(5)}, ${lon.toFixed(5)}`;
  });
  $('r-map-state').textContent = outlines.length
    ? '点击地图设定位置 / tap the map to set the position'
    : '没有县界数据：请联网打开一次 / no county outlines yet: open the app online once';
  const lat = Number.parseFloat($('r-lat').value);
  const lon = Number.parseFloat($('r-lon').value);
  if (map && Number.isFinite(lat) && Number.isFinite(lon) && !$('r-gcj').checked) map.show(lat, lon);
});

function resetForm() {
  editing = null;
  $('r-uuid').value = '';
  choose('');
  $('r-count').value = '1';
  $('r-method').value = 'SIGHTING';
  $('r-notes').value = '';
  $('r-time').value = chinaLocal();
  $('r-error').textContent = '';
  $('r-cancel').hidden = true;
  $('r-save').innerHTML = '保存 <span class="en">Save</span>';
}

function fillForm(record) {
  const b = record.body;
  choose(b.speciesId);
  $('r-count').value = String(b.count);
  $('r-method').value = b.method;
  $('r-lat').value = String(b.location.lat);
  $('r-lon').value = String(b.location.lon);
  $('r-accuracy').value = b.location.accuracyM ?? '';
  $('r-gcj').checked = b.location.datum === 'GCJ02';
  $('r-county').value = b.countyCode || '';
  $('r-time').value = b.observedAt.slice(0, 16);
  $('r-notes').value = b.notes || '';
  $('r-fix').textContent = '';
}

function formBody(id) {
  const errors = [];
  const speciesId = Number($('r-species').value);
  if (!speciesId) errors.push('请选择物种 / choose a species');
  const count = Number($('r-count').value);
  if (!Number.isInteger(count) || count < 1) errors.push('数量至少为 1 / count at least 1');
  const lat = Number.parseFloat($('r-lat').value);
  const lon = Number.parseFloat($('r-lon').value);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) errors.push('请定位或输入坐标 / position needed');
  const observedAt = chinaIso($('r-time').value);
  if (!observedAt) errors.push('请填写时间 / time needed');
  if (errors.length) return { errors };
  const location = { lat, lon, datum: $('r-gcj').checked ? 'GCJ02' : 'WGS84' };
  const accuracy = Number.parseFloat($('r-accuracy').value);
  if (Number.isFinite(accuracy)) location.accuracyM = accuracy;
  const body = { uuid: id, speciesId, count, observedAt, location, method: $('r-method').value };
  if ($('r-county').value) body.countyCode = $('r-county').value;
  if ($('r-notes').value.trim()) body.notes = $('r-notes').value.trim();
  return { body };
}

$('r-cancel').addEventListener('click', () => { resetForm(); showTab('queue'); });

$('record-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('r-saved').textContent = '';
  if (!auth.raw()) {
    $('r-error').textContent = '请先登录（离线也可粘贴令牌） / sign in first';
    return;
  }
  // A record the service refused as a uuid conflict (409) is another observation: it gets a new uuid. A record
  // fixed after a 400 keeps its uuid (nothing was stored under it).
  const id = editing && editing.problem && editing.problem.status !== 409 ? editing.uuid : uuid();
  const { body, errors } = formBody(id);
  if (errors) {
    $('r-error').textContent = errors.join('；');
    return;
  }
  if (editing && editing.uuid !== id) await queue.remove(editing.uuid);
  await queue.put({
    uuid: id, observer: auth.subject(), createdAt: editing ? editing.createdAt : new Date().toISOString(),
    state: 'pending', attempts: 0, nextTryAt: null, problem: null, body,
  });
  localStorage.setItem('field.county', $('r-county').value);
  const s = speciesById(body.speciesId);
  const wasEditing = Boolean(editing);
  resetForm();
  $('r-saved').textContent = `已保存：${s ? s.chineseName : ''} × ${body.count}（待上传） / saved to the queue`;
  await renderQueue();
  if (wasEditing) showTab('queue');
  syncNow({ force: true });
});

// ---- the queue

const STATE_TEXT = {
  pending: '待上传 / waiting',
  retry: '稍后重试 / will retry',
  rejected: '被拒绝：请修改 / refused: please fix',
};

function problemHtml(p) {
  if (!p) return '';
  const lines = p.violations.length
    ? p.violations.map((v) => `<li><b>${esc(v.field)}</b>：${esc(v.message)}</li>`).join('')
    : `<li>${esc(p.detail || p.title)}</li>`;
  const what = p.status === 409 ? '编号已被其他记录使用（修改后作为新记录提交） / uuid taken' : `HTTP ${p.status} ${esc(p.title)}`;
  return `<div class="problem" role="alert">${what}<ul>${lines}</ul></div>`;
}

async function renderQueue() {
  const all = await queue.all();
  const mine = all.filter((r) => r.observer === auth.subject());
  // Both stores are read before the count is written: a count of sightings alone showed 0 while a patrol waited.
  const trips = (await patrols.all()).filter((p) => p.observer === auth.subject() && p.state !== 'active');
  $('queue-count').textContent = String(mine.length + trips.length);
  $('sync-state').textContent = syncStatus.message
    || (mine.length + trips.length ? '' : '没有待上传的记录 / nothing waiting');
  $('queue').innerHTML = mine.map((r) => {
    const b = r.body;
    const s = speciesById(b.speciesId);
    return `<li data-uuid="${esc(r.uuid)}" data-state="${esc(r.state)}">
      <div class="head">${s ? speciesLabel(s) : `#${esc(b.speciesId)}`} × ${esc(b.count)}</div>
      <div>${showTime(b.observedAt)} · ${esc(METHODS[b.method] || b.method)} · ${esc(countyName(b.countyCode))}</div>
      <div class="muted">${esc(b.location.lat)}, ${esc(b.location.lon)}${b.location.datum === 'GCJ02' ? ' (GCJ-02)' : ''}
        ${b.location.accuracyM != null ? ` ±${esc(Math.round(b.location.accuracyM))} m` : ''}</div>
      <div class="status">${esc(STATE_TEXT[r.state] || r.state)}${r.lastError ? ` <span class="muted">${esc(r.lastError)}</span>` : ''}</div>
      ${problemHtml(r.problem)}
      ${r.state === 'rejected' ? `<div class="actions">
        <button type="button" data-action="edit">修改 <span class="en">Fix</span></button>
        <button type="button" data-action="delete">删除 <span class="en">Delete</span></button></div>` : ''}
      <div class="muted">${esc(r.uuid)}</div></li>`;
  }).join('');
  $('patrol-queue').innerHTML = trips.map((p) => `<li data-patrol="${esc(p.uuid)}" data-state="${esc(p.state)}">
      <div class="head">巡护 / patrol · ${esc(MANDATES[p.mandate] || p.mandate)} · ${esc(TRANSPORTS[p.transport] || p.transport)}</div>
      <div>${showTime(p.startedAt)} – ${showTime(p.endedAt)} · ${esc(countyName(p.countyCode))}</div>
      <div class="muted">轨迹 ${esc(p.pointCount ?? p.body.track.coordinates.length)} 点 / fixes · 事件 ${esc(p.incidents.length)} / incidents
        ${p.incidents.map((i) => esc(INCIDENT_TYPES[i.type] || i.type)).join('、')}</div>
      <div class="status">${esc(STATE_TEXT[p.state] || p.state)}${p.lastError ? ` <span class="muted">${esc(p.lastError)}</span>` : ''}</div>
      ${problemHtml(p.problem)}
      ${p.state === 'rejected' ? `<div class="actions">
        <button type="button" data-action="delete-patrol">删除 <span class="en">Delete</span></button></div>` : ''}
      <div class="muted">${esc(p.uuid)}</div></li>`).join('');
  const others = all.length - mine.length;
  if (others) $('sync-state').textContent += ` 另有 ${others} 条属于其他账号，登录该账号后上传 / ${others} belong to another account`;
}

$('queue').addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const record = await queue.get(button.closest('li').dataset.uuid);
  if (!record) return;
  if (button.dataset.action === 'delete') {
    if (confirm('确定删除这条未上传的记录？ / Delete this record for good?')) await queue.remove(record.uuid);
    renderQueue();
    return;
  }
  editing = record;
  fillForm(record);
  $('r-cancel').hidden = false;
  $('r-save').innerHTML = '保存修改并上传 <span class="en">Save and upload</span>';
  $('r-error').innerHTML = problemHtml(record.problem);
  showTab('record');
});

$('patrol-queue').addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-action="delete-patrol"]');
  if (!button) return;
  const uuidOf = button.closest('li').dataset.patrol;
  if (confirm('确定删除这次未上传的巡护（轨迹和事件）？ / Delete this patrol, its track and incidents, for good?')) {
    await patrols.remove(uuidOf);
    await points.removeOf(uuidOf);
  }
  renderQueue();
});

$('sync-now').addEventListener('click', () => syncNow({ force: true }));

// ---- patrols: start, the track while the page is open, incidents on the way, stop (then it uploads like a record)

$('p-mandate').innerHTML = options(MANDATES);
$('p-transport').innerHTML = options(TRANSPORTS);
$('p-county').innerHTML = COUNTIES.map(([code, name]) => `<option value="${code}">${name} ${code}</option>`).join('');
$('p-county').value = localStorage.getItem('field.county') || '410821';
$('i-type').innerHTML = options(INCIDENT_TYPES);
$('i-action').innerHTML = options(ACTIONS);
let current = null; // the patrol being recorded

async function renderPatrol() {
  current = auth.subject() ? await activePatrol(auth.subject()) : null;
  $('p-start-form').hidden = Boolean(current);
  $('p-active').hidden = !current;
  $('patrol-on').hidden = !current;
  if (!current) return;
  const { km, count } = await trackKm(current.uuid);
  $('p-title').textContent = `巡护中 / recording · ${MANDATES[current.mandate]} · ${TRANSPORTS[current.transport]} · ${countyName(current.countyCode)}`;
  $('p-since').textContent = `开始 / since ${showTime(current.startedAt)}`;
  $('p-track').textContent = `轨迹 ${count} 点，约 ${km.toFixed(2)} 公里 / ${count} fixes, about ${km.toFixed(2)} km`;
  $('p-track').dataset.points = String(count);
  $('p-fix').textContent = (lastFix ? `最新定位 / last fix ${lastFix.lat}, ${lastFix.lon} ±${Math.round(lastFix.accuracyM)} m · ${showTime(lastFix.time)}` : '等待定位… / waiting for a fix…')
    + (fixError ? ` · ${fixError}` : '');
  $('p-incidents').innerHTML = current.incidents.map((i) => `<li data-type="${esc(i.type)}">
      <div class="head">${esc(INCIDENT_TYPES[i.type] || i.type)} × ${esc(i.count)} · ${esc(ACTIONS[i.actionTaken] || i.actionTaken)}</div>
      <div class="muted">${showTime(i.observedAt)} · ${esc(i.location.lat)}, ${esc(i.location.lon)}</div>
      ${i.notes ? `<div>${esc(i.notes)}</div>` : ''}</li>`).join('');
}

$('p-start-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!auth.raw()) {
    $('p-start-error').textContent = '请先登录（离线也可粘贴令牌） / sign in first';
    return;
  }
  $('p-start-error').textContent = '';
  const team = $('p-team').value.split(/[,，\s]+/).map((t) => t.trim()).filter(Boolean);
  current = await startPatrol(auth.subject(), {
    mandate: $('p-mandate').value, transport: $('p-transport').value, countyCode: $('p-county').value, team,
    notes: $('p-notes').value.trim(),
  });
  localStorage.setItem('field.county', $('p-county').value);
  $('p-team').value = '';
  $('p-notes').value = '';
  renderPatrol();
});

$('i-add').addEventListener('click', async () => {
  $('i-saved').textContent = '';
  if (!current) return;
  if (!lastFix) {
    $('i-error').textContent = '还没有定位，请稍候 / no fix yet, please wait';
    return;
  }
  const count = Number($('i-count').value);
  if (!Number.isInteger(count) || count < 1) {
    $('i-error').textContent = '数量至少为 1 / count at least 1';
    return;
  }
  $('i-error').textContent = '';
  const incident = await addIncident(current.uuid, {
    type: $('i-type').value, actionTaken: $('i-action').value, count, notes: $('i-notes').value.trim(),
    location: { lat: lastFix.lat, lon: lastFix.lon },
  });
  $('i-count').value = '1';
  $('i-notes').value = '';
  $('i-saved').textContent = `已记录：${INCIDENT_TYPES[incident.type]} / incident saved`;
  renderPatrol();
});

$('p-stop').addEventListener('click', async () => {
  if (!current) return;
  await stopPatrol(current.uuid);
  current = null;
  await renderPatrol();
  await renderQueue();
  syncNow({ force: true });
});

// Fixes may come every second: one render at a time, and one more when something changed meanwhile.
let rendering = false;
let dirty = false;
async function patrolChanged() {
  if (rendering) {
    dirty = true;
    return;
  }
  rendering = true;
  try {
    do {
      dirty = false;
      await renderPatrol();
    } while (dirty);
  } finally {
    rendering = false;
  }
}
let fixError = ''; // the watch's last error, shown next to the last fix until the next fix comes
onPatrol((event) => {
  if (event.error) fixError = event.error;
  if (event.point) fixError = '';
  patrolChanged();
});

// ---- my records: the service's answer for this observer (exact points: they are the caller's own)

const REVIEW = { UNVERIFIED: '待审核 / unverified', VERIFIED: '已核实 / verified', REJECTED: '已驳回 / rejected' };

async function loadMine() {
  const subject = auth.subject();
  if (!subject) {
    $('mine-state').textContent = '请先登录 / sign in first';
    return;
  }
  $('mine-state').textContent = '加载中… / loading…';
  try {
    const token = auth.token();
    const response = await fetch(`/observations?observer=${encodeURIComponent(subject)}&limit=100`, {
      headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = await response.json();
    $('mine-state').textContent = page.items.length ? `最近 ${page.items.length} 条 / latest` : '还没有已上传的记录 / none uploaded yet';
    $('mine').innerHTML = page.items.map((o) => `<li data-uuid="${esc(o.uuid)}" data-status="${esc(o.status)}">
      <div class="head">${speciesLabel(o.species)} × ${esc(o.count)}</div>
      <div>${showTime(o.observedAt || o.observedOn)} · ${esc(METHODS[o.method] || o.method || '')} · ${esc(countyName(o.countyCode))}${o.plotCode ? ` · 样地 ${esc(o.plotCode)}` : ''}</div>
      <div class="muted">${esc(o.location.lat.toFixed(5))}, ${esc(o.location.lon.toFixed(5))}${o.location.accuracyM != null ? ` ±${esc(Math.round(o.location.accuracyM))} m` : ''}</div>
      <div class="status">${esc(REVIEW[o.status] || o.status)}${o.reviewer ? ` · ${esc(o.reviewer)}` : ''}</div>
      ${o.reviewComment ? `<div class="comment">审核意见 / comment：${esc(o.reviewComment)}</div>` : ''}</li>`).join('');
  } catch (e) {
    $('mine-state').textContent = navigator.onLine
      ? `无法加载（${e.message}） / could not load`
      : '离线：联网后可查看 / offline: available when online';
  }
}
$('mine-refresh').addEventListener('click', loadMine);

// ---- start

window.addEventListener('online', () => { showNet(); loadConfig(); refreshCatalog(); });
window.addEventListener('offline', showNet);
auth.onChange(async () => {
  showAuth();
  renderQueue();
  // Another account's patrol is not followed; this account's open patrol is.
  const open = auth.subject() ? await activePatrol(auth.subject()) : null;
  if (open) watch(open); else unwatch();
  renderPatrol();
});
onSync(() => { renderQueue(); showAuth(); });
setInterval(showAuth, 30_000); // the expiry shown turns into "expired" without a reload

showNet();
showAuth();
resetForm();
const settings = await loadConfig();
$('oidc').hidden = !(settings && settings.oidc);
try {
  // Back from the identity provider: the code becomes the token (kept like a pasted one).
  const token = await completeOidc(settings && settings.oidc);
  if (token) auth.signIn(token);
} catch (e) {
  $('signin-error').textContent = e.message;
}
await refreshCatalog();
if (!$('r-lat').value) locate();
// A patrol that was being recorded before a reload goes on: its stored fixes stay, new ones are appended.
const open = auth.subject() ? await activePatrol(auth.subject()) : null;
if (open) await watch(open);
await renderPatrol();
await startSync();
document.body.dataset.ready = 'true';
