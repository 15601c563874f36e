// The monitoring console in a real browser: Debian's Chromium driven by playwright-core, against a running
// stack. Run through ./run, which provides the URLs and tokens (see docs/console.md).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (use ./run)`);
  return value.replace(/\/$/, '');
}

const CONSOLE_URL = `${required('CONSOLE_URL')}/`;
const OBSERVATION_URL = required('OBSERVATION_URL');
const ALERT_URL = required('ALERT_URL');
const PLOT_URL = required('PLOT_URL');
const PATROL_URL = required('PATROL_URL');
const BULLETIN_URL = required('BULLETIN_URL');
const TOKENS = { bureau: required('BUREAU_TOKEN'), ranger: required('RANGER_TOKEN'), admin: required('ADMIN_TOKEN') };
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? join(dirname(fileURLToPath(import.meta.url)), '../../../../docs') : null;
const TIMEOUT = 20_000;
const HYPHANTRIA_CUNEA = 60; // 美国白蛾, invasive (V1__species_catalog.sql)
const MACACA_MULATTA = 3; // 猕猴, not sensitive
const PANTHERA_PARDUS = 1; // 华北豹, sensitive
const MENGZHOU = '410883'; // 孟州市

let userDataDir;
let context;

before(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(TIMEOUT);
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function api(base, path, { method = 'GET', token, body, expect = [200, 201] } = {}) {
  const response = await fetch(base + path, {
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

function jitter(centre, spread) {
  return Math.round((centre + (Math.random() - 0.5) * spread) * 1e5) / 1e5;
}

async function postSighting(speciesId, countyCode, lat, lon) {
  const uuid = randomUUID();
  await api(OBSERVATION_URL, '/observations', {
    method: 'POST', token: TOKENS.ranger, expect: [201],
    body: {
      uuid, speciesId, count: 2, observedAt: new Date().toISOString(), countyCode, method: 'SIGHTING',
      location: { lat, lon, accuracyM: 10 }, notes: 'browser test',
    },
  });
  return uuid;
}

/** No live alert may absorb the next sighting: resolve what is OPEN or ACKNOWLEDGED for this key. */
async function closeLiveAlerts(speciesId, countyCode) {
  for (const status of ['OPEN', 'ACKNOWLEDGED']) {
    const page = await api(ALERT_URL, `/alerts?speciesId=${speciesId}&countyCode=${countyCode}&status=${status}`, { token: TOKENS.bureau });
    for (const a of page.items) {
      if (a.status === 'OPEN') await api(ALERT_URL, `/alerts/${a.id}/acknowledge`, { method: 'POST', token: TOKENS.bureau, body: { notes: 'test setup' } });
      await api(ALERT_URL, `/alerts/${a.id}/resolve`, { method: 'POST', token: TOKENS.bureau, body: { action: 'FALSE_ALARM', notes: 'test setup' } });
    }
  }
}

async function alertOf(speciesId, countyCode, observationUuid) {
  return eventually(async () => {
    const page = await api(ALERT_URL, `/alerts?speciesId=${speciesId}&countyCode=${countyCode}&status=OPEN`, { token: TOKENS.bureau });
    for (const a of page.items) {
      const detail = await api(ALERT_URL, `/alerts/${a.id}`, { token: TOKENS.bureau });
      if (detail.observationUuids.includes(observationUuid)) return detail;
    }
    return null;
  }, `the alert of observation ${observationUuid}`);
}

/** Opens the console, signs in through the dialog and collects every console error of the page. */
async function openConsole(role, prepare = async () => {}) {
  const page = await context.newPage();
  await prepare(page);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()} @ ${m.location().url}`); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(CONSOLE_URL);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.click('#sign-in');
  await page.fill('#token', TOKENS[role]);
  await page.click('#login-submit');
  await page.locator(`.who[data-role="${role}"]`).waitFor();
  return { page, errors };
}

async function settled(page) {
  await page.locator('body[data-map-loaded]').waitFor();
  await page.locator('#indicators-body .kpis, #indicators-body .notice.warn, #indicators-body .notice.error').first().waitFor();
  await page.locator('#coverage-body table.coverage, #coverage-body .notice.error').first().waitFor();
  await page.locator('#patrols-body table.effort, #patrols-body [data-empty], #patrols-body .notice').first().waitFor();
  await page.locator('#cases-body table.cases, #cases-body [data-empty="cases"], #cases-body .notice').first().waitFor();
}

async function screenshot(page, name, selector) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `console-${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

test('the page loads for the bureau with every panel and no console error', async () => {
  const { page, errors } = await openConsole('bureau');
  await settled(page);
  await page.locator('#stream-state[data-stream="connected"]').waitFor();
  assert.match(await page.title(), /焦作市生物多样性监测/);
  assert.equal(await page.locator('#coverage-body table.coverage tbody tr').count(), 10, 'one coverage row per county');
  assert.ok(await page.locator('#f-species option').count() > 20, 'the species filter lists the catalog');
  assert.equal(await page.locator('#coverage-body .notice.error').count(), 0);
  assert.equal(await page.locator('#indicators-body .notice.error').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the map shows a plot by its ecosystem and a sighting just posted, sensitive ones generalized', async (t) => {
  const [w, s] = [jitter(113.30, 0.04), jitter(35.40, 0.02)];
  const plot = await api(PLOT_URL, '/plots', {
    method: 'POST', token: TOKENS.admin, expect: [201],
    body: {
      name: `浏览器测试样地 ${randomUUID().slice(0, 8)}`, countyCode: '410821', ecosystem: 'FOREST', methods: ['QUADRAT'],
      geometry: { type: 'Polygon', coordinates: [[[w, s], [w + 0.03, s], [w + 0.03, s + 0.02], [w, s + 0.02], [w, s]]] },
    },
  });
  t.after(() => api(PLOT_URL, `/plots/${plot.code}`, { method: 'DELETE', token: TOKENS.admin, expect: [200, 204] }));
  const lat = jitter(35.33, 0.04);
  const lon = jitter(113.36, 0.06);
  const macaque = await postSighting(MACACA_MULATTA, '410821', lat, lon);
  const leopard = await postSighting(PANTHERA_PARDUS, '410821', jitter(35.37, 0.04), jitter(113.30, 0.04));
  // The public knows a sensitive record only by its public id (its stored uuid answers 404); the observer is shown it.
  const { publicId: leopardPublic } = await api(OBSERVATION_URL, `/observations/${leopard}`, { token: TOKENS.ranger });
  // As the public sees it, once released (the e2e stack releases generalized records every 5 s; production at midnight).
  const leopardPoint = await eventually(async () => {
    const res = await fetch(`${OBSERVATION_URL}/observations/${leopardPublic}`);
    return res.status === 200 ? res.json() : null;
  }, 'the leopard released to the public');
  const { page, errors } = await openConsole('bureau');
  await settled(page);

  const shape = page.locator(`path.plot[data-code="${plot.code}"]`);
  await shape.waitFor({ state: 'attached' });
  assert.equal(await shape.getAttribute('data-ecosystem'), 'FOREST');
  assert.equal(await shape.getAttribute('fill'), '#2e7d32');

  const marker = page.locator(`circle.sighting[data-uuid="${macaque}"]`);
  await marker.waitFor({ state: 'attached' });
  assert.equal(Number(await marker.getAttribute('data-lat')), lat);
  assert.equal(Number(await marker.getAttribute('data-lon')), lon);
  assert.equal(await marker.getAttribute('data-generalized'), 'false');

  const hidden = page.locator(`circle.sighting[data-uuid="${leopardPublic}"]`);
  await hidden.waitFor({ state: 'attached' });
  assert.equal(await hidden.getAttribute('data-generalized'), 'true');
  assert.equal(Number(await hidden.getAttribute('data-lat')), leopardPoint.location.lat);
  assert.ok(leopardPoint.coordinatesObscured);
  await screenshot(page, 'overview');

  // The species filter asks the API again: only macaques remain, ours among them.
  await page.selectOption('#f-species', String(MACACA_MULATTA));
  const before = await page.locator('body').getAttribute('data-map-loaded');
  await page.click('#apply');
  await eventually(async () => {
    const loaded = await page.locator('body').getAttribute('data-map-loaded');
    return loaded && loaded !== before;
  }, 'the filtered map');
  await marker.waitFor({ state: 'attached' });
  const species = await page.locator('circle.sighting').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.speciesId))]);
  assert.deepEqual(species, [String(MACACA_MULATTA)]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a new invasive sighting appears in the alerts panel without reloading the page', async () => {
  const county = '410823'; // 武陟县
  await closeLiveAlerts(HYPHANTRIA_CUNEA, county);
  const { page, errors } = await openConsole('bureau');
  await page.locator('#stream-state[data-stream="connected"]').waitFor();
  await page.evaluate(() => { window.sameDocument = true; });

  const uuid = await postSighting(HYPHANTRIA_CUNEA, county, jitter(35.08, 0.05), jitter(113.40, 0.08));
  const alert = await alertOf(HYPHANTRIA_CUNEA, county, uuid);
  const item = page.locator(`li.alert[data-alert-id="${alert.id}"]`);
  await item.waitFor();
  assert.equal(await item.getAttribute('data-status'), 'OPEN');
  assert.match(await item.innerText(), /美国白蛾/);
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page was not reloaded');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the bureau acknowledges an alert from the page', async () => {
  const county = '410825'; // 温县
  await closeLiveAlerts(HYPHANTRIA_CUNEA, county);
  const uuid = await postSighting(HYPHANTRIA_CUNEA, county, jitter(34.95, 0.04), jitter(113.08, 0.06));
  const alert = await alertOf(HYPHANTRIA_CUNEA, county, uuid);
  const { page, errors } = await openConsole('bureau');
  const item = page.locator(`li.alert[data-alert-id="${alert.id}"]`);
  await item.locator('button.acknowledge').click();
  await page.locator(`li.alert[data-alert-id="${alert.id}"][data-status="ACKNOWLEDGED"]`).waitFor();

  const stored = await api(ALERT_URL, `/alerts/${alert.id}`, { token: TOKENS.bureau });
  assert.equal(stored.status, 'ACKNOWLEDGED');
  assert.ok(stored.history.some((h) => h.action === 'ACKNOWLEDGED' && h.actor === 'bureau-dev'), JSON.stringify(stored.history));
  // Now it can be resolved, and the button is offered.
  await page.locator(`li.alert[data-alert-id="${alert.id}"] button.resolve`).waitFor();
  await settled(page);
  await screenshot(page, 'alerts', '.alerts-panel');
  assert.deepEqual(errors, []);
  await page.close();
});

/** The subject a token names (the ranger is the patrol's team). */
function subjectOf(token) {
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  return claims.upn || claims.preferred_username || claims.sub;
}

/** A foot patrol of the last hours in 孟州市 (no other suite patrols there) with a snare, by the ranger token; its uuid. */
async function postPatrol() {
  const uuid = randomUUID();
  const [lon, lat] = [jitter(112.75, 0.06), jitter(34.93, 0.04)];
  const now = Date.now();
  const at = (minutes) => new Date(now - minutes * 60_000).toISOString();
  await api(PATROL_URL, '/patrols', {
    method: 'POST', token: TOKENS.ranger, expect: [201],
    body: {
      uuid, mandate: 'ROUTINE', transport: 'FOOT', countyCode: MENGZHOU, team: [subjectOf(TOKENS.ranger)],
      startedAt: at(180), endedAt: at(60),
      track: {
        type: 'LineString', coordinates: [[lon, lat], [lon + 0.01, lat + 0.005], [lon + 0.02, lat + 0.004]],
        times: [at(175), at(120), at(65)],
      },
      incidents: [{ type: 'SNARE', actionTaken: 'REMOVED', count: 2, location: { lat: lat + 0.005, lon: lon + 0.01 }, observedAt: at(120), notes: '浏览器测试' }],
    },
  });
  return uuid;
}

test('the patrol panel counts a patrol just recorded and the bureau sees its track and snare on the map', async () => {
  const uuid = await postPatrol();
  const { page, errors } = await openConsole('bureau');
  await settled(page);
  // Yesterday and today in China: the patrol of three hours ago lies in this window whatever the month.
  const day = (offset) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  await page.selectOption('#f-county', MENGZHOU); // the map draws the newest 20 tracks of the county and window
  await page.fill('#f-from', day(-1));
  await page.fill('#f-to', day(0));
  await page.click('#apply');
  await page.locator('#patrols-body thead', { hasText: '上期 km' }).waitFor();
  const row = page.locator(`#patrols-body table.effort tbody tr[data-county="${MENGZHOU}"]`);
  await row.waitFor();
  assert.ok(Number(await row.locator('td[data-distance]').getAttribute('data-distance')) > 1, 'km of 孟州市 in the window');
  assert.ok(Number(await row.locator('td[data-incidents]').getAttribute('data-incidents')) >= 1, 'the snare incident is counted');
  assert.match(await row.innerText(), /猎套/);
  // The two days before stand beside them.
  assert.ok(Number(await row.locator('td[data-previous-distance]').getAttribute('data-previous-distance')) >= 0);
  await page.locator(`path.track[data-patrol="${uuid}"]`).waitFor({ state: 'attached' });
  assert.equal(await page.locator(`circle.incident[data-patrol="${uuid}"]`).getAttribute('data-type'), 'SNARE');
  await screenshot(page, 'patrols', '.patrols-panel');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the control-case panel lists a case just opened and counts it in the county summary', async () => {
  // A case opened directly by the bureau in 孟州市 for 美国白蛾: DETECTED, awaiting its first action.
  const responsibleOrg = `mengzhou-forestry-${randomUUID().slice(0, 8)}`;
  const opened = await api(ALERT_URL, '/control-cases', {
    method: 'POST', token: TOKENS.bureau, expect: [201],
    body: {
      speciesId: HYPHANTRIA_CUNEA, scientificName: 'Hyphantria cunea', chineseName: '美国白蛾', countyCode: MENGZHOU,
      severity: 'HIGH', point: { lat: jitter(34.91, 0.02), lon: jitter(112.79, 0.02) }, radiusM: 200, responsibleOrg,
    },
  });
  const { page, errors } = await openConsole('bureau');
  await settled(page);
  await page.selectOption('#f-county', MENGZHOU);
  await page.click('#apply');
  const row = page.locator(`#cases-body table.cases tr[data-case="${opened.id}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'DETECTED');
  assert.match(await row.innerText(), new RegExp(responsibleOrg));
  const summary = page.locator(`#cases-body table.cases-summary tr[data-county="${MENGZHOU}"][data-species="${HYPHANTRIA_CUNEA}"]`);
  assert.ok(Number(await summary.locator('td[data-open]').getAttribute('data-open')) >= 1, 'the open case is counted');
  assert.deepEqual(errors, []);
  await page.close();
});

test('five dead wild ducks show as a disease cluster with its emergency checklist', async () => {
  // One report of five dead ducks on the 孟州 shoals on a day of its own (the stack outlives runs: an earlier run's
  // cluster must not take it), then the site isolated.
  const day = new Date(Date.now() - (10 + Math.floor(Math.random() * 20000)) * 86_400_000);
  const report = await api(ALERT_URL, '/mortality-reports', {
    method: 'POST', token: TOKENS.ranger, expect: [201],
    body: {
      uuid: randomUUID(), group: 'WATERFOWL', deadCount: 5, countyCode: MENGZHOU, observedAt: day.toISOString(),
      point: { lat: jitter(34.88, 0.04), lon: jitter(112.75, 0.2), accuracyM: 10 }, symptoms: '头颈扭曲', samplesTaken: true,
    },
  });
  const alertId = await eventually(async () => (await api(ALERT_URL, `/mortality-reports/${report.id}`, { token: TOKENS.bureau })).clusterAlertId,
    'the cluster alert');
  await api(ALERT_URL, `/alerts/${alertId}/checklist/ISOLATE_SITE`, { method: 'PUT', token: TOKENS.bureau, body: { notes: 'browser test' } });
  const { page, errors } = await openConsole('bureau');
  await settled(page);
  const item = page.locator(`#cases-body ul.disease li[data-alert="${alertId}"]`);
  await item.waitFor();
  assert.equal(await item.getAttribute('data-rule'), 'DISEASE_CLUSTER');
  assert.ok(Number(await item.locator('[data-dead]').getAttribute('data-dead')) >= 5);
  assert.equal(await item.locator('[data-step="ISOLATE_SITE"]').getAttribute('class'), 'done');
  assert.equal(await item.locator('[data-step="DISINFECT"]').getAttribute('class'), 'todo');
  await screenshot(page, 'cases', '.cases-panel');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a ranger sees the map but no alerts, and nothing fails', async () => {
  const uuid = await postPatrol();
  const { page, errors } = await openConsole('ranger');
  await settled(page);
  // Effort is for every staff role; other patrols' tracks are not, so the ranger's map draws none (no 404 asked for).
  await page.locator(`#patrols-body table.effort tbody tr[data-county="${MENGZHOU}"]`).waitFor();
  assert.equal(await page.locator(`path.track[data-patrol="${uuid}"]`).count(), 0);
  await page.locator('#alerts-body .notice').waitFor();
  assert.match(await page.locator('#alerts-body').innerText(), /无权查看预警/);
  assert.equal(await page.locator('button.acknowledge').count(), 0);
  assert.equal(await page.locator('#stream-state').getAttribute('data-stream'), 'off');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the other services answer the console origin cross-origin', async () => {
  const origin = new URL(CONSOLE_URL).origin;
  for (const base of [OBSERVATION_URL, PLOT_URL, ALERT_URL, PATROL_URL]) {
    const response = await fetch(`${base}/plots`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), origin, base);
    assert.match(response.headers.get('access-control-allow-headers') || '', /authorization/i, base);
  }
});

test('single sign-on: authorization code with PKCE against the configured issuer', async () => {
  // A stand-in identity provider inside the browser's network layer; config.json is amended to name it.
  const issuer = 'https://sso.idp.test/realms/biodiversity';
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  const cors = { 'Access-Control-Allow-Origin': new URL(CONSOLE_URL).origin };
  let challenge;
  let tokenRequest;
  await page.route('**/console/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, oidc: { issuer, clientId: 'biodiversity-console', scope: 'openid' } } });
  });
  // A deployment configured with this issuer names it in the page's Content-Security-Policy (connect-src).
  await page.route((url) => `${url.origin}${url.pathname}` === CONSOLE_URL, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    headers['content-security-policy'] = headers['content-security-policy']
      .replace('connect-src', `connect-src ${new URL(issuer).origin}`);
    await route.fulfill({ response, headers });
  });
  await page.route(`${issuer}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      await route.fulfill({ headers: cors, json: { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token` } });
    } else if (url.pathname.endsWith('/auth')) {
      assert.equal(url.searchParams.get('client_id'), 'biodiversity-console');
      assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
      assert.equal(url.searchParams.get('redirect_uri'), CONSOLE_URL);
      challenge = url.searchParams.get('code_challenge');
      const back = new URL(url.searchParams.get('redirect_uri'));
      back.search = new URLSearchParams({ code: 'code-123', state: url.searchParams.get('state') }).toString();
      // Back to the console by a page of the provider rather than a 302: the browser would follow a redirect of a
      // fulfilled route without routing it, and the console page would miss the issuer in its connect-src.
      const target = back.toString().replaceAll('&', '&amp;');
      await route.fulfill({ contentType: 'text/html', body: `<meta http-equiv="refresh" content="0;url=${target}">` });
    } else if (url.pathname.endsWith('/token')) {
      tokenRequest = new URLSearchParams(route.request().postData());
      await route.fulfill({ headers: cors, json: { access_token: TOKENS.bureau, token_type: 'Bearer', expires_in: 300 } });
    } else {
      await route.fulfill({ status: 404 });
    }
  });
  await page.goto(CONSOLE_URL);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.click('#sign-in');
  await page.click('#oidc');
  await page.locator('.who[data-role="bureau"]').waitFor();
  assert.equal(tokenRequest.get('grant_type'), 'authorization_code');
  assert.equal(tokenRequest.get('code'), 'code-123');
  const verifier = tokenRequest.get('code_verifier');
  assert.equal(createHash('sha256').update(verifier).digest('base64url'), challenge, 'the verifier matches the challenge');
  assert.equal(new URL(page.url()).search, '', 'code and state are removed from the address bar');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the bulletins panel lists a bulletin just generated and saves its HTML and PDF', async () => {
  // A new version is the newest bulletin, so it is among the ten the panel lists.
  const bulletin = await api(BULLETIN_URL, '/bulletins', {
    method: 'POST', token: TOKENS.bureau, expect: [200, 201], body: { scope: MENGZHOU, regenerate: true },
  });
  const { page, errors } = await openConsole('bureau');
  const row = page.locator(`#bulletins-body tr[data-bulletin="${bulletin.id}"]`);
  await row.waitFor();
  for (const kind of ['html', 'pdf']) {
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator(`button[data-file="${kind}"]`).click()]);
    assert.equal(download.suggestedFilename(),
      `bulletin-${MENGZHOU}-${bulletin.from}-v${bulletin.version}-${bulletin.edition.toLowerCase()}.${kind}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
  // A ranger may not read bulletins: the panel says so and asks nothing.
  const ranger = await openConsole('ranger');
  await ranger.page.locator('#bulletins-body .notice').filter({ hasText: '简报' }).waitFor();
  assert.deepEqual(ranger.errors, []);
  await ranger.page.close();
});

test('with observation-service unreachable every panel says so and nothing throws', async () => {
  const { page, errors } = await openConsole('bureau', async (p) => {
    await p.route(`${OBSERVATION_URL}/**`, (route) => route.abort('connectionrefused'));
  });
  await page.locator('body[data-map-loaded]').waitFor();
  assert.match(await page.locator('.map-info').innerText(), /观测数据不可用/);
  await page.locator('#indicators-body .notice').filter({ hasText: '指标' }).waitFor();
  await page.locator('#coverage-body table.coverage').waitFor(); // sampling-plot-service still answers
  await page.locator('#stream-state[data-stream="connected"]').waitFor();
  // The refused requests are logged by the browser itself; anything else would be the page's fault.
  assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_REFUSED')), []);
  await page.close();
});

test('the alert stream reconnects after it ends and reloads the list', async () => {
  let streams = 0;
  const { page, errors } = await openConsole('bureau', async (p) => {
    await p.route('**/alerts/stream', async (route) => {
      streams += 1;
      if (streams === 1) {
        await route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body: ': connected\n\n' });
      } else {
        await route.continue();
      }
    });
  });
  await page.locator('#stream-state[data-stream="disconnected"]').waitFor();
  await page.locator('#stream-state[data-stream="connected"]').waitFor();
  assert.ok(streams >= 2, `streams opened: ${streams}`);
  // Live again: a new invasive sighting still arrives.
  const county = '410822'; // 博爱县
  await closeLiveAlerts(HYPHANTRIA_CUNEA, county);
  const uuid = await postSighting(HYPHANTRIA_CUNEA, county, jitter(35.17, 0.04), jitter(113.06, 0.06));
  const alert = await alertOf(HYPHANTRIA_CUNEA, county, uuid);
  await page.locator(`li.alert[data-alert-id="${alert.id}"]`).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('county and date filters narrow the map (dates are days in Asia/Shanghai, both ends included)', async () => {
  const county = '410882'; // 沁阳市
  const uuid = await postSighting(MACACA_MULATTA, county, jitter(35.09, 0.04), jitter(112.95, 0.06));
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()); // yyyy-mm-dd
  const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));
  const { page, errors } = await openConsole('bureau');
  await settled(page);

  async function apply(from, to) {
    const before = await page.locator('body').getAttribute('data-map-loaded');
    await page.selectOption('#f-county', county);
    await page.fill('#f-from', from);
    await page.fill('#f-to', to);
    await page.click('#apply');
    await eventually(async () => {
      const loaded = await page.locator('body').getAttribute('data-map-loaded');
      return loaded && loaded !== before;
    }, 'the filtered map');
    return page.locator('circle.sighting').evaluateAll((els) => els.map((e) => ({ uuid: e.dataset.uuid, county: e.dataset.county })));
  }

  const todays = await apply(today, today);
  assert.ok(todays.some((m) => m.uuid === uuid), 'the sighting of today is shown for today');
  assert.deepEqual([...new Set(todays.map((m) => m.county))], [county]);
  const earlier = await apply(yesterday, yesterday);
  assert.ok(!earlier.some((m) => m.uuid === uuid), 'it is not shown for yesterday');
  assert.deepEqual(errors, []);
  await page.close();
});
