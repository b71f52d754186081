// "Save for offline": a news video kept whole in the media cache under a stable key (video id +
// rendition, never the signed URL, which changes on every answer). The service worker serves
// those keys by byte range (sw.js), so a <video> seeks in a saved file with no network at all.
// Next to it: the poster, and the item itself, so the watch screen opens offline too.

import { MEDIA_CACHE } from "../caches.js";
import { forgetMedia, saveMedia } from "../media.js";

const PREFIX = "/api/media/saved/";

/** The stable address of something saved for a video: its rendition, "poster" or "about". */
export const savedKey = (videoId, part) =>
  new URL(`${PREFIX}${encodeURIComponent(videoId)}/${part}`, location.origin).href;

/** Downloads the rendition (and poster) and keeps them; resolves to the bytes saved. */
export async function saveForOffline(item, rendition) {
  const { video } = item;
  navigator.storage?.persist?.(); // ask the browser not to evict it when space runs low
  const size = await saveMedia(rendition.url, { key: savedKey(video.video_id, rendition.name) });
  if (video.poster) await saveMedia(video.poster.url, { key: savedKey(video.video_id, "poster") });
  const about = { item: portable(item), rendition: rendition.name, size, savedAt: Date.now() };
  const cache = await caches.open(MEDIA_CACHE);
  await cache.put(savedKey(video.video_id, "about"), new Response(JSON.stringify(about), {
    headers: { "Content-Type": "application/json" } }));
  return size;
}

/** What was saved for a video ({item, rendition, size, savedAt}), or null. */
export async function savedVideo(videoId) {
  const response = await (await caches.open(MEDIA_CACHE)).match(savedKey(videoId, "about"));
  return response ? response.json() : null;
}

/** Every saved video, the most recently saved first. */
export async function listSaved() {
  const cache = await caches.open(MEDIA_CACHE);
  const keys = (await cache.keys()).filter((request) => {
    const path = new URL(request.url).pathname;
    return path.startsWith(PREFIX) && path.endsWith("/about");
  });
  const saved = await Promise.all(keys.map((key) => cache.match(key).then((r) => r.json())));
  return saved.sort((a, b) => b.savedAt - a.savedAt);
}

export async function removeSaved(videoId) {
  const about = await savedVideo(videoId);
  await Promise.all([about?.rendition, "poster", "about"].filter(Boolean)
    .map((part) => forgetMedia(savedKey(videoId, part))));
}

/**
 * A URL that plays the saved file: its stable key when the service worker is there to serve
 * it by range, else a blob: URL of the whole file (the caller revokes it). Null if not saved.
 */
export async function savedSource(videoId) {
  const about = await savedVideo(videoId);
  if (!about) return null;
  const key = savedKey(videoId, about.rendition);
  if (navigator.serviceWorker?.controller) return { url: key, rendition: about.rendition };
  const response = await (await caches.open(MEDIA_CACHE)).match(key);
  return response && { url: URL.createObjectURL(await response.blob()), rendition: about.rendition };
}

/** The saved poster's address, if there is one (served by the service worker). */
export async function savedPoster(videoId) {
  if (!navigator.serviceWorker?.controller) return null;
  const found = await (await caches.open(MEDIA_CACHE)).match(savedKey(videoId, "poster"));
  return found ? savedKey(videoId, "poster") : null;
}

/** The item without its signed URLs (they expire): what the watch screen needs offline. */
function portable(item) {
  return { ...item, video: { ...item.video, poster: null, renditions: [] } };
}
