// The device's storage: the offline queue (one row per record, keyed by its client uuid) and the species
// catalog, in IndexedDB so that both survive reloads, closing the browser and days without signal.

const DB = 'field';
const VERSION = 1;
let opening;

function db() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, VERSION);
    request.onupgradeneeded = () => {
      const d = request.result;
      if (!d.objectStoreNames.contains('queue')) d.createObjectStore('queue', { keyPath: 'uuid' });
      if (!d.objectStoreNames.contains('kv')) d.createObjectStore('kv');
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
