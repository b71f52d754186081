// The pass's own IndexedDB database: the device key pair, today's credential, and a guard's
// issuer keys and revocation list. Records are whole objects keyed by `id`; CryptoKeys are
// stored as they are (structured clone keeps a private key non-extractable).

const NAME = "together-pass";
const VERSION = 1;
const STORE = "items";

let opening = null;

function open() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" });
    request.onsuccess = () => {
      const db = request.result;
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

async function run(mode, makeRequest) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = makeRequest(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const get = (id) => run("readonly", (store) => store.get(id));
export const put = (record) => run("readwrite", (store) => store.put(record));
export const remove = (id) => run("readwrite", (store) => store.delete(id));

/** Forgets everything: on sign-out, so the next person on this phone starts clean. */
export const clear = () => run("readwrite", (store) => store.clear());
