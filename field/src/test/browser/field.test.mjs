// The rangers' field app in a real browser: Debian's Chromium driven by playwright-core on a phone-sized
// viewport, against a running stack. Run through ./run, which provides the URL and a reviewer token (see
// docs/field-app.md). Each test has a fresh browser profile (its own service worker and IndexedDB) and a
// ranger of its own (a token with a unique subject), so the records it counts on the server are its own.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (use ./run)`);
  return value.replace(/\/$/, '');
}

const OBSERVATION_URL = required('OBSERVATION_URL');
const FIELD_URL = `${OBSERVATION_URL}/field/`;
const PATROL_URL = required('PATROL_URL');
const PLOT_URL = required('PLOT_URL');
const STACK = required('STACK');
const REVIEWER_TOKEN = required('REVIEWER_TOKEN');
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? join(dirname(fileURLToPath(import.meta.url)), '../../../../docs') : null;
const TIMEOUT = 20_000;
const MACACA_MULATTA = 3; // 猕猴, not sensitive (V1__species_catalog.sql)
const PANTHERA_PARDUS = 1; // 华北豹, sensitive
const HYPHANTRIA_CUNEA = 60; // 美国白蛾, invasive
const XIUWU = '410821';

const opened = [];

afterEach(async () => {
  while (opened.length) {
    const { context, dir } = opened.pop();
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A ranger of this test only: a token whose subject nobody else records with. */
function ranger() {
  const subject = `field-test-${randomUUID().slice(0, 8)}`;
  const token = execFileSync(STACK, ['token', 'ranger', subject], { encoding: 'utf8' }).trim();
  return { subject, token };
}

/** A phone: fresh profile, 390×844, touch, China locale and time zone, GPS at a point in 修武县. */
async function phone({ serviceWorkers = 'allow' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'field-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: { latitude: 35.3012, longitude: 113.4021, accuracy: 8 },
    permissions: ['geolocation'],
    serviceWorkers,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(TIMEOUT);
  opened.push({ context, dir });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

async function api(path, { method = 'GET', token, body, expect = [200] } = {}) {
  const response = await fetch(OBSERVATION_URL + path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(expect.includes(response.status), `${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Polls until check() returns a truthy value; no fixed sleeps. */
async function eventually(check, what, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function patrolApi(path, token) {
  const response = await fetch(PATROL_URL + path, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  const text = await response.text();
  assert.equal(response.status, 200, `GET ${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

/** The patrols this ranger recorded or walked in, as patrol-service has them. */
async function patrolsOf(who) {
  return (await patrolApi(`/patrols?ranger=${encodeURIComponent(who.subject)}&limit=50`, who.token)).items;
}

/** The rows of one of the app's IndexedDB stores. */
function stored(page, store) {
  return page.evaluate((name) => new Promise((resolve, reject) => {
    const open = indexedDB.open('field');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction(name).objectStore(name).getAll();
      get.onsuccess = () => { open.result.close(); resolve(get.result); };
      get.onerror = () => reject(get.error);
    };
  }), store);
}

/** The phone moves: a new GPS fix for watchPosition. Waits until the app has stored it (the track's point count). */
async function walkTo(context, page, [latitude, longitude], accuracy) {
  const before = Number(await page.locator('#p-track').getAttribute('data-points'));
  await context.setGeolocation({ latitude, longitude, accuracy });
  await eventually(async () => Number(await page.locator('#p-track').getAttribute('data-points')) > before, 'the new fix in the track');
}

async function recordsOf(who) {
  const page = await api(`/observations?observer=${encodeURIComponent(who.subject)}&limit=100`, { token: who.token });
  return page.items;
}

/** The rows of the app's IndexedDB queue. */
function queued(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('field');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('queue').objectStore('queue').getAll();
      get.onsuccess = () => { open.result.close(); resolve(get.result); };
      get.onerror = () => reject(get.error);
    };
  }));
}

/** The top of the view, as a ranger sees it on opening a tab. */
async function screenshot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

async function openApp(page, who) {
  await page.goto(FIELD_URL);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.fill('#token', who.token);
  await page.click('#signin-form button[type="submit"]');
  await page.locator('#who-name').filter({ hasText: who.subject }).waitFor();
  await page.locator('#catalog-state').filter({ hasText: '物种名录' }).waitFor();
}

/** Fills the form the way a ranger does: search, tap the species, count, county, position; then saves. */
async function record(page, { query, speciesId, count = 1, lat, lon, gcj = false, notes }) {
  await page.click('#tab-record');
  await page.fill('#r-species-q', query);
  await page.click(`#r-species-list button[data-id="${speciesId}"]`);
  await page.fill('#r-count', String(count));
  await page.selectOption('#r-county', XIUWU);
  if (lat !== undefined) {
    await page.fill('#r-lat', String(lat));
    await page.fill('#r-lon', String(lon));
  } else {
    await page.locator('#r-fix').filter({ hasText: 'GPS' }).waitFor();
  }
  if (gcj) await page.check('#r-gcj');
  if (notes) await page.fill('#r-notes', notes);
  await page.click('#r-save');
  await page.locator('#r-saved').filter({ hasText: '已保存' }).waitFor();
}

test('offline: three sightings wait in the queue, the app reopens offline with them, online uploads exactly three', async () => {
  const who = ranger();
  const { context, page, errors } = await phone();
  await openApp(page, who);
  // The service worker controls the page before the signal goes.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await eventually(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the service worker to control the page');

  await context.setOffline(true);
  await page.locator('#net[data-online="false"]').waitFor();
  // Pinyin initials, a Chinese name and a scientific name find their species; the sensitive and invasive marks show.
  await page.fill('#r-species-q', 'hbb');
  await page.locator(`#r-species-list button[data-id="${PANTHERA_PARDUS}"] .tag.sensitive`).waitFor();
  await page.fill('#r-species-q', 'hyphantria');
  await page.locator(`#r-species-list button[data-id="${HYPHANTRIA_CUNEA}"] .tag.invasive`).waitFor();

  await record(page, { query: 'mh', speciesId: MACACA_MULATTA, count: 4, notes: '悬崖步道上一群' });
  await record(page, { query: '华北豹', speciesId: PANTHERA_PARDUS, count: 1 });
  await record(page, { query: 'Hyphantria', speciesId: HYPHANTRIA_CUNEA, count: 30, lat: 35.29561, lon: 113.40832, gcj: true });
  if (SCREENSHOTS) {
    await page.fill('#r-species-q', 'mh');
    await page.click(`#r-species-list button[data-id="${MACACA_MULATTA}"]`);
    await screenshot(page, 'field-app-record.png');
  }
  const before = await queued(page);
  assert.equal(before.length, 3);
  assert.ok(before.every((r) => r.observer === who.subject && r.state === 'pending' && r.body.uuid === r.uuid));
  const gcj = before.find((r) => r.body.speciesId === HYPHANTRIA_CUNEA);
  assert.equal(gcj.body.location.datum, 'GCJ02');
  const gps = before.find((r) => r.body.speciesId === MACACA_MULATTA);
  assert.deepEqual([gps.body.location.lat, gps.body.location.lon, gps.body.location.accuracyM, gps.body.location.datum],
    [35.3012, 113.4021, 8, 'WGS84']);
  assert.match(gps.body.observedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+08:00$/);
  assert.deepEqual(await recordsOf(who), [], 'nothing reached the server while offline');

  // A reload without signal: the service worker opens the app, the queue is still there.
  const reloaded = await page.reload();
  assert.ok(reloaded.fromServiceWorker(), 'the page came from the service worker');
  await page.locator('body[data-ready="true"]').waitFor();
  await page.click('#tab-queue');
  await page.locator('#queue-count').filter({ hasText: '3' }).waitFor();
  assert.equal(await page.locator('#queue li').count(), 3);
  assert.deepEqual((await queued(page)).map((r) => r.uuid).sort(), before.map((r) => r.uuid).sort());
  if (SCREENSHOTS) await screenshot(page, 'field-app-queue.png');

  await context.setOffline(false);
  await page.locator('#queue-count').filter({ hasText: /^0$/ }).waitFor();
  const stored = await eventually(async () => {
    const items = await recordsOf(who);
    return items.length >= 3 ? items : null;
  }, 'three records on the server');
  assert.equal(stored.length, 3);
  assert.deepEqual(stored.map((o) => o.uuid).sort(), before.map((r) => r.uuid).sort());
  assert.deepEqual(await queued(page), []);

  // My records: the review shows, with the reviewer's comment.
  await api(`/observations/${gps.uuid}/review`, {
    method: 'PATCH', token: REVIEWER_TOKEN, body: { status: 'VERIFIED', comment: '照片清晰，确认为猕猴' },
  });
  await page.click('#tab-mine');
  const mine = page.locator(`#mine li[data-uuid="${gps.uuid}"]`);
  await mine.filter({ hasText: '已核实' }).waitFor();
  await mine.filter({ hasText: '照片清晰，确认为猕猴' }).waitFor();
  assert.equal(await page.locator('#mine li').count(), 3);
  assert.equal(await page.locator('#mine li[data-status="UNVERIFIED"]').count(), 2);
  if (SCREENSHOTS) await screenshot(page, 'field-app-mine.png');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
});

test('a lost answer: the service stored the post, the app never heard; the retry is a replay, not a duplicate', async () => {
  const who = ranger();
  // Routing sees the page's requests only without a service worker in between; the queue does not need one.
  const { page } = await phone({ serviceWorkers: 'block' });
  const answers = [];
  let lost = false;
  await page.route('**/observations', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    if (!lost) {
      lost = true;
      const response = await route.fetch(); // the service gets the post and answers ...
      answers.push(response.status());
      return route.abort('connectionreset'); // ... but the answer never reaches the phone
    }
    const response = await route.fetch();
    answers.push(response.status());
    return route.fulfill({ response });
  });
  await openApp(page, who);
  await record(page, { query: 'mh', speciesId: MACACA_MULATTA, count: 2 });
  const [queuedRecord] = await queued(page);
  await page.click('#tab-queue');
  // The app retries by itself after its back-off (2 s ± 25 %).
  await page.locator('#queue-count').filter({ hasText: /^0$/ }).waitFor();
  assert.deepEqual(answers, [201, 200], 'the first post was stored, the retry was answered as a replay');
  const stored = await recordsOf(who);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].uuid, queuedRecord.uuid);
});

test('a 400 stays on the record with the service violations until the ranger fixes it', async () => {
  const who = ranger();
  const { page } = await phone({ serviceWorkers: 'block' });
  await openApp(page, who);
  // 39.9 N 116.4 E is Beijing, far outside Jiaozuo: the service refuses the point.
  await record(page, { query: 'mh', speciesId: MACACA_MULATTA, count: 3, lat: 39.9042, lon: 116.4074 });
  await page.click('#tab-queue');
  const item = page.locator('#queue li[data-state="rejected"]');
  await item.waitFor();
  await item.locator('.problem').filter({ hasText: 'HTTP 400' }).waitFor();
  await item.locator('.problem b').filter({ hasText: /^location/ }).first().waitFor();
  const [refused] = await queued(page);
  assert.equal(refused.state, 'rejected');
  assert.equal(refused.problem.status, 400);
  assert.deepEqual(await recordsOf(who), []);
  // A sync does not drop it, nor send it again unchanged.
  await page.click('#sync-now');
  await item.waitFor();
  assert.equal((await queued(page)).length, 1);

  await item.locator('button[data-action="edit"]').click();
  await page.fill('#r-lat', '35.2901');
  await page.fill('#r-lon', '113.3905');
  await page.click('#r-save');
  await page.locator('#queue-count').filter({ hasText: /^0$/ }).waitFor();
  const stored = await eventually(async () => {
    const items = await recordsOf(who);
    return items.length ? items : null;
  }, 'the fixed record on the server');
  assert.equal(stored.length, 1);
  assert.equal(stored[0].uuid, refused.uuid, 'nothing was stored under the uuid, so the fixed record keeps it');
  assert.equal(stored[0].count, 3);
});

test('many queued records go up as one batch', async () => {
  const who = ranger();
  const { context, page } = await phone({ serviceWorkers: 'block' });
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(new URL(r.url()).pathname); });
  await openApp(page, who);
  await context.setOffline(true);
  for (let i = 0; i < 5; i += 1) await record(page, { query: 'mh', speciesId: MACACA_MULATTA, count: i + 1 });
  await context.setOffline(false);
  await page.locator('#queue-count').filter({ hasText: /^0$/ }).waitFor();
  assert.deepEqual(posts, ['/observations/batch']);
  assert.equal((await recordsOf(who)).length, 5);
});

test('an expired or refused token keeps the queue; a new token uploads it', async () => {
  const who = ranger();
  const { page } = await phone({ serviceWorkers: 'block' });
  await openApp(page, who);
  // The service stops accepting the token (as after expiry): 401 on the next upload.
  await page.route('**/observations', (route) => (route.request().method() === 'POST'
    ? route.fulfill({ status: 401, contentType: 'application/problem+json', body: '{"title":"Unauthorized","status":401}' })
    : route.continue()));
  await record(page, { query: 'mh', speciesId: MACACA_MULATTA, count: 1 });
  await page.locator('#who[data-expired="true"]').waitFor();
  await page.click('#tab-queue');
  await page.locator('#queue li[data-state="pending"]').waitFor();
  assert.equal((await queued(page)).length, 1);
  await page.unroute('**/observations');
  await page.fill('#token', execFileSync(STACK, ['token', 'ranger', who.subject], { encoding: 'utf8' }).trim());
  await page.click('#signin-form button[type="submit"]');
  await page.locator('#queue-count').filter({ hasText: /^0$/ }).waitFor();
  assert.equal((await recordsOf(who)).length, 1);
});

test('the app is installable: manifest, icons and service worker', async () => {
  const { page } = await phone();
  await page.goto(FIELD_URL);
  await page.locator('body[data-ready="true"]').waitFor();
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    return (await fetch(href)).json();
  });
  assert.equal(manifest.start_url, '/field/');
  assert.equal(manifest.display, 'standalone');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, FIELD_URL);
  // The layout fits the phone: nothing wider than the screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
});

test('a patrol recorded offline: its track and a snare survive a reload; online → exactly one patrol with its incident', async () => {
  const who = ranger();
  const { context, page, errors } = await phone();
  await openApp(page, who);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await eventually(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the service worker to control the page');
  await context.setOffline(true);
  await page.locator('#net[data-online="false"]').waitFor();

  await page.click('#tab-patrol');
  await page.selectOption('#p-mandate', 'TARGETED');
  await page.selectOption('#p-transport', 'FOOT');
  await page.selectOption('#p-county', XIUWU);
  await page.fill('#p-notes', '茱萸峰北坡专项巡查');
  await page.click('#p-start');
  await page.locator('#p-active').waitFor();
  await page.locator('#patrol-on:not([hidden])').waitFor();
  // The phone's fix at the start is the track's first point; a walk north-east, a few metres per fix.
  await eventually(async () => Number(await page.locator('#p-track').getAttribute('data-points')) >= 1, 'the first fix');
  await walkTo(context, page, [35.30135, 113.40225], 6);
  await walkTo(context, page, [35.30150, 113.40240], 5);
  await page.selectOption('#i-type', 'SNARE');
  await page.selectOption('#i-action', 'REMOVED');
  await page.fill('#i-count', '2');
  await page.fill('#i-notes', '两处钢丝套，已拆除');
  await page.click('#i-add');
  await page.locator('#p-incidents li[data-type="SNARE"]').waitFor();
  await walkTo(context, page, [35.30165, 113.40255], 7);
  const [recording] = await stored(page, 'patrols');
  assert.equal(recording.state, 'active');
  assert.equal(recording.incidents.length, 1);
  assert.deepEqual(recording.incidents[0].location, { lat: 35.3015, lon: 113.4024 }, 'the incident is at the fix before it');
  const fixesBefore = (await stored(page, 'points')).filter((p) => p.patrol === recording.uuid);
  assert.ok(fixesBefore.length >= 4, `${fixesBefore.length} fixes stored as they came`);
  assert.ok(fixesBefore.every((p) => Number.isFinite(p.accuracyM) && /\+08:00$/.test(p.time)), 'each fix with its accuracy and time');
  if (SCREENSHOTS) await screenshot(page, 'field-app-patrol.png');

  // A reload without signal: the patrol goes on with its stored fixes and its incident.
  const reloaded = await page.reload();
  assert.ok(reloaded.fromServiceWorker(), 'the page came from the service worker');
  await page.locator('body[data-ready="true"]').waitFor();
  await page.click('#tab-patrol');
  await page.locator('#p-active').waitFor();
  await page.locator('#p-incidents li[data-type="SNARE"]').waitFor();
  assert.ok(Number(await page.locator('#p-track').getAttribute('data-points')) >= fixesBefore.length, 'no fix lost in the reload');
  await walkTo(context, page, [35.30180, 113.40270], 5);
  await page.click('#p-stop');
  await page.locator('#p-start-form:not([hidden])').waitFor();
  await page.click('#tab-queue');
  await page.locator('#patrol-queue li[data-state="pending"]').waitFor();
  const [waiting] = await stored(page, 'patrols');
  assert.equal(waiting.uuid, recording.uuid);
  const sent = waiting.body;
  assert.ok(sent.track.coordinates.length >= fixesBefore.length + 1);
  assert.equal(sent.track.times.length, sent.track.coordinates.length);
  assert.deepEqual(sent.track.coordinates.slice(0, fixesBefore.length), fixesBefore.map((p) => [p.lon, p.lat]));
  assert.deepEqual(await patrolsOf(who), [], 'nothing reached patrol-service while offline');

  await context.setOffline(false);
  await page.locator('#queue-count').filter({ hasText: /^0$/ }).waitFor();
  const patrols = await eventually(async () => {
    const items = await patrolsOf(who);
    return items.length ? items : null;
  }, 'the patrol on patrol-service');
  assert.equal(patrols.length, 1, 'exactly one patrol');
  assert.equal(patrols[0].uuid, recording.uuid);
  const patrol = await patrolApi(`/patrols/${recording.uuid}`, who.token);
  assert.equal(patrol.mandate, 'TARGETED');
  assert.equal(patrol.countyCode, XIUWU);
  assert.deepEqual(patrol.team, [who.subject]);
  assert.equal(patrol.effort.trackPoints, sent.track.coordinates.length);
  assert.equal(patrol.incidents.length, 1);
  assert.deepEqual([patrol.incidents[0].type, patrol.incidents[0].actionTaken, patrol.incidents[0].count],
    ['SNARE', 'REMOVED', 2]);
  assert.deepEqual(await stored(page, 'patrols'), []);
  assert.deepEqual(await stored(page, 'points'), [], 'the uploaded track leaves the phone');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
});

test('a patrol waits through a refused token and uploads with the next one', async () => {
  const who = ranger();
  const { context, page } = await phone({ serviceWorkers: 'block' });
  await openApp(page, who);
  await page.route(`${PATROL_URL}/patrols`, (route) => (route.request().method() === 'POST'
    // Another origin: the stand-in answer needs the CORS header patrol-service would send.
    ? route.fulfill({ status: 401, contentType: 'application/problem+json', headers: { 'Access-Control-Allow-Origin': new URL(FIELD_URL).origin },
      body: '{"title":"Unauthorized","status":401}' })
    : route.continue()));
  await page.click('#tab-patrol');
  await page.selectOption('#p-county', XIUWU);
  await page.click('#p-start');
  await eventually(async () => Number(await page.locator('#p-track').getAttribute('data-points')) >= 1, 'the first fix');
  await walkTo(context, page, [35.30140, 113.40230], 5);
  await page.click('#p-stop');
  await page.locator('#who[data-expired="true"]').waitFor();
  await page.click('#tab-queue');
  await page.locator('#patrol-queue li[data-state="pending"]').waitFor();
  assert.equal((await stored(page, 'patrols')).length, 1, 'the patrol stays on the phone');
  await page.unroute(`${PATROL_URL}/patrols`);
  await page.fill('#token', execFileSync(STACK, ['token', 'ranger', who.subject], { encoding: 'utf8' }).trim());
  await page.click('#signin-form button[type="submit"]');
  await page.locator('#queue-count').filter({ hasText: /^0$/ }).waitFor();
  assert.equal((await patrolsOf(who)).length, 1);
});

/** Ray casting, as any GIS would: is [lon, lat] inside the GeoJSON (Multi)Polygon? */
function inside(geometry, lon, lat) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const inRing = (ring) => {
    let c = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) c = !c;
    }
    return c;
  };
  return polys.some(([outer, ...holes]) => inRing(outer) && !holes.some(inRing));
}

test('a tap on the county map sets the position and the county', async () => {
  const who = ranger();
  const { page, errors } = await phone({ serviceWorkers: 'block' });
  await openApp(page, who);
  await page.click('#r-map-toggle');
  const county = page.locator(`#r-map path.county[data-code="${XIUWU}"]`);
  await county.waitFor();
  // A screen point inside 修武县 as the browser draws it.
  const box = await county.boundingBox();
  const target = await page.evaluate(({ b, code }) => {
    for (let fy = 0.5; fy < 0.95; fy += 0.05) {
      for (let fx = 0.5; fx < 0.95; fx += 0.05) {
        const x = b.x + b.width * fx;
        const y = b.y + b.height * fy;
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.dataset && hit.dataset.code === code) return { x, y };
      }
    }
    return null;
  }, { b: box, code: XIUWU });
  assert.ok(target, 'a point of 修武县 on the screen');
  await page.touchscreen.tap(target.x, target.y);
  await page.locator('#r-fix').filter({ hasText: '地图选点' }).waitFor();
  assert.equal(await page.inputValue('#r-county'), XIUWU);
  assert.equal(await page.inputValue('#r-accuracy'), '');
  const lat = Number(await page.inputValue('#r-lat'));
  const lon = Number(await page.inputValue('#r-lon'));
  // The point the app computed lies in 修武县's outline as sampling-plot-service has it, and the pin sits where the finger was.
  const outline = await (await fetch(`${PLOT_URL}/counties/${XIUWU}/outline`)).json();
  assert.ok(inside(outline.geometry, lon, lat), `${lat}, ${lon} lies in 修武县`);
  const pin = await page.locator('#r-map circle.pin').boundingBox();
  assert.ok(Math.abs(pin.x + pin.width / 2 - target.x) < 2 && Math.abs(pin.y + pin.height / 2 - target.y) < 2, 'the pin is under the finger');

  await page.fill('#r-species-q', 'mh');
  await page.click(`#r-species-list button[data-id="${MACACA_MULATTA}"]`);
  await page.click('#r-save');
  await page.locator('#queue-count').filter({ hasText: /^0$/ }).waitFor();
  const [record] = await eventually(async () => {
    const items = await recordsOf(who);
    return items.length ? items : null;
  }, 'the record on the server');
  assert.deepEqual([record.location.lat, record.location.lon, record.countyCode], [lat, lon, XIUWU]);
  assert.equal(record.location.accuracyM ?? null, null);
  assert.deepEqual(errors, []);
});

test('single sign-on: authorization code with PKCE (the console’s oidc.js); the token and its expiry are shown', async () => {
  const who = ranger();
  // A stand-in identity provider inside the browser's network layer, as in the console's test; config.json names it.
  const issuer = 'https://sso.idp.test/realms/biodiversity';
  const { page, errors } = await phone({ serviceWorkers: 'block' });
  const cors = { 'Access-Control-Allow-Origin': new URL(FIELD_URL).origin };
  let challenge;
  let tokenRequest;
  await page.route('**/field/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, oidc: { issuer, clientId: 'biodiversity-field', scope: 'openid' } } });
  });
  // A deployment configured with this issuer names it in the page's connect-src.
  await page.route((url) => `${url.origin}${url.pathname}` === FIELD_URL, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    headers['content-security-policy'] = headers['content-security-policy'].replace('connect-src', `connect-src ${new URL(issuer).origin}`);
    await route.fulfill({ response, headers });
  });
  await page.route(`${issuer}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      await route.fulfill({ headers: cors, json: { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token` } });
    } else if (url.pathname.endsWith('/auth')) {
      assert.equal(url.searchParams.get('client_id'), 'biodiversity-field');
      assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
      assert.equal(url.searchParams.get('redirect_uri'), FIELD_URL);
      challenge = url.searchParams.get('code_challenge');
      const back = new URL(url.searchParams.get('redirect_uri'));
      back.search = new URLSearchParams({ code: 'code-456', state: url.searchParams.get('state') }).toString();
      const target = back.toString().replaceAll('&', '&amp;');
      await route.fulfill({ contentType: 'text/html', body: `<meta http-equiv="refresh" content="0;url=${target}">` });
    } else if (url.pathname.endsWith('/token')) {
      tokenRequest = new URLSearchParams(route.request().postData());
      await route.fulfill({ headers: cors, json: { access_token: who.token, token_type: 'Bearer', expires_in: 300 } });
    } else {
      await route.fulfill({ status: 404 });
    }
  });
  await page.goto(FIELD_URL);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.click('#oidc');
  await page.locator('#who-name').filter({ hasText: who.subject }).waitFor();
  await page.locator('#who-expiry').filter({ hasText: '令牌有效至' }).waitFor();
  assert.equal(tokenRequest.get('grant_type'), 'authorization_code');
  assert.equal(tokenRequest.get('code'), 'code-456');
  assert.equal(createHash('sha256').update(tokenRequest.get('code_verifier')).digest('base64url'), challenge,
    'the verifier matches the challenge');
  assert.equal(new URL(page.url()).search, '', 'code and state are removed from the address bar');
  assert.deepEqual(errors, []);
});
