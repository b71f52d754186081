// Cache names shared by the service worker and the page. The shell's cache is versioned in
// sw.js; these hold data and outlive app updates, so they change only when their format does.

import { clear as forgetPass } from "./pass/db.js";

export const PREFIX = "together-";
export const API_CACHE = `${PREFIX}api-v1`; // last good answer of each API GET
export const MEDIA_CACHE = `${PREFIX}media-v1`; // media saved for offline, whole files
export const TIPS_CACHE = `${PREFIX}tips-v1`; // tips opened once, and their files (tips-cache.js)
export { SAVED_HEADER } from "./network.js"; // the worker marks answers it served from here

/** Keeps `data` as the last good answer to GET url, as if the service worker had fetched it. */
export async function rememberAnswer(url, data) {
  if (!("caches" in self)) return;
  const cache = await caches.open(API_CACHE);
  await cache.put(new URL(url, self.location.origin).href, new Response(JSON.stringify(data), {
    headers: { "Content-Type": "application/json" },
  }));
}

/** Forgets everything the signed-in person saw: on sign-out, or when the session ended. */
export async function forgetPersonalData() {
  // The pass's device key and credential (and a guard's keys) go too: passes are personal.
  const pass = forgetPass();
  if ("caches" in self) await Promise.all([caches.delete(API_CACHE), caches.delete(MEDIA_CACHE),
    caches.delete(TIPS_CACHE)]);
  await pass;
}
