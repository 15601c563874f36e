// Recording a patrol (docs/field-app.md, docs/patrols.md): started with its uuid (the idempotency key of every
// upload), the track from watchPosition while the page is open, each fix written to IndexedDB as it comes (a
// reload or a crash loses none; an open page after a reload resumes the watch), incidents added on the way with
// the latest fix as their point. Stopping freezes the request body, so every retry sends exactly the same patrol.
import { patrols, points } from './store.js';
import { chinaIsoAt, km, uuid } from './util.js';

let watchId = null;
let watching = null; // uuid of the patrol being watched
let lastT = 0;
export let lastFix = null; // { lat, lon, accuracyM, t } of the watched patrol
const listeners = new Set();

export function onPatrol(listener) {
  listeners.add(listener);
}

function changed(event) {
  listeners.forEach((l) => l(event));
}

/** The patrol this ranger is recording, or null. */
export async function activePatrol(owner) {
  return (await patrols.all()).find((p) => p.state === 'active' && p.observer === owner) || null;
}

export async function startPatrol(owner, { mandate, transport, countyCode, team, notes }) {
  const patrol = {
    uuid: uuid(), observer: owner, createdAt: new Date().toISOString(), state: 'active', attempts: 0, nextTryAt: null,
    problem: null, startedAt: chinaIsoAt(), mandate, transport, countyCode, team: [owner, ...team.filter((t) => t && t !== owner)],
    notes, incidents: [],
  };
  await patrols.put(patrol);
  await watch(patrol);
  return patrol;
}

/** Follows the phone's position for this patrol, appending every fix to its stored track. */
export async function watch(patrol) {
  if (watching === patrol.uuid) return;
  unwatch();
  watching = patrol.uuid;
  const stored = await points.of(patrol.uuid);
  const last = stored[stored.length - 1];
  lastT = last ? last.t : 0;
  lastFix = last || null;
  if (!navigator.geolocation) {
    changed({ error: '此设备无定位 / no GPS on this device' });
    return;
  }
  watchId = navigator.geolocation.watchPosition(async (pos) => {
    const t = pos.timestamp || Date.now();
    if (t <= lastT || watching !== patrol.uuid) return; // a repeated fix adds nothing to the track
    lastT = t;
    const point = {
      patrol: patrol.uuid, t, time: chinaIsoAt(new Date(t)),
      lat: Math.round(pos.coords.latitude * 1e6) / 1e6, lon: Math.round(pos.coords.longitude * 1e6) / 1e6,
      accuracyM: Math.round(pos.coords.accuracy * 10) / 10,
    };
    await points.add(point);
    lastFix = point;
    changed({ point });
  }, (err) => changed({ error: `定位失败（${err.message || ['', 'PERMISSION_DENIED', 'POSITION_UNAVAILABLE', 'TIMEOUT'][err.code] || err.code}） / no fix` }),
  { enableHighAccuracy: true, maximumAge: 0, timeout: 60_000 });
}

export function unwatch() {
  if (watchId !== null) navigator.geolocation.clearWatch(watchId);
  watchId = null;
  watching = null;
}

export async function addIncident(patrolUuid, { type, actionTaken, count, notes, location }) {
  const patrol = await patrols.get(patrolUuid);
  const incident = { type, actionTaken, location, observedAt: chinaIsoAt(), count };
  if (notes) incident.notes = notes;
  patrol.incidents.push(incident);
  await patrols.put(patrol);
  changed({ incident });
  return incident;
}

/** The request patrol-service gets (POST /patrols), from the stored patrol and its fixes. */
export function patrolBody(patrol, fixes, endedAt) {
  const body = {
    uuid: patrol.uuid, mandate: patrol.mandate, transport: patrol.transport, countyCode: patrol.countyCode,
    team: patrol.team, startedAt: patrol.startedAt, endedAt, datum: 'WGS84',
    track: { type: 'LineString', coordinates: fixes.map((p) => [p.lon, p.lat]), times: fixes.map((p) => p.time) },
    incidents: patrol.incidents,
  };
  if (patrol.notes) body.notes = patrol.notes;
  return body;
}

/** Ends the patrol: its body is frozen and it joins the upload queue. */
export async function stopPatrol(patrolUuid) {
  if (watching === patrolUuid) unwatch();
  const patrol = await patrols.get(patrolUuid);
  const fixes = await points.of(patrolUuid);
  const endedAt = chinaIsoAt();
  await patrols.put({ ...patrol, state: 'pending', endedAt, pointCount: fixes.length, body: patrolBody(patrol, fixes, endedAt) });
  changed({ stopped: patrolUuid });
}

export async function trackKm(patrolUuid) {
  const fixes = await points.of(patrolUuid);
  let sum = 0;
  for (let i = 1; i < fixes.length; i += 1) sum += km(fixes[i - 1], fixes[i]);
  return { km: sum, count: fixes.length };
}
