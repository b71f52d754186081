// The pass's records, in the app's IndexedDB database (store "pass"): the device key pair,
// today's credential, and a guard's issuer keys and revocation list. CryptoKeys are stored as
// they are (structured clone keeps a private key non-extractable).

import * as storage from "../storage.js";

const STORE = "pass";

export const get = (id) => storage.get(STORE, id);
export const put = (record) => storage.put(STORE, record);
export const remove = (id) => storage.remove(STORE, id);
export const clear = () => storage.clear(STORE);
