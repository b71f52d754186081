// A small promise wrapper around IndexedDB: one database, object stores of whole records
// keyed by their `id`. Works in pages and in the service worker.

const NAME = "together";
const VERSION = 4;
const STORES = ["outbox", "uploads", "pass", "recordings"]; // a new store: add it here and bump VERSION

let opening = null;

function open() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of STORES) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: "id" });
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab (or a newer service worker) wants to upgrade: step aside, reopen later.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

/** Runs one request in its own transaction; resolves once the transaction has committed. */
async function run(store, mode, makeRequest) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = makeRequest(tx.objectStore(store));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const get = (store, id) => run(store, "readonly", (s) => s.get(id));
export const all = (store) => run(store, "readonly", (s) => s.getAll());
export const put = (store, record) => run(store, "readwrite", (s) => s.put(record));
export const remove = (store, id) => run(store, "readwrite", (s) => s.delete(id));
export const clear = (store) => run(store, "readwrite", (s) => s.clear());
