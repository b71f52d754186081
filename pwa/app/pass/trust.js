// A guard's phone keeps the issuer keys (JWKS) and the revocation list in IndexedDB, refreshed
// whenever it is online, so passes verify at a door with no network.

import { get } from "../api.js";
import * as db from "./db.js";
import { trustFrom } from "./verify.js";

const TRUST = "trust";
let current = null; // {trust, savedAt, generatedAt}: imported keys, ready to verify

/** The last saved keys and revocations, ready to verify with; null if never fetched. */
export async function loadTrust() {
  if (current) return current;
  const saved = await db.get(TRUST);
  if (!saved) return null;
  current = await prepare(saved);
  return current;
}

/** Fetches fresh keys and revocations, saves them and answers them; rejects when offline. */
export async function refreshTrust() {
  const [jwks, revocations] = await Promise.all([get("/api/health/keys"),
    get("/api/health/revocations")]);
  const saved = { id: TRUST, jwks, revocations, savedAt: Date.now() };
  current = await prepare(saved);
  await db.put(saved);
  return current;
}

async function prepare(saved) {
  return { trust: await trustFrom(saved.jwks, saved.revocations), savedAt: saved.savedAt,
    generatedAt: saved.revocations.generated_at };
}

/** Forgets the in-memory copy too (sign-out clears the database itself). */
export const forgetTrust = () => {
  current = null;
};
