// The species catalog (GET /species), kept on the device so the picker works offline. Searches Chinese
// names, pinyin initials (华北豹 → hbb), scientific and English names.
import { kv } from './store.js';

let species = [];
let loadedAt = null;

// The catalog has no pinyin; initials come from the browser's pinyin collation: a character's initial is the
// last of these boundary characters (the first syllable of each letter) that it does not sort before.
const LETTERS = 'abcdefghjklmnopqrstwxyz';
const BOUNDARIES = '阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀';
const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

export function initials(name) {
  return Array.from(name || '', (ch) => {
    if (!/\p{Script=Han}/u.test(ch)) return /[a-z0-9]/i.test(ch) ? ch.toLowerCase() : '';
    let letter = '';
    for (let i = 0; i < BOUNDARIES.length; i += 1) {
      if (collator.compare(ch, BOUNDARIES[i]) >= 0) letter = LETTERS[i];
      else break;
    }
    return letter;
  }).join('');
}

function index(list) {
  return list.map((s) => ({
    ...s,
    initials: initials(s.chineseName),
    haystack: `${s.chineseName} ${s.scientificName} ${s.englishName || ''}`.toLowerCase(),
  }));
}

/** The catalog from the service when online (then stored), else the stored copy. */
export async function loadCatalog() {
  try {
    const response = await fetch('/species', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const list = await response.json();
    loadedAt = new Date().toISOString();
    await kv.put('catalog', { list, loadedAt });
    species = index(list);
    return { source: 'network', count: species.length, loadedAt };
  } catch (e) {
    const stored = await kv.get('catalog');
    if (!stored) return { source: 'none', count: 0, error: e.message };
    species = index(stored.list);
    loadedAt = stored.loadedAt;
    return { source: 'device', count: species.length, loadedAt };
  }
}

export function speciesById(id) {
  return species.find((s) => s.id === Number(id)) || null;
}

/** Best matches first: initials or name prefix, then anywhere in a name. */
export function search(query, limit = 30) {
  const q = query.trim().toLowerCase();
  if (!q) return species.slice(0, limit);
  const scored = [];
  for (const s of species) {
    let score = -1;
    if (s.chineseName.startsWith(q) || s.initials.startsWith(q)) score = 0;
    else if (s.scientificName.toLowerCase().startsWith(q) || (s.englishName || '').toLowerCase().startsWith(q)) score = 1;
    else if (s.haystack.includes(q) || s.initials.includes(q)) score = 2;
    if (score >= 0) scored.push([score, s]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].id - b[1].id).slice(0, limit).map(([, s]) => s);
}

const LEVELS = { NATIONAL_I: '国家一级', NATIONAL_II: '国家二级', PROVINCIAL: '省级' };

/** Marks of a species as HTML: protection level, sensitive (generalized for the public), invasive. */
export function marks(s) {
  if (!s) return '';
  return [
    LEVELS[s.protectionLevel] ? `<span class="tag level">${LEVELS[s.protectionLevel]}</span>` : '',
    s.sensitive ? '<span class="tag sensitive" title="敏感物种：公开时位置模糊化 / sensitive">敏感</span>' : '',
    s.invasive ? '<span class="tag invasive" title="入侵物种 / invasive">入侵</span>' : '',
  ].join('');
}
