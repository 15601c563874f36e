// Uploads the queue (docs/mobile-client-guide.md §4–6). Each record keeps the uuid it got when it was recorded,
// so a retry after a lost answer is a replay (200 / DUPLICATE), never a second record. Stored records leave the
// queue; refused ones (400, 403, 409, 413) stay, with the service's answer, for the ranger to fix; everything
// else (no network, 5xx, a timeout) is retried with exponential back-off. A 401 stops the upload until a new
// token is pasted: the records wait. Finished patrols go the same way to patrol-service (POST /patrols, another
// origin named by config.json), one request per patrol, idempotent by the uuid made when the patrol started.
import { auth } from './auth.js';
import { config } from './config.js';
import { patrols, points, queue } from './store.js';

export const BATCH_FROM = 5; // this many records or more go as one POST /observations/batch
const BATCH_MAX = 1000;
const BACKOFF_FIRST_MS = 2000;
const BACKOFF_MAX_MS = 5 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 30_000;

const listeners = new Set();
let running = null;
let again = false;
let timer = null;
export const status = { state: 'idle', message: '', lastRun: null };

function changed() {
  listeners.forEach((l) => l());
}

export function onSync(listener) {
  listeners.add(listener);
}

function backoff(record, message) {
  const attempts = (record.attempts || 0) + 1;
  const delay = Math.min(BACKOFF_FIRST_MS * 2 ** (attempts - 1), BACKOFF_MAX_MS) * (0.75 + Math.random() * 0.5);
  return { ...record, state: 'retry', attempts, nextTryAt: Date.now() + delay, lastError: message };
}

function refused(record, problem) {
  return { ...record, state: 'rejected', problem, nextTryAt: null, lastError: null };
}

async function post(path, body, token) {
  const controller = new AbortController();
  const t = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    let json = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    return { status: response.status, json };
  } finally {
    clearTimeout(t);
  }
}

function problemOf(status, json) {
  return {
    status,
    title: (json && json.title) || `HTTP ${status}`,
    detail: (json && json.detail) || '',
    violations: (json && Array.isArray(json.violations)) ? json.violations : [],
  };
}

const RETRYABLE_REFUSALS = new Set([408, 425, 429]);

async function sendOne(record, token) {
  let answer;
  try {
    answer = await post('/observations', record.body, token);
  } catch (e) {
    await queue.put(backoff(record, `网络错误 / network: ${e.message}`));
    return 'retry';
  }
  if (answer.status === 200 || answer.status === 201) {
    await queue.remove(record.uuid);
    return 'stored';
  }
  if (answer.status === 401) return 'unauthorized';
  if (answer.status >= 400 && answer.status < 500 && !RETRYABLE_REFUSALS.has(answer.status)) {
    await queue.put(refused(record, problemOf(answer.status, answer.json)));
    return 'refused';
  }
  await queue.put(backoff(record, `HTTP ${answer.status}`));
  return 'retry';
}

async function sendPatrol(patrol, token, base) {
  let answer;
  try {
    answer = await post(`${base}/patrols`, patrol.body, token);
  } catch (e) {
    await patrols.put(backoff(patrol, `网络错误 / network: ${e.message}`));
    return 'retry';
  }
  if (answer.status === 200 || answer.status === 201) {
    await patrols.remove(patrol.uuid);
    await points.removeOf(patrol.uuid);
    return 'stored';
  }
  if (answer.status === 401) return 'unauthorized';
  if (answer.status >= 400 && answer.status < 500 && !RETRYABLE_REFUSALS.has(answer.status)) {
    await patrols.put(refused(patrol, problemOf(answer.status, answer.json)));
    return 'refused';
  }
  await patrols.put(backoff(patrol, `HTTP ${answer.status}`));
  return 'retry';
}

/** Finished patrols of this owner that wait for upload (not the one being recorded, not refused ones). */
export async function waitingPatrols(owner) {
  return (await patrols.all()).filter((p) => p.observer === owner && (p.state === 'pending' || p.state === 'retry'));
}

async function sendBatch(records, token) {
  let answer;
  try {
    answer = await post('/observations/batch', { items: records.map((r) => r.body) }, token);
  } catch (e) {
    for (const r of records) await queue.put(backoff(r, `网络错误 / network: ${e.message}`));
    return 'retry';
  }
  if (answer.status === 401) return 'unauthorized';
  if (answer.status === 200 && answer.json && Array.isArray(answer.json.results)) {
    for (const result of answer.json.results) {
      const record = records[result.index];
      if (!record) continue;
      if (result.status === 'CREATED' || result.status === 'DUPLICATE') {
        await queue.remove(record.uuid);
      } else {
        // The batch's violation fields are items[i].…; on the record they are its own fields.
        const prefix = `items[${result.index}].`;
        const violations = (result.violations || []).map((v) => ({ ...v, field: v.field.startsWith(prefix) ? v.field.slice(prefix.length) : v.field }));
        const conflict = violations.some((v) => v.field === 'uuid');
        await queue.put(refused(record, { status: conflict ? 409 : 400, title: conflict ? 'Conflict' : 'Bad Request', detail: '', violations }));
      }
    }
    return 'done';
  }
  if (answer.status >= 400 && answer.status < 500 && !RETRYABLE_REFUSALS.has(answer.status) && answer.status !== 413) {
    for (const r of records) await queue.put(refused(r, problemOf(answer.status, answer.json)));
    return 'refused';
  }
  for (const r of records) await queue.put(backoff(r, `HTTP ${answer.status}`));
  return 'retry';
}

async function runOnce(force) {
  const token = auth.token();
  const owner = auth.subject();
  const all = await queue.all();
  const mine = all.filter((r) => r.observer === owner && r.state !== 'rejected');
  const trips = await waitingPatrols(owner);
  if (!mine.length && !trips.length) {
    status.state = 'idle';
    status.message = '';
    return;
  }
  if (!token) {
    status.state = 'waiting';
    status.message = auth.raw() ? '令牌已过期：请重新登录，记录保留在本机 / token expired: sign in again, records are kept' : '请登录后上传 / sign in to upload';
    return;
  }
  if (!navigator.onLine) {
    status.state = 'offline';
    status.message = '无网络：记录保存在本机，联网后自动上传 / offline: saved on this phone, uploads when online';
    return;
  }
  const isDue = (r) => force || !r.nextTryAt || r.nextTryAt <= Date.now();
  const due = mine.filter(isDue);
  const dueTrips = trips.filter(isDue);
  status.state = 'sending';
  status.message = `正在上传 ${due.length + dueTrips.length} 条 / uploading ${due.length + dueTrips.length}`;
  changed();
  if (due.length >= BATCH_FROM) {
    for (let i = 0; i < due.length; i += BATCH_MAX) {
      if (await sendBatch(due.slice(i, i + BATCH_MAX), token) === 'unauthorized') return unauthorized();
    }
  } else {
    for (const record of due) {
      if (await sendOne(record, token) === 'unauthorized') return unauthorized();
    }
  }
  const settings = config();
  if (dueTrips.length && !(settings && settings.patrolUrl)) {
    status.state = 'waiting';
    status.message = '巡护服务地址未知：请联网打开一次 / patrol-service unknown: open the app online once';
    return;
  }
  for (const patrol of dueTrips) {
    if (await sendPatrol(patrol, token, settings.patrolUrl) === 'unauthorized') return unauthorized();
  }
  status.state = 'idle';
  status.message = '';
  status.lastRun = new Date().toISOString();
}

function unauthorized() {
  auth.refused();
  status.state = 'waiting';
  status.message = '令牌已失效：请重新登录，记录保留在本机 / token refused: sign in again, records are kept';
}

/** Sends what is due now (force: everything waiting, ignoring back-off); one run at a time. */
export async function syncNow({ force = false } = {}) {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await runOnce(force);
      } while (again);
    } catch (e) {
      status.state = 'error';
      status.message = e.message;
    } finally {
      running = null;
      await schedule();
      changed();
    }
  })();
  return running;
}

async function schedule() {
  clearTimeout(timer);
  const waiting = [...await queue.all(), ...await patrols.all()].filter((r) => r.state === 'retry' && r.nextTryAt);
  if (!waiting.length) return;
  const next = Math.min(...waiting.map((r) => r.nextTryAt));
  timer = setTimeout(() => syncNow(), Math.max(250, next - Date.now()));
}

export function startSync() {
  window.addEventListener('online', () => syncNow({ force: true }));
  window.addEventListener('offline', () => changed());
  auth.onChange(() => syncNow({ force: true }));
  // Also every minute: navigator.onLine says "online" behind a dead link too, and back-off timers may be throttled.
  setInterval(() => syncNow(), 60_000);
  return syncNow();
}
