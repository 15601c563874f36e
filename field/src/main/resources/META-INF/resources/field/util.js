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
