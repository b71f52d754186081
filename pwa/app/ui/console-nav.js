// The health console's screens, side by side: the ones this person may open (app/tools.js).

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { toolsFor } from "../tools.js";

/** The back link to More and the console's tabs, the current one marked. */
export function consoleNav(ctx) {
  const tools = toolsFor(ctx.user).filter((tool) => tool.console);
  return h("div", { class: "console-head" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20),
      t("tools.back")),
    tools.length > 1 && h("nav", { class: "console-nav", "aria-label": t("console.nav") },
      tools.map((tool) => h("a", { href: tool.path, "data-link": true, class: "console-tab",
        "aria-current": tool.path === ctx.path ? "page" : null },
      t(`tools.${tool.id}.short`)))));
}
