// The field app's service worker: the app opens without signal. The app's own files are served from the cache
// and refreshed in the background (stale-while-revalidate: a new release shows on the next start); the species
// catalog comes from the network when there is one, else from the cache. Nothing else is touched: uploads and
// "my records" go to the network as the page sends them (the queue itself lives in IndexedDB, see store.js).
const CACHE = 'field-v2';
const SHELL = ['./', 'index.html', 'field.css', 'app.js', 'auth.js', 'catalog.js', 'config.js', 'config.json', 'map.js',
  'oidc.js', 'patrol.js', 'store.js', 'sync.js', 'util.js',
  'manifest.webmanifest', 'icon.svg', 'icon-maskable.svg'];
const CATALOG = '/species';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    try {
      await cache.add(CATALOG);
    } catch {
      // No catalog yet: the page stores it too once it is online.
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

async function shell(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  const refresh = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    refresh.catch(() => {}); // offline: the cached copy stays
    return cached;
  }
  return refresh;
}

async function catalog(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(CATALOG, response.clone());
    return response;
  } catch (e) {
    const cached = await cache.match(CATALOG);
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/field/') && url.pathname !== '/field/sw.js') event.respondWith(shell(request));
  else if (url.pathname === CATALOG && !url.search) event.respondWith(catalog(request));
});
