// Calls to the five services: bearer token, problem+json errors turned into readable messages.
import { auth } from './auth.js';

export const settings = {
  observationUrl: 'http://localhost:8081',
  plotUrl: 'http://localhost:8082',
  patrolUrl: 'http://localhost:8084',
  alertUrl: '',
  bulletinUrl: 'http://localhost:8085',
  silentAfter: 'PT48H',
  notRecordedYears: 3,
  oidc: null,
};

export async function loadSettings() {
  const response = await fetch('config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status, '无法读取控制台配置 / Cannot read the console settings');
  Object.assign(settings, await response.json());
}

export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

export function base(service) {
  return { observation: settings.observationUrl, plot: settings.plotUrl, patrol: settings.patrolUrl, alert: settings.alertUrl,
    bulletin: settings.bulletinUrl }[service];
}

/** fetch() against a service; JSON in and out; throws ApiError with the problem's title and detail. */
export async function call(service, path, { method = 'GET', body, signal, anonymous = false, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const token = auth.token();
  if (token && !anonymous) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(base(service) + path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, `${serviceName(service)}无法连接 / ${service} service unreachable`);
  }
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (response.status === 401) auth.expired();
    const detail = payload && (payload.detail || payload.title);
    throw new ApiError(response.status, `${statusText(response.status)}${detail ? `：${detail}` : ''}`, payload);
  }
  return payload;
}

function serviceName(service) {
  return { observation: '观测服务', plot: '样地服务', patrol: '巡护服务', alert: '预警服务', bulletin: '简报服务' }[service] || service;
}

function statusText(status) {
  return {
    400: '请求有误 / Bad request',
    401: '未登录或登录已过期 / Not signed in',
    403: '当前角色无权访问 / Not allowed for this role',
    404: '未找到 / Not found',
    409: '状态冲突 / Conflict',
    503: '服务暂不可用 / Service unavailable',
  }[status] || `HTTP ${status}`;
}

const capabilities = {};

/**
 * Whether a service documents a path in its OpenAPI. Endpoints that are still being added are asked for only
 * once they exist: a 404 would be logged in the browser console as an error.
 */
export async function offers(service, path) {
  if (!capabilities[service]) {
    capabilities[service] = call(service, '/q/openapi?format=json', { anonymous: true })
      .then((doc) => new Set(Object.keys((doc && doc.paths) || {})))
      .catch(() => new Set());
  }
  return (await capabilities[service]).has(path);
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
