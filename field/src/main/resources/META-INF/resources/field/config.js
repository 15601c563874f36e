// Where the other services are (GET /field/config.json: patrol-service, sampling-plot-service, single sign-on).
// The answer is kept in localStorage so that an offline start still knows where to upload patrols later.
const KEY = 'field.config';
let current = null;
try {
  current = JSON.parse(localStorage.getItem(KEY) || 'null');
} catch {
  current = null;
}

export async function loadConfig() {
  try {
    const response = await fetch('config.json', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      current = await response.json();
      localStorage.setItem(KEY, JSON.stringify(current));
    }
  } catch {
    // Offline: the last answer stays.
  }
  return current;
}

/** The settings, or null before the first online start. */
export function config() {
  return current;
}
