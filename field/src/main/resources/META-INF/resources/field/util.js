// Small helpers shared by the modules: counties, China time, escaping, uuids.

/** The ten county-level divisions (GB/T 2260, as common's JiaozuoCounty). */
export const COUNTIES = [
  ['410802', '解放区'], ['410803', '中站区'], ['410804', '马村区'], ['410811', '山阳区'], ['410821', '修武县'],
  ['410822', '博爱县'], ['410823', '武陟县'], ['410825', '温县'], ['410882', '沁阳市'], ['410883', '孟州市'],
];

export function countyName(code) {
  const c = COUNTIES.find(([k]) => k === code);
  return c ? c[1] : code || '—';
}

export const METHODS = {
  SIGHTING: '目击', TRACK: '足迹', SIGN: '痕迹', ACOUSTIC: '鸣声', CAMERA_TRAP: '红外相机', SPECIMEN: '标本', OTHER: '其他',
};

// China has kept +08:00 all year since 1991, so the offset is fixed (the API keeps the offset sent).
const OFFSET_MS = 8 * 3600 * 1000;

/** "yyyy-MM-ddTHH:mm" of an instant in Asia/Shanghai, for a datetime-local input. */
export function chinaLocal(date = new Date()) {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as China time → ISO-8601 with offset, as the API wants it. */
export function chinaIso(local) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  return `${local.length === 16 ? `${local}:00` : local}+08:00`;
}

/** An ISO instant or offset time shown as China time. */
export function showTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : chinaLocal(d).replace('T', ' ');
}

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** An instant as ISO-8601 in China time with milliseconds ("2025-05-14T07:30:05.123+08:00"): fixes a second apart stay ordered. */
export function chinaIsoAt(date = new Date()) {
  return `${new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

// patrol-service's vocabulary (GET /patrol-vocabulary, docs/patrols.md), here so that the pick lists work offline.
export const MANDATES = { ROUTINE: '日常巡护', TARGETED: '专项巡查', JOINT_ENFORCEMENT: '联合执法', FIRE_WATCH: '防火巡查' };
export const TRANSPORTS = { FOOT: '徒步', VEHICLE: '车辆', BOAT: '船只', DRONE: '无人机' };
export const INCIDENT_TYPES = {
  SNARE: '猎套', TRAP: '猎夹/陷阱', POACHING: '盗猎', ILLEGAL_LOGGING: '盗伐', ILLEGAL_GRAZING: '违规放牧', FIRE: '火情',
  MINING: '非法采矿', ILLEGAL_TRADE: '非法交易', CARCASS: '动物尸体', DISTURBANCE: '人为干扰', OTHER: '其他',
};
export const ACTIONS = { NONE: '未处置', REMOVED: '已清除', CONFISCATED: '已收缴', REPORTED_TO_POLICE: '已报警' };

/** <option>s of a code → label map. */
export function options(map) {
  return Object.entries(map).map(([code, label]) => `<option value="${code}">${label} ${code}</option>`).join('');
}

/** Great-circle distance in km (haversine; for the ranger's display only, patrol-service measures the track). */
export function km(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
