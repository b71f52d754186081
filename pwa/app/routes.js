// Where each screen lives: path -> its view module, its tab, and the permission it needs.
// Every tool listed under More (app/tools.js) has its screen here (tests/node/routes.test.mjs).
// Views are fetched when their route first opens (the sign-in screen downloads only its own);
// the service worker precaches them all, so every screen still opens offline.

import { can } from "./permissions.js";

export const ROUTES = {
  "/": { view: "/app/views/home.js", tab: "/" },
  "/news": { view: "/app/views/feed.js", tab: "/news" },
  "/watch": { view: "/app/views/watch.js", tab: "/news" },
  "/stories": { view: "/app/views/stories.js", tab: "/stories" },
  "/stories/record": { view: "/app/views/record.js", tab: "/stories" },
  "/notes": { view: "/app/views/notes.js", tab: "/notes" },
  "/notes/write": { view: "/app/views/note-write.js", tab: "/notes" },
  "/notes/walls/*": { view: "/app/views/wall.js", tab: "/notes" }, // * = a campaign's id
  // A lobby's big screen: no sign-in, and no shell even for someone signed in (* = the token).
  "/wall/*": { view: "/app/views/big-screen.js", public: true, anyone: true },
  "/checkins/*": { view: "/app/views/checkin.js", tab: "/" }, // * = a check-in's id
  // The check-in email's one-time link: answered without signing in (* = the token).
  "/answer/*": { view: "/app/views/answer-link.js", public: true, anyone: true },
  "/pass": { view: "/app/views/healthpass.js", tab: "/pass" },
  "/pass/declare": { view: "/app/views/declare.js", tab: "/pass" },
  "/pass/print": { view: "/app/views/pass-print.js", tab: "/pass" },
  "/more": { view: "/app/views/more.js", tab: "/more" },
  "/more/notifications": { view: "/app/views/notify-settings.js", tab: "/more" },
  "/supplies": { view: "/app/views/supplies.js", tab: "/more" },
  "/supplies/requests": { view: "/app/views/supplies-mine.js", tab: "/more" },
  "/supplies/requests/*": { view: "/app/views/supply-request.js", tab: "/more" }, // * = a request's id
  "/events": { view: "/app/views/events.js", tab: "/more" },
  "/events/*": { view: "/app/views/event.js", tab: "/more" }, // * = the event's id
  "/tips": { view: "/app/views/tips.js", tab: "/more" },
  "/tips/*": { view: "/app/views/tip.js", tab: "/more" }, // * = the tip's id
  "/inbox": { view: "/app/views/inbox.js", tab: null }, // the app bar's bell opens it
  "/signin": { view: "/app/views/signin.js", public: true },
  "/tools/directory": { view: "/app/views/directory.js", tab: "/more",
    permission: "directory.manage" },
  "/tools/scan": { view: "/app/views/scanner.js", tab: "/more", permission: "pass.scan" },
  "/tools/publish": { view: "/app/views/publish.js", tab: "/more",
    permission: "news.publish" },
  "/tools/reach": { view: "/app/views/reach.js", tab: "/more",
    permission: "news.publish" },
  "/tools/notify": { view: "/app/views/notify.js", tab: "/more",
    permission: "notify.send" },
  "/tools/campaigns": { view: "/app/views/campaigns.js", tab: "/more",
    permission: "notes.campaigns" },
  "/tools/moderation": { view: "/app/views/moderation.js", tab: "/more",
    permission: "notes.moderate" },
  "/tools/stories": { view: "/app/views/stories-queue.js", tab: "/more",
    permission: "stories.moderate" },
  "/tools/story-settings": { view: "/app/views/story-settings.js", tab: "/more",
    permission: "stories.settings" },
  "/tools/supplies": { view: "/app/views/supplies-queue.js", tab: "/more",
    permission: "supplies.manage" },
  "/tools/supplies/stock": { view: "/app/views/supplies-stock.js", tab: "/more",
    permission: "supplies.manage" },
  "/tools/supplies/movements": { view: "/app/views/supplies-movements.js", tab: "/more",
    permission: "supplies.manage" },
  "/tools/supplies/picklist": { view: "/app/views/supplies-picklist.js", tab: "/more",
    permission: "supplies.manage" },
  "/tools/checkins": { view: "/app/views/checkins.js", tab: "/more",
    permission: "checkins.run" },
  "/tools/checkins/new": { view: "/app/views/checkin-start.js", tab: "/more",
    permission: "checkins.run" },
  "/tools/checkins/*": { view: "/app/views/checkin-live.js", tab: "/more",
    permission: "checkins.run" }, // * = a check-in's id
  "/tools/events": { view: "/app/views/event-host.js", tab: "/more",
    permission: "events.host" },
  "/tools/tips": { view: "/app/views/tips-publish.js", tab: "/more",
    permission: "tips.publish" },
  "/tools/health": { view: "/app/views/health-today.js", tab: "/more",
    permission: "health.summary" },
  "/tools/health/holds": { view: "/app/views/health-holds.js", tab: "/more",
    permission: "health.oversee" },
  "/tools/health/person": { view: "/app/views/health-person.js", tab: "/more",
    permission: "health.oversee" },
  "/tools/health/rules": { view: "/app/views/health-rules.js", tab: "/more",
    permission: "health.oversee" },
  "/tools/health/audit": { view: "/app/views/health-audit.js", tab: "/more",
    permission: "health.oversee" },
  "/tools/health/scans": { view: "/app/views/health-scans.js", tab: "/more",
    permission: "pass.scan_summary" },
};

// What each module the app imports later needs that the first screen did not load: written by
// infra/pwa_lists.py from the modules' static imports.
// <generated by infra/pwa_lists.py>
const IMPORTS = {
  "/app/caches.js": ["/app/pass/db.js", "/app/storage.js"],
  "/app/delivery.js": ["/app/caches.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js"],
  "/app/outbox.js": ["/app/caches.js", "/app/pass/db.js", "/app/storage.js"],
  "/app/preferences.js": ["/app/caches.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js"],
  "/app/push.js": ["/app/install.js"],
  "/app/shell.js": ["/app/caches.js", "/app/icons.js", "/app/inbox.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js", "/app/ui/avatar.js"],
  "/app/ui/outbox-list.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js"],
  "/app/views/answer-link.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/checkin-card.js", "/app/ui/styles.js"],
  "/app/views/big-screen.js": ["/app/ui/styles.js"],
  "/app/views/campaigns.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/audience-picker.js", "/app/ui/avatar.js", "/app/ui/note-card.js", "/app/ui/paged.js", "/app/ui/people-chooser.js"],
  "/app/views/checkin-live.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/bars.js", "/app/ui/checkin-card.js", "/app/ui/checkin-people.js", "/app/ui/counts.js", "/app/ui/paged.js"],
  "/app/views/checkin-start.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/audience-picker.js", "/app/ui/checkin-card.js", "/app/ui/people-chooser.js"],
  "/app/views/checkin.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/checkin-card.js"],
  "/app/views/checkins.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/checkin-card.js", "/app/ui/paged.js"],
  "/app/views/declare.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/pass/status.js", "/app/storage.js"],
  "/app/views/directory.js": ["/app/icons.js"],
  "/app/views/event-host.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/audience-picker.js", "/app/ui/event-card.js", "/app/ui/fields.js", "/app/ui/paged.js", "/app/ui/people-chooser.js", "/app/video/player.js", "/app/video/upload-card.js", "/app/video/uploader.js"],
  "/app/views/event.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/event-card.js", "/app/ui/paged.js", "/app/ui/running-order.js"],
  "/app/views/events.js": ["/app/icons.js", "/app/ui/event-card.js", "/app/ui/paged.js"],
  "/app/views/feed.js": ["/app/caches.js", "/app/icons.js", "/app/media.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js", "/app/ui/empty.js", "/app/ui/news.js", "/app/video/offline.js", "/app/video/player.js"],
  "/app/views/health-audit.js": ["/app/icons.js", "/app/tools.js", "/app/ui/console-nav.js", "/app/ui/reasons.js"],
  "/app/views/health-holds.js": ["/app/icons.js", "/app/tools.js", "/app/ui/console-nav.js", "/app/ui/reasons.js"],
  "/app/views/health-person.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/tools.js", "/app/ui/console-nav.js", "/app/ui/reasons.js"],
  "/app/views/health-rules.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/tools.js", "/app/ui/console-nav.js", "/app/ui/counts.js", "/app/ui/reasons.js"],
  "/app/views/health-scans.js": ["/app/icons.js", "/app/tools.js", "/app/ui/bars.js", "/app/ui/console-nav.js", "/app/ui/counts.js"],
  "/app/views/health-today.js": ["/app/icons.js", "/app/tools.js", "/app/ui/bars.js", "/app/ui/console-nav.js", "/app/ui/counts.js"],
  "/app/views/healthpass.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/b64url.js", "/app/pass/base45.js", "/app/pass/cbor.js", "/app/pass/cose.js", "/app/pass/db.js", "/app/pass/device.js", "/app/pass/live.js", "/app/pass/proof.js", "/app/pass/qr.js", "/app/pass/status.js", "/app/pass/verify.js", "/app/pass/wake.js", "/app/storage.js", "/app/ui/avatar.js", "/vendor/qrcode-generator/qrcode.mjs"],
  "/app/views/home.js": ["/app/caches.js", "/app/icons.js", "/app/install.js", "/app/media.js", "/app/outbox.js", "/app/pass/db.js", "/app/push.js", "/app/sending.js", "/app/storage.js", "/app/ui/avatar.js", "/app/ui/checkin-card.js", "/app/ui/event-card.js", "/app/ui/news.js", "/app/ui/note-card.js", "/app/ui/push-card.js", "/app/ui/story-featured.js", "/app/ui/tip-card.js", "/app/video/offline.js", "/app/video/player.js"],
  "/app/views/inbox.js": ["/app/caches.js", "/app/icons.js", "/app/inbox.js", "/app/links.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/empty.js"],
  "/app/views/moderation.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/avatar.js", "/app/ui/note-card.js", "/app/ui/paged.js"],
  "/app/views/more.js": ["/app/caches.js", "/app/icons.js", "/app/install.js", "/app/outbox.js", "/app/pass/db.js", "/app/push.js", "/app/storage.js", "/app/sw-client.js", "/app/tools.js", "/app/ui/avatar.js", "/app/ui/outbox-list.js", "/app/video/uploader.js"],
  "/app/views/note-write.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/avatar.js", "/app/ui/note-card.js"],
  "/app/views/notes.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/avatar.js", "/app/ui/note-card.js", "/app/ui/paged.js"],
  "/app/views/notify-settings.js": ["/app/caches.js", "/app/icons.js", "/app/install.js", "/app/outbox.js", "/app/pass/db.js", "/app/push.js", "/app/sending.js", "/app/storage.js", "/app/ui/push-card.js"],
  "/app/views/notify.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/counts.js", "/app/ui/notification-stats.js"],
  "/app/views/pass-print.js": ["/app/icons.js", "/app/pass/qr.js", "/app/pass/status.js", "/vendor/qrcode-generator/qrcode.mjs"],
  "/app/views/publish.js": ["/app/caches.js", "/app/icons.js", "/app/media.js", "/app/news-items.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js", "/app/ui/news.js", "/app/video/offline.js", "/app/video/player.js", "/app/video/upload-card.js", "/app/video/uploader.js"],
  "/app/views/reach.js": ["/app/caches.js", "/app/icons.js", "/app/media.js", "/app/news-items.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js", "/app/ui/avatar.js", "/app/ui/news.js", "/app/video/offline.js", "/app/video/player.js"],
  "/app/views/record.js": ["/app/caches.js", "/app/delivery.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js", "/app/ui/story-progress.js", "/app/video/chunk-store.js", "/app/video/player.js", "/app/video/recorder.js", "/app/video/story-share.js", "/app/video/uploader.js"],
  "/app/views/scanner.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/b64url.js", "/app/pass/base45.js", "/app/pass/camera.js", "/app/pass/cbor.js", "/app/pass/cose.js", "/app/pass/db.js", "/app/pass/live.js", "/app/pass/trust.js", "/app/pass/ulid.js", "/app/pass/verify.js", "/app/storage.js", "/app/ui/avatar.js"],
  "/app/views/stories-queue.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js", "/app/ui/story-slides.js", "/app/video/player.js"],
  "/app/views/stories.js": ["/app/caches.js", "/app/delivery.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js", "/app/ui/story-slides.js", "/app/video/chunk-store.js", "/app/video/player.js", "/app/video/story-share.js", "/app/video/uploader.js"],
  "/app/views/story-settings.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js"],
  "/app/views/supplies-mine.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js", "/app/ui/paged.js", "/app/ui/supply-request.js", "/app/ui/supply-tabs.js"],
  "/app/views/supplies-movements.js": ["/app/icons.js", "/app/ui/paged.js", "/app/ui/supply-console.js", "/app/ui/supply-request.js"],
  "/app/views/supplies-picklist.js": ["/app/icons.js", "/app/ui/supply-console.js", "/app/ui/supply-request.js"],
  "/app/views/supplies-queue.js": ["/app/icons.js", "/app/ui/paged.js", "/app/ui/supply-console.js", "/app/ui/supply-request.js"],
  "/app/views/supplies-stock.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/supply-console.js", "/app/ui/supply-request.js"],
  "/app/views/supplies.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/quantity-stepper.js", "/app/ui/supply-request.js", "/app/ui/supply-tabs.js"],
  "/app/views/supply-request.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/supply-request.js"],
  "/app/views/tip.js": ["/app/icons.js", "/app/ui/event-card.js", "/app/ui/tip-card.js"],
  "/app/views/tips-publish.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/event-card.js", "/app/ui/fields.js", "/app/ui/paged.js", "/app/ui/tip-card.js"],
  "/app/views/tips.js": ["/app/caches.js", "/app/icons.js", "/app/pass/db.js", "/app/storage.js", "/app/tips-cache.js", "/app/ui/event-card.js", "/app/ui/paged.js", "/app/ui/tip-card.js"],
  "/app/views/wall.js": ["/app/caches.js", "/app/icons.js", "/app/outbox.js", "/app/pass/db.js", "/app/sending.js", "/app/storage.js", "/app/ui/avatar.js", "/app/ui/note-card.js", "/app/ui/paged.js"],
  "/app/views/watch.js": ["/app/caches.js", "/app/icons.js", "/app/media.js", "/app/outbox.js", "/app/pass/db.js", "/app/storage.js", "/app/ui/news.js", "/app/video/offline.js", "/app/video/player.js"],
};
// </generated>

/** import() of an app module, asking for everything it imports at the same time: one round
 * trip on a slow network instead of one per level of imports. */
export function load(url) {
  for (const needed of IMPORTS[url] ?? []) {
    if (document.querySelector(`link[rel=modulepreload][href="${needed}"]`)) continue;
    document.head.append(Object.assign(document.createElement("link"),
      { rel: "modulepreload", href: needed }));
  }
  return import(url);
}

/** The route of a path: its own, or its parent's "/*" (the last segment is the screen's id). */
export function routeAt(path) {
  if (ROUTES[path]) return ROUTES[path];
  const cut = path.lastIndexOf("/");
  return cut > 0 && path.length > cut + 1 ? ROUTES[`${path.slice(0, cut)}/*`] : undefined;
}

/** The last segment of a "/*" route's path: the id it shows. */
export const idIn = (path) => decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));

/** Whether this person may open the route. */
export const allowed = (route, user) => !route.permission || can(user, route.permission);
