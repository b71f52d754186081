// Together's service worker (an ES module). One strategy per kind of request:
//   the shell (HTML, CSS, JS, icons)   cache-first, precached per version
//   API reads (GET /api/...)           network-first; offline, the last good answer
//   saved media (/api/media/...)       cache-first, byte ranges cut from the saved file
//   sign-in, dev routes, every write   straight to the network, never cached
// Writes made offline wait in the outbox (app/outbox.js); Background Sync sends them from here.

import { API_CACHE, MEDIA_CACHE, PREFIX, SAVED_HEADER } from "./app/caches.js";
import { flush, SYNC_TAG } from "./app/outbox.js";

// Bump on every release that changes a file below: a changed sw.js is what makes phones update.
const VERSION = "2026-12-02.1";
const SHELL_CACHE = `${PREFIX}shell-${VERSION}`;
const SHELL = [
  "/",
  "/manifest.webmanifest",
  "/icons/icon.svg",
  "/styles/base.css",
  "/styles/pages.css",
  "/styles/forms.css",
  "/styles/buttons.css",
  "/styles/shell.css",
  "/styles/toasts.css",
  "/styles/avatar.css",
  "/styles/signin.css",
  "/styles/home.css",
  "/styles/empty.css",
  "/styles/lists.css",
  "/styles/more.css",
  "/styles/pass.css",
  "/styles/video.css",
  "/styles/console.css",
  "/locales/en.js",
  "/locales/zh-CN.js",
  "/app/api.js",
  "/app/caches.js",
  "/app/delivery.js",
  "/app/dom.js",
  "/app/i18n.js",
  "/app/icons.js",
  "/app/install.js",
  "/app/main.js",
  "/app/media.js",
  "/app/network.js",
  "/app/news-items.js",
  "/app/outbox.js",
  "/app/pass/b64url.js",
  "/app/pass/base45.js",
  "/app/pass/camera.js",
  "/app/pass/cbor.js",
  "/app/pass/cose.js",
  "/app/pass/db.js",
  "/app/pass/decoder-worker.js",
  "/app/pass/device.js",
  "/app/pass/live.js",
  "/app/pass/proof.js",
  "/app/pass/qr.js",
  "/app/pass/status.js",
  "/app/pass/trust.js",
  "/app/pass/ulid.js",
  "/app/pass/verify.js",
  "/app/pass/wake.js",
  "/app/permissions.js",
  "/app/preferences.js",
  "/app/routes.js",
  "/app/sending.js",
  "/app/shell.js",
  "/app/storage.js",
  "/app/sw-client.js",
  "/app/toast.js",
  "/app/tools.js",
  "/app/ui/avatar.js",
  "/app/ui/bars.js",
  "/app/ui/console-nav.js",
  "/app/ui/counts.js",
  "/app/ui/empty.js",
  "/app/ui/form-errors.js",
  "/app/ui/news.js",
  "/app/ui/outbox-list.js",
  "/app/ui/reasons.js",
  "/app/video/offline.js",
  "/app/video/player.js",
  "/app/video/upload-card.js",
  "/app/video/uploader.js",
  "/app/views/declare.js",
  "/app/views/directory.js",
  "/app/views/feed.js",
  "/app/views/health-audit.js",
  "/app/views/health-holds.js",
  "/app/views/health-person.js",
  "/app/views/health-rules.js",
  "/app/views/health-scans.js",
  "/app/views/health-today.js",
  "/app/views/healthpass.js",
  "/app/views/home.js",
  "/app/views/more.js",
  "/app/views/notes.js",
  "/app/views/pass-print.js",
  "/app/views/publish.js",
  "/app/views/reach.js",
  "/app/views/scanner.js",
  "/app/views/signin.js",
  "/app/views/stories.js",
  "/app/views/tool.js",
  "/app/views/watch.js",
  // Third-party code (pwa/vendor/): the pass and the guard's scanner work offline too.
  "/vendor/jsqr/jsQR.js",
  "/vendor/qrcode-generator/qrcode.mjs",
];
const NEVER_CACHED = ["/api/auth/", "/api/dev/"];
const NETWORK_GRACE_MS = 6000; // then a saved answer beats a network that is barely there

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(SHELL_CACHE);
  // no-cache: revalidate with the server, so a new version never precaches an old file.
  await cache.addAll(SHELL.map((url) => new Request(url, { cache: "no-cache" })));
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // Only older versions of the caches this worker manages; any other cache is left alone.
    const current = [SHELL_CACHE, API_CACHE, MEDIA_CACHE];
    const families = current.map((name) => name.slice(0, name.indexOf("-", PREFIX.length) + 1));
    const stale = (await caches.keys()).filter((name) => !current.includes(name)
      && families.some((family) => name.startsWith(family)));
    await Promise.all(stale.map((name) => caches.delete(name)));
    await self.clients.claim(); // the first visit works offline without a reload
  })());
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") self.skipWaiting(); // the person chose "Reload"
  // A page that opened while this worker activated, after its claim (see sw-client.js).
  if (event.data?.type === "CLAIM") event.waitUntil(self.clients.claim());
});

self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(flush({ force: true }).then((report) => {
    // Rejecting asks the browser to fire the sync again later, with its own backoff.
    if (report.waiting && !report.signedOut) throw new Error("outbox: still waiting for the network");
  }));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (NEVER_CACHED.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (url.pathname.startsWith("/api/media/")) {
    event.respondWith(savedMedia(request));
  } else if (url.pathname.startsWith("/api/")) {
    event.respondWith(networkFirst(event, request));
  } else if (request.mode === "navigate" && !/\.\w+$/.test(url.pathname)) {
    event.respondWith(fromShell(event, "/")); // every route is the same app shell
  } else {
    event.respondWith(fromShell(event, request));
  }
});

async function fromShell(event, key) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(event.request);
  // Not precached (an icon, a file missing from SHELL): kept after its first use, until the
  // next version, so it works offline from then on.
  if (response.status === 200 && response.type === "basic" && event.request.mode !== "navigate") {
    event.waitUntil(cache.put(event.request, response.clone()));
  }
  return response;
}

/** The network's answer, and a copy kept if it is a good one; offline, the copy. */
async function networkFirst(event, request) {
  const cache = await caches.open(API_CACHE);
  const network = fetch(request).then((response) => {
    if (response.status === 401) {
      event.waitUntil(caches.delete(API_CACHE)); // signed out: forget what they saw
    } else if (response.status === 200) {
      event.waitUntil(cache.put(request, response.clone())); // never errors, never partials
    }
    return response;
  });
  event.waitUntil(network.catch(() => {})); // it may finish after a saved answer was served
  const saved = () => cache.match(request).then((response) => response && marked(response));
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(() => resolve(saved()), NETWORK_GRACE_MS);
  });
  try {
    return (await Promise.race([network, slow])) || (await network);
  } catch (error) {
    const response = await saved();
    if (response) return response;
    throw error; // nothing saved: the page sees it is offline
  } finally {
    clearTimeout(timer);
  }
}

function marked(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_HEADER, "1");
  return new Response(response.body, { status: response.status, headers });
}

/** Media saved for offline (app/media.js), whole or as the byte range a <video> asks for. */
async function savedMedia(request) {
  const saved = await (await caches.open(MEDIA_CACHE)).match(request);
  if (!saved) return fetch(request);
  const range = request.headers.get("Range");
  return range ? slice(saved, range) : saved;
}

async function slice(response, header) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return response; // several ranges: all of it
  const blob = await response.blob();
  const size = blob.size;
  const start = match[1] === "" ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === "" || match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
  }
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    statusText: "Partial Content",
    headers: {
      "Content-Type": response.headers.get("Content-Type") || blob.type,
      "Content-Range": `bytes ${start}-${end}/${size}`,
      "Content-Length": String(end - start + 1),
      "Accept-Ranges": "bytes",
    },
  });
}
