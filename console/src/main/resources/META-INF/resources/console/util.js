// Small helpers shared by the panels.

/** The ten county-level divisions (GB/T 2260, as common's JiaozuoCounty) with their seats' approximate position. */
export const COUNTIES = [
  { code: '410802', name: '解放区', en: 'Jiefang', lat: 35.240, lon: 113.226 },
  { code: '410803', name: '中站区', en: 'Zhongzhan', lat: 35.236, lon: 113.175 },
  { code: '410804', name: '马村区', en: 'Macun', lat: 35.266, lon: 113.322 },
  { code: '410811', name: '山阳区', en: 'Shanyang', lat: 35.214, lon: 113.255 },
  { code: '410821', name: '修武县', en: 'Xiuwu', lat: 35.224, lon: 113.447 },
  { code: '410822', name: '博爱县', en: 'Bo\'ai', lat: 35.171, lon: 113.064 },
  { code: '410823', name: '武陟县', en: 'Wuzhi', lat: 35.099, lon: 113.402 },
  { code: '410825', name: '温县', en: 'Wen', lat: 34.940, lon: 113.080 },
  { code: '410882', name: '沁阳市', en: 'Qinyang', lat: 35.088, lon: 112.950 },
  { code: '410883', name: '孟州市', en: 'Mengzhou', lat: 34.907, lon: 112.789 },
];

export function countyName(code) {
  const c = COUNTIES.find((x) => x.code === code);
  return c ? c.name : code || '—';
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function formatTime(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatDate(iso) {
  return iso ? dateOnly.format(new Date(iso)) : '—';
}

/** Builds DOM without innerHTML, so names coming from the APIs are never parsed as markup. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else if (k === 'style') setStyle(node, String(v));
    else node.setAttribute(k, v === true ? '' : String(v));
  }
}

/**
 * "width:40%;left:95%" property by property: the page's Content-Security-Policy (style-src 'self', no
 * 'unsafe-inline') blocks style attributes and style.cssText, but not single CSSOM properties.
 */
function setStyle(node, declarations) {
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) node.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** "中文 English" label: Chinese first, English second and quieter. */
export function bi(zh, en) {
  return [zh, el('span', { class: 'en' }, en)];
}

/** A panel's body shows a message instead of data (unavailable, not allowed, error). */
export function notice(container, zh, en, kind = 'info') {
  container.replaceChildren(el('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...bi(zh, en)));
}

let toastTimer;
export function toast(message, kind = 'info') {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.className = `toast ${kind} show`;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.className = 'toast'; }, 5000);
}
