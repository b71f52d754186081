// Tips opened once stay on the phone: the service worker keeps each tip's answer and its file
// (poster or PDF) in TIPS_CACHE, within a budget the person sees under Tips and can clear.
// Shared by sw.js (keep, serve) and the page (how much, clear): nothing here needs a window.

import { SAVED_HEADER, TIPS_CACHE } from "./caches.js";

export const BUDGET_BYTES = 30 * 1024 * 1024;
const SIZE = "X-Together-Size"; // bytes the entry holds (the Cache API does not say)
const KEPT = "X-Together-Kept"; // when it was kept: the oldest tips go first when over budget
const TIP = "X-Together-Tip"; // the tip an entry belongs to: a tip and its file go together

/** GET /api/tips/<id> (not the list, not today's, not files): a tip worth keeping. */
export function isTipAnswer(url) {
  return /^\/api\/tips\/(?!today$|files$)[^/]+$/.test(url.pathname);
}

/** The network's answer to a tip, kept with its file; offline (or failing), the kept copy. */
export async function tipAnswer(event, request) {
  try {
    const response = await fetch(request);
    if (response.status === 200) event.waitUntil(keep(response.clone()));
    if (response.status < 500) return response;
  } catch (error) {
    const saved = await savedTip(request);
    if (saved) return saved;
    throw error;
  }
  return (await savedTip(request)) || fetch(request);
}

/** A kept file (a tip's poster or PDF), or null. */
export async function savedTipFile(request) {
  return (await (await caches.open(TIPS_CACHE)).match(request.url)) ?? null;
}

async function savedTip(request) {
  const saved = await (await caches.open(TIPS_CACHE)).match(request.url);
  if (!saved) return null;
  const headers = new Headers(saved.headers);
  headers.set(SAVED_HEADER, "1");
  return new Response(saved.body, { status: 200, headers });
}

async function keep(response) {
  const cache = await caches.open(TIPS_CACHE);
  const text = await response.text();
  const tip = JSON.parse(text);
  await put(cache, response.url, new Blob([text], { type: "application/json" }), tip.id);
  const fileUrl = tip.file?.url;
  if (fileUrl) {
    const url = new URL(fileUrl, self.location.origin);
    const file = await fetch(url.href, { credentials: url.origin === self.location.origin
      ? "same-origin" : "omit" }).catch(() => null);
    if (file?.status === 200) await put(cache, url.href, await file.blob(), tip.id); // only 200s
  }
  await trim(cache);
}

function put(cache, url, blob, tipId) {
  return cache.put(url, new Response(blob, { status: 200, headers: {
    "Content-Type": blob.type || "application/octet-stream", [SIZE]: String(blob.size),
    [KEPT]: String(Date.now()), [TIP]: tipId } }));
}

async function entries(cache) {
  const requests = await cache.keys();
  const answers = await Promise.all(requests.map((request) => cache.match(request)));
  return requests.map((request, i) => ({ request, tip: answers[i].headers.get(TIP),
    size: Number(answers[i].headers.get(SIZE)) || 0, kept: Number(answers[i].headers.get(KEPT)) || 0 }));
}

/** Over budget: whole tips go, the longest kept first. */
async function trim(cache) {
  const all = await entries(cache);
  let used = all.reduce((sum, entry) => sum + entry.size, 0);
  const tips = new Map();
  for (const entry of all) {
    const tip = tips.get(entry.tip) ?? { kept: Infinity, entries: [] };
    tip.kept = Math.min(tip.kept, entry.kept);
    tip.entries.push(entry);
    tips.set(entry.tip, tip);
  }
  for (const tip of [...tips.values()].sort((a, b) => a.kept - b.kept)) {
    if (used <= BUDGET_BYTES) break;
    for (const entry of tip.entries) {
      await cache.delete(entry.request);
      used -= entry.size;
    }
  }
}

/** {used, budget, tips}: what the kept tips take on this phone. */
export async function usage() {
  const all = await entries(await caches.open(TIPS_CACHE));
  return { used: all.reduce((sum, entry) => sum + entry.size, 0), budget: BUDGET_BYTES,
    tips: new Set(all.map((entry) => entry.tip)).size };
}

/** Whether the tip is kept for offline. */
export async function isKept(id) {
  return (await entries(await caches.open(TIPS_CACHE))).some((entry) => entry.tip === id);
}

export const clearTips = () => caches.delete(TIPS_CACHE);
