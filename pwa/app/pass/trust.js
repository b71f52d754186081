// A guard's phone keeps the issuer keys (JWKS) and the revocation list in IndexedDB, refreshed
// whenever it is online, so passes verify at a door with no network.

import { get } from "../api.js";
import * as db from "./db.js";
import { trustFrom } from "./verify.js";

const TRUST = "trust";
let current = null; // the saved copy with its keys imported, ready to verify with

/** The last saved keys and revocations, ready to verify with; null if never fetched. */
export async function loadTrust() {
  const saved = await db.get(TRUST); // read each time: sign-out, or another tab, may change it
  if (!saved) return null;
  if (current?.savedAt !== saved.savedAt) current = await prepare(saved);
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
