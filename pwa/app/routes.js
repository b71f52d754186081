// Where each screen lives: path -> view module, its tab, and who may open it.

import * as home from "./views/home.js";
import * as more from "./views/more.js";
import * as news from "./views/news.js";
import * as notes from "./views/notes.js";
import * as pass from "./views/pass.js";
import * as signin from "./views/signin.js";
import * as stories from "./views/stories.js";
import * as tool from "./views/tool.js";

export const ROUTES = {
  "/": { view: home, tab: "/" },
  "/news": { view: news, tab: "/news" },
  "/stories": { view: stories, tab: "/stories" },
  "/notes": { view: notes, tab: "/notes" },
  "/pass": { view: pass, tab: "/pass" },
  "/more": { view: more, tab: "/more" },
  "/signin": { view: signin, public: true },
  ...Object.fromEntries(tool.TOOLS.map((t) => [t.path, { view: tool, tab: "/more", tool: t }])),
};

/** Whether this person may open the route (role tools need one of their roles). */
export const allowed = (route, user) => !route.tool || tool.toolsFor(user).includes(route.tool);
