// HR's supplies tool: its four screens (queue, stock, movements, pick list) linked to each other
// for one site at a time, the site kept in the address (?site=) so a link or a reload keeps it.

import { get } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { showError } from "../toast.js";

export const SCREENS = [["queue", "/tools/supplies"], ["stock", "/tools/supplies/stock"],
  ["movements", "/tools/supplies/movements"]];

/** The site chosen in the address, else the person's own. */
export const siteOf = (user) => new URLSearchParams(location.search).get("site") || user.site || "";

export const at = (path, site, extra = {}) => `${path}?${new URLSearchParams({ site, ...extra })}`;

/** The tabs and the site selector; choosing a site opens the same screen for it. */
export function consoleHead(ctx, current) {
  const site = siteOf(ctx.user);
  const select = h("select", { id: "supply-site", class: "input supply-site-select" },
    h("option", { value: site, selected: true }, site));
  get("/api/audiences/names").then(({ sites }) => select.replaceChildren(...[...new Set([site, ...sites])]
    .sort().map((name) => h("option", { value: name, selected: name === site }, name))), showError);
  select.addEventListener("change", () => ctx.navigate(at(location.pathname, select.value)));
  return h("div", { class: "supply-console-head" },
    h("div", { class: "field supply-site" },
      h("label", { class: "label", for: "supply-site" }, t("suppliesHr.site")), select),
    h("nav", { class: "notes-tabs supply-tabs", "aria-label": t("suppliesHr.sections") },
      SCREENS.map(([name, path]) => h("a", { href: at(path, site), "data-link": true, class: "notes-tab",
        "aria-current": name === current ? "page" : null }, t(`suppliesHr.${name}`)))));
}
