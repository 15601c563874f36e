// Bulletins (bulletin-service, docs/bulletins.md): the latest archived bulletins, each with its HTML page and PDF.
// Both need the bearer token, which a plain link cannot send: the page fetches the file and hands it to the
// browser as a download (a blob: URL, so the bulletin's inline styles never run under this page's policy).
import { auth } from './auth.js';
import { ApiError, base, call, query } from './api.js';
import { el, bi, notice, countyName, formatTime, toast } from './util.js';

const LATEST = 10;
const SCOPES = { CITY: '全市 city', TAIHANG: '太行山 Taihang', YELLOW_RIVER: '黄河湿地 Yellow River' };
const EDITIONS = { INTERNAL: '内部版 internal', PUBLIC: '公开版 public' };
let latest = 0;

/** bureau, admin and reviewer read bulletins (bulletin-service's BulletinResource). */
export function mayReadBulletins(role) {
  return ['bureau', 'admin', 'reviewer'].includes(role);
}

/** The scope as readers name it: the city, a priority area or a county. */
export function scopeLabel(scope) {
  return SCOPES[scope] || countyName(scope) || scope;
}

/** The file name a bulletin is saved under: scope, period start, version and edition, as the PDF's own name. */
export function fileName(b, kind) {
  return `bulletin-${b.scope}-${b.from}-v${b.version}-${String(b.edition).toLowerCase()}.${kind}`;
}

export async function loadBulletins(body) {
  const mine = ++latest;
  if (!auth.token() || !mayReadBulletins(auth.role())) {
    notice(body, '登录（审核员、主管部门、管理员）后显示监测简报', 'Sign in as reviewer, bureau or admin to see bulletins');
    return;
  }
  notice(body, '正在加载…', 'Loading…');
  let page;
  try {
    page = await call('bulletin', `/bulletins${query({ limit: LATEST })}`);
  } catch (e) {
    if (mine === latest) notice(body, '监测简报暂不可用', e.message, 'error');
    return;
  }
  if (mine !== latest) return;
  body.replaceChildren(bulletinTable(page.items));
}

function bulletinTable(items) {
  if (items.length === 0) return el('p', { class: 'muted', 'data-empty': 'bulletins' }, '尚无简报 / no bulletins yet');
  return el('table', { class: 'coverage bulletins' },
    el('thead', {}, el('tr', {},
      el('th', { title: 'Bulletin' }, '简报'), el('th', { title: 'Scope' }, '范围'), el('th', { title: 'Edition' }, '版本'),
      el('th', { title: 'Generated' }, '生成时间'), el('th', { title: 'Files' }, '文件'))),
    el('tbody', {}, ...items.map((b) => el('tr', { 'data-bulletin': b.id, 'data-edition': b.edition },
      el('td', { title: `${b.from} – ${b.to}` }, b.title, b.version > 1 ? ` (v${b.version})` : ''),
      el('td', {}, scopeLabel(b.scope)),
      el('td', {}, EDITIONS[b.edition] || b.edition),
      el('td', {}, formatTime(b.generatedAt)),
      el('td', { class: 'files' },
        el('button', { type: 'button', 'data-file': 'html', onclick: () => download(b, 'html', 'text/html') }, 'HTML'),
        ' ',
        el('button', { type: 'button', 'data-file': 'pdf', onclick: () => download(b, 'pdf', 'application/pdf') }, 'PDF'))))));
}

/** Fetches a bulletin's file with the token and saves it. */
async function download(b, kind, accept) {
  const path = kind === 'html' ? b.htmlUrl : b.pdfUrl;
  try {
    const response = await fetch(base('bulletin') + path, { headers: { Accept: accept, Authorization: `Bearer ${auth.token()}` } });
    if (!response.ok) {
      if (response.status === 401) auth.expired();
      throw new ApiError(response.status, `HTTP ${response.status}`);
    }
    const url = URL.createObjectURL(await response.blob());
    el('a', { href: url, download: fileName(b, kind) }).click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    toast(`简报文件不可用 / bulletin file unavailable：${e.message}`, 'error');
  }
}
