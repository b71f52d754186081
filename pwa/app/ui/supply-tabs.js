// The employee's two supplies screens, side by side: ask for supplies | my requests.

import { h } from "../dom.js";
import { t } from "../i18n.js";

export function supplyTabs(current) {
  return h("nav", { class: "notes-tabs supply-tabs", "aria-label": t("supplies.title") },
    [["/supplies", "supplies.ask"], ["/supplies/requests", "supplies.mine"]].map(([path, key]) =>
      h("a", { href: path, "data-link": true, class: "notes-tab",
        "aria-current": path === current ? "page" : null }, t(key))));
}
