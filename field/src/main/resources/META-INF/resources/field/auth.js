// Sign-in by a pasted token (local stack: deploy/local/stack token ranger). Unlike the console, the token is kept
// in localStorage: a ranger opens the app offline, days after signing in, and records still go into the queue.
// An expired token is kept too (it names whose queue it is) but nothing is sent with it until a new one is pasted.

const KEY = 'field.token';
const listeners = new Set();

function decode(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    const claims = JSON.parse(json);
    return claims && typeof claims === 'object' ? claims : null;
  } catch {
    return null;
  }
}

function notify() {
  listeners.forEach((l) => l());
}

export const auth = {
  /** The stored token, expired or not. */
  raw() {
    return localStorage.getItem(KEY);
  },
  claims() {
    const token = this.raw();
    return token ? decode(token) : null;
  },
  /** Expiry in milliseconds since the epoch, or null when the token has none. */
  expiresAt() {
    const c = this.claims();
    return c && c.exp ? c.exp * 1000 : null;
  },
  /** Expired by its exp claim, or refused by the service (401) since it was pasted. */
  expired() {
    if (!this.raw()) return false;
    if (localStorage.getItem(`${KEY}.refused`) === this.raw()) return true;
    const exp = this.expiresAt();
    return exp !== null && exp <= Date.now();
  },
  /** A token to send, or null (none, or expired). */
  token() {
    return this.raw() && !this.expired() ? this.raw() : null;
  },
  /** The record's observer as the service names it (smallrye-jwt's principal: upn, preferred_username, sub). */
  subject() {
    const c = this.claims();
    return c ? c.upn || c.preferred_username || c.sub || null : null;
  },
  mayRecord() {
    const groups = (this.claims() || {}).groups || [];
    return groups.includes('ranger') || groups.includes('station');
  },
  signIn(token) {
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    const claims = decode(trimmed);
    if (!claims) throw new Error('这不是有效的令牌 / Not a JWT');
    if (claims.exp && claims.exp * 1000 <= Date.now()) throw new Error('令牌已过期 / This token has expired');
    localStorage.setItem(KEY, trimmed);
    localStorage.removeItem(`${KEY}.refused`);
    notify();
  },
  signOut() {
    localStorage.removeItem(KEY);
    localStorage.removeItem(`${KEY}.refused`);
    notify();
  },
  /** The service answered 401: keep the token (it names the queue's owner) but send nothing with it. */
  refused() {
    if (this.raw()) {
      localStorage.setItem(`${KEY}.refused`, this.raw());
      notify();
    }
  },
  onChange(listener) {
    listeners.add(listener);
  },
};
