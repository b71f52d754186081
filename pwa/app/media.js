// Media saved on the phone for offline viewing: the service worker serves it from MEDIA_CACHE,
// whole or by byte range (sw.js). Later features call saveMedia for today's news and stories.

import { MEDIA_CACHE } from "./caches.js";

/** Downloads the whole file once and keeps it (under `key`, else its URL); resolves to its size. */
export async function saveMedia(url, { key = url } = {}) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (response.status !== 200) throw new Error(`could not save ${url}: HTTP ${response.status}`);
  const size = Number(response.headers.get("Content-Length")) || 0;
  await (await caches.open(MEDIA_CACHE)).put(key, response);
  return size;
}

export async function isSaved(url) {
  return Boolean(await (await caches.open(MEDIA_CACHE)).match(url));
}

export async function forgetMedia(url) {
  return (await caches.open(MEDIA_CACHE)).delete(url);
}
