// Sign-in: a pasted token (local stack: deploy/local/stack token bureau) or OIDC authorization code + PKCE.
// The token stays in sessionStorage, so it is gone when the tab closes. Its claims are only read to
// show what the role may do; the services verify it.

import { completeOidc as finishOidc, startOidc } from './oidc.js';

const KEY = 'console.token';
const listeners = new Set();

export const ROLE_NAMES = {
  ranger: ['护林员', 'ranger', '记录观测、样地巡查 / records sightings and surveys'],
  station: ['监测站', 'station', '上传自动监测数据 / uploads station data'],
  reviewer: ['审核员', 'reviewer', '审核观测、查看预警 / reviews records, reads alerts'],
  bureau: ['主管部门', 'bureau', '查看、确认、办结预警 / reads, acknowledges and resolves alerts'],
  admin: ['管理员', 'admin', '管理样地、物种、规则 / manages plots, species, rules'],
};

function decode(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export const auth = {
  token() {
    const token = sessionStorage.getItem(KEY);
    if (!token) return null;
    const claims = decode(token);
    if (claims && claims.exp && claims.exp * 1000 < Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return token;
  },
  claims() {
    const token = this.token();
    return token ? decode(token) : null;
  },
  role() {
    const claims = this.claims();
    const groups = (claims && claims.groups) || [];
    return groups.find((g) => g in ROLE_NAMES) || null;
  },
  subject() {
    const claims = this.claims();
    return claims ? claims.upn || claims.preferred_username || claims.sub : null;
  },
  /** Staff roles may read alerts; only the bureau acts on them (docs/alert-service.md). */
  mayReadAlerts() {
    return ['reviewer', 'bureau', 'admin'].includes(this.role());
  },
  mayActOnAlerts() {
    return this.role() === 'bureau';
  },
  /** A station's point and last upload locate its records: reviewers, admins and the station itself (docs/sampling-plots.md). */
  mayReadStations() {
    return ['reviewer', 'admin', 'station'].includes(this.role());
  },
  /** Patrol summaries and effort: every staff role but stations (docs/patrols.md). */
  mayReadPatrols() {
    return ['ranger', 'reviewer', 'bureau', 'admin'].includes(this.role());
  },
  /** Tracks and incident points of every patrol: reviewers, the bureau and admins (a ranger only their own team's). */
  mayReadTracks() {
    return ['reviewer', 'bureau', 'admin'].includes(this.role());
  },
  signIn(token) {
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    if (!decode(trimmed)) throw new Error('这不是有效的令牌 / Not a JWT');
    sessionStorage.setItem(KEY, trimmed);
    listeners.forEach((l) => l());
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  /** A service answered 401: the token is no longer accepted. */
  expired() {
    if (sessionStorage.getItem(KEY)) {
      sessionStorage.removeItem(KEY);
      listeners.forEach((l) => l());
    }
  },
  onChange(listener) {
    listeners.add(listener);
  },
};

// ---- OIDC authorization code flow with PKCE: oidc.js (shared with the field app); the token is kept here.

export { startOidc };

/** Back from the identity provider with ?code=&state=: exchange the code for a token and sign in with it. */
export async function completeOidc(oidc) {
  const token = await finishOidc(oidc);
  if (!token) return false;
  auth.signIn(token);
  return true;
}
