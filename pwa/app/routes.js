// Where each screen lives: path -> how to load its view, its tab, and the permission it needs.
// Every tool listed under More (app/tools.js) has its screen here (tests/node/routes.test.mjs).
// Views are fetched when their route first opens (the sign-in screen downloads only its own);
// the service worker precaches them all, so every screen still opens offline.

import { can } from "./permissions.js";

export const ROUTES = {
  "/": { load: () => import("./views/home.js"), tab: "/" },
  "/news": { load: () => import("./views/feed.js"), tab: "/news" },
  "/watch": { load: () => import("./views/watch.js"), tab: "/news" },
  "/stories": { load: () => import("./views/stories.js"), tab: "/stories" },
  "/notes": { load: () => import("./views/notes.js"), tab: "/notes" },
  "/pass": { load: () => import("./views/healthpass.js"), tab: "/pass" },
  "/pass/declare": { load: () => import("./views/declare.js"), tab: "/pass" },
  "/pass/print": { load: () => import("./views/pass-print.js"), tab: "/pass" },
  "/more": { load: () => import("./views/more.js"), tab: "/more" },
  "/more/notifications": { load: () => import("./views/notify-settings.js"), tab: "/more" },
  "/inbox": { load: () => import("./views/inbox.js"), tab: null }, // the app bar's bell opens it
  "/signin": { load: () => import("./views/signin.js"), public: true },
  "/tools/directory": { load: () => import("./views/directory.js"), tab: "/more",
    permission: "directory.manage" },
  "/tools/scan": { load: () => import("./views/scanner.js"), tab: "/more", permission: "pass.scan" },
  "/tools/publish": { load: () => import("./views/publish.js"), tab: "/more",
    permission: "news.publish" },
  "/tools/reach": { load: () => import("./views/reach.js"), tab: "/more",
    permission: "news.publish" },
  "/tools/notify": { load: () => import("./views/notify.js"), tab: "/more",
    permission: "notify.send" },
  "/tools/health": { load: () => import("./views/health-today.js"), tab: "/more",
    permission: "health.summary" },
  "/tools/health/holds": { load: () => import("./views/health-holds.js"), tab: "/more",
    permission: "health.oversee" },
  "/tools/health/person": { load: () => import("./views/health-person.js"), tab: "/more",
    permission: "health.oversee" },
  "/tools/health/rules": { load: () => import("./views/health-rules.js"), tab: "/more",
    permission: "health.oversee" },
  "/tools/health/audit": { load: () => import("./views/health-audit.js"), tab: "/more",
    permission: "health.oversee" },
  "/tools/health/scans": { load: () => import("./views/health-scans.js"), tab: "/more",
    permission: "pass.scan_summary" },
};

/** Whether this person may open the route. */
export const allowed = (route, user) => !route.permission || can(user, route.permission);
