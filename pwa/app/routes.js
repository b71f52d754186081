// Where each screen lives: path -> view module, its tab, and the permission it needs, if any.

import { can } from "./permissions.js";
import { TOOLS } from "./tools.js";
import * as declare from "./views/declare.js";
import * as feed from "./views/feed.js";
import * as healthAudit from "./views/health-audit.js";
import * as healthHolds from "./views/health-holds.js";
import * as healthPerson from "./views/health-person.js";
import * as healthRules from "./views/health-rules.js";
import * as healthScans from "./views/health-scans.js";
import * as healthToday from "./views/health-today.js";
import * as directory from "./views/directory.js";
import * as healthpass from "./views/healthpass.js";
import * as home from "./views/home.js";
import * as more from "./views/more.js";
import * as notes from "./views/notes.js";
import * as passPrint from "./views/pass-print.js";
import * as publish from "./views/publish.js";
import * as reach from "./views/reach.js";
import * as scanner from "./views/scanner.js";
import * as signin from "./views/signin.js";
import * as stories from "./views/stories.js";
import * as tool from "./views/tool.js";
import * as watch from "./views/watch.js";

export const ROUTES = {
  "/": { view: home, tab: "/" },
  "/news": { view: feed, tab: "/news" },
  "/watch": { view: watch, tab: "/news" },
  "/stories": { view: stories, tab: "/stories" },
  "/notes": { view: notes, tab: "/notes" },
  "/pass": { view: healthpass, tab: "/pass" },
  "/pass/declare": { view: declare, tab: "/pass" },
  "/pass/print": { view: passPrint, tab: "/pass" },
  "/more": { view: more, tab: "/more" },
  "/signin": { view: signin, public: true },
  ...Object.fromEntries(TOOLS.map(({ path, permission }) =>
    [path, { view: tool, tab: "/more", permission }])),
  "/tools/directory": { view: directory, tab: "/more", permission: "directory.manage" },
  "/tools/scan": { view: scanner, tab: "/more", permission: "pass.scan" },
  "/tools/publish": { view: publish, tab: "/more", permission: "news.publish" },
  "/tools/reach": { view: reach, tab: "/more", permission: "news.publish" },
  "/tools/health": { view: healthToday, tab: "/more", permission: "health.summary" },
  "/tools/health/holds": { view: healthHolds, tab: "/more", permission: "health.oversee" },
  "/tools/health/person": { view: healthPerson, tab: "/more", permission: "health.oversee" },
  "/tools/health/rules": { view: healthRules, tab: "/more", permission: "health.oversee" },
  "/tools/health/audit": { view: healthAudit, tab: "/more", permission: "health.oversee" },
  "/tools/health/scans": { view: healthScans, tab: "/more", permission: "pass.scan_summary" },
};

/** Whether this person may open the route. */
export const allowed = (route, user) => !route.permission || can(user, route.permission);
