// OIDC authorization code flow with PKCE (S256) for a public client (no secret in the page). Shared by the console
// and the rangers' field app: module field's build copies this file into the app (field/pom.xml), so both pages run
// the same code. The caller stores the token it gets back (sessionStorage in the console, localStorage in the app).

const PKCE_KEY = 'oidc.pkce';

function randomString(bytes = 32) {
  const a = new Uint8Array(bytes);
  crypto.getRandomValues(a);
  return base64url(a);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discovery(issuer) {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery: HTTP ${response.status}`);
  return response.json();
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

/** Off to the identity provider: the verifier and state wait in sessionStorage for the way back. */
export async function startOidc(oidc) {
  const meta = await discovery(oidc.issuer);
  const verifier = randomString(48);
  const state = randomString(16);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope || 'openid',
    state,
    code_challenge: base64url(digest),
    code_challenge_method: 'S256',
  });
  location.assign(`${meta.authorization_endpoint}?${params}`);
}

/** Back from the identity provider with ?code=&state=: the access token for the code, or null when not coming back. */
export async function completeOidc(oidc) {
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  if (!oidc || !params.has('code') || !pending) return null;
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', redirectUri());
  if (params.get('state') !== pending.state) throw new Error('OIDC: state mismatch');
  const meta = await discovery(oidc.issuer);
  const response = await fetch(meta.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`OIDC token: HTTP ${response.status}`);
  const tokens = await response.json();
  return tokens.access_token;
}
