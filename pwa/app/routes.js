// Where each screen lives: path -> view module, its tab, and who may open it.

import * as declare from "./views/declare.js";
import * as feed from "./views/feed.js";
import * as healthpass from "./views/healthpass.js";
import * as home from "./views/home.js";
import * as more from "./views/more.js";
import * as notes from "./views/notes.js";
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
  "/more": { view: more, tab: "/more" },
  "/signin": { view: signin, public: true },
  ...Object.fromEntries(tool.TOOLS.map((t) => [t.path, { view: tool, tab: "/more", tool: t }])),
  "/tools/scan": { view: scanner, tab: "/more", tool: tool.toolAt("/tools/scan") },
  "/tools/publish": { view: publish, tab: "/more", tool: tool.toolAt("/tools/publish") },
  "/tools/reach": { view: reach, tab: "/more", tool: tool.toolAt("/tools/publish") },
};

/** Whether this person may open the route (role tools need one of their roles). */
export const allowed = (route, user) => !route.tool || tool.toolsFor(user).includes(route.tool);
