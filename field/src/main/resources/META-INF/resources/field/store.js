// The device's storage: the offline queue (one row per record, keyed by its client uuid), patrols (one row each,
// keyed by their uuid) with their track points (one row per fix, written as it comes), and the species catalog,
// in IndexedDB so that all of it survives reloads, closing the browser and days without signal.

const DB = 'field';
const VERSION = 2; // 2: patrols and points
let opening;

function db() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, VERSION);
    request.onupgradeneeded = () => {
      const d = request.result;
      if (!d.objectStoreNames.contains('queue')) d.createObjectStore('queue', { keyPath: 'uuid' });
      if (!d.objectStoreNames.contains('kv')) d.createObjectStore('kv');
      if (!d.objectStoreNames.contains('patrols')) d.createObjectStore('patrols', { keyPath: 'uuid' });
      if (!d.objectStoreNames.contains('points')) {
        d.createObjectStore('points', { autoIncrement: true }).createIndex('patrol', 'patrol');
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opening;
}

async function run(storeName, mode, action) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(storeName, mode);
    const result = action(tx.objectStore(storeName));
    tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const queue = {
  /** Every queued record, oldest first. */
  async all() {
    const rows = await run('queue', 'readonly', (s) => s.getAll());
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },
  get: (uuid) => run('queue', 'readonly', (s) => s.get(uuid)),
  put: (record) => run('queue', 'readwrite', (s) => s.put(record)),
  remove: (uuid) => run('queue', 'readwrite', (s) => s.delete(uuid)),
};

export const kv = {
  get: (key) => run('kv', 'readonly', (s) => s.get(key)),
  put: (key, value) => run('kv', 'readwrite', (s) => s.put(value, key)),
};

export const patrols = {
  /** Every patrol on this phone (recording, waiting or refused), oldest first. */
  async all() {
    const rows = await run('patrols', 'readonly', (s) => s.getAll());
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },
  get: (uuid) => run('patrols', 'readonly', (s) => s.get(uuid)),
  put: (patrol) => run('patrols', 'readwrite', (s) => s.put(patrol)),
  remove: (uuid) => run('patrols', 'readwrite', (s) => s.delete(uuid)),
};

export const points = {
  /** One GPS fix of a patrol, stored the moment it comes: a reload or a crash loses none. */
  add: (point) => run('points', 'readwrite', (s) => s.add(point)),
  /** A patrol's fixes in the order they came (time). */
  async of(patrol) {
    const rows = await run('points', 'readonly', (s) => s.index('patrol').getAll(patrol));
    return rows.sort((a, b) => a.t - b.t);
  },
  removeOf: (patrol) => run('points', 'readwrite', (s) => {
    const cursor = s.index('patrol').openKeyCursor(IDBKeyRange.only(patrol));
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (c) {
        s.delete(c.primaryKey);
        c.continue();
      }
    };
  }),
};
