// The pick list (/tools/supplies/picklist?site=, supplies.manage): what to take off the shelves
// for one site's approved requests — totals per item, then each request with where it goes —
// printed black on white without the app around it (styles/supplies.css, @media print).

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatDate, formatNumber, formatTime, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError } from "../toast.js";
import { at, siteOf } from "../ui/supply-console.js";
import { deliveryText, linesList, named } from "../ui/supply-request.js";

export const title = () => t("suppliesHr.picklist");

export function render(ctx) {
  const site = siteOf(ctx.user);
  const sheet = h("div", { class: "picklist-sheet" }, h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  get(`/api/supplies/picklist?${new URLSearchParams({ site })}`).then((list) => sheet.replaceChildren(...content(list)),
    (error) => {
      showError(error);
      sheet.replaceChildren(h("p", { class: "hint" }, t("supplies.needNetwork")));
    });
  return h("div", { class: "page page-picklist" },
    h("div", { class: "picklist-bar noprint" },
      h("a", { href: at("/tools/supplies", site, { state: "approved" }), "data-link": true, class: "back-link" },
        icon("back", 20), t("suppliesHr.queue")),
      h("button", { type: "button", class: "btn btn-primary btn-small", onclick: () => window.print() },
        icon("print", 20), t("suppliesHr.print"))),
    h("h1", { class: "page-title" }, t("suppliesHr.picklistOf", { site })), sheet);
}

function content(list) {
  const generated = new Date(list.generated_at);
  if (!list.requests.length) return [h("p", { class: "hint" }, t("suppliesHr.nothingToPick"))];
  return [
    h("p", { class: "picklist-when" }, t("suppliesHr.generated", {
      when: `${formatDate(generated, { day: "numeric", month: "long" })} ${formatTime(generated)}`,
      count: formatNumber(list.requests.length) })),
    h("h2", { class: "picklist-heading" }, t("suppliesHr.totals")),
    h("table", { class: "picklist-table" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("suppliesHr.item")),
        h("th", { scope: "col" }, t("suppliesHr.unit")), h("th", { scope: "col", class: "num" }, t("suppliesHr.toPick")))),
      h("tbody", {}, list.lines.map((line) => h("tr", {},
        h("td", {}, named(line.item.name)), h("td", {}, named(line.item.unit)),
        h("td", { class: "num" }, formatNumber(line.qty)))))),
    h("h2", { class: "picklist-heading" }, t("suppliesHr.byRequest")),
    h("ol", { class: "picklist-requests" }, list.requests.map((request) => h("li", { class: "picklist-request",
      "data-request": request.id },
    h("p", { class: "picklist-who" }, h("span", { class: "picklist-box", "aria-hidden": "true" }),
      h("strong", {}, request.requester?.name ?? ""),
      request.requester?.department ? ` · ${request.requester.department}` : ""),
    h("p", { class: "picklist-to" }, deliveryText(request.delivery)),
    linesList(request.lines, "supply-lines picklist-lines")))),
  ];
}
