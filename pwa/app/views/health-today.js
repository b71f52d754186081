// Today's declarations for health officers and HR: green, yellow, red and no declaration per
// site and per unit, as bars and as a table. Groups and counts of fewer than 5 show no colour.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatDate, t } from "../i18n.js";
import { showError } from "../toast.js";
import { legend, stackedBars } from "../ui/bars.js";
import { consoleNav } from "../ui/console-nav.js";
import { COLOURS, countCell, formatCount, isHidden } from "../ui/counts.js";

export const title = () => t("tools.health.title");

const label = (key) => t(`console.colour.${key}`);

export function render(ctx) {
  const body = h("div", { class: "console-body" },
    h("div", { class: "spinner", role: "progressbar", "aria-label": t("app.loading") }));
  const page = h("div", { class: "page page-console" }, consoleNav(ctx),
    h("h1", { class: "page-title" }, t("tools.health.title")), body);
  get("/api/health/today").then((today) => body.replaceChildren(...show(today)))
    .catch((error) => {
      body.replaceChildren(h("p", { class: "hint" }, t("console.unavailable")));
      showError(error);
    });
  return page;
}

function show(today) {
  const totals = today.totals;
  return [
    h("p", { class: "lead" }, formatDate(new Date(`${today.date}T12:00:00`)), " · ",
      t("console.todayLead", { count: formatCount(totals.people) })),
    h("ul", { class: "console-totals" }, COLOURS.map((key) => h("li", { class: `total-${key}` },
      h("span", { class: `total-number${isHidden(totals[key]) ? " is-hidden" : ""}` },
        formatCount(totals[key])),
      h("span", { class: "total-label" }, label(key))))),
    legend(COLOURS, label),
    group("sites", today.sites),
    group("units", today.units),
    h("p", { class: "hint" }, t("console.privacy")),
  ];
}

function group(kind, rows) {
  return h("section", { class: "section", "aria-labelledby": `today-${kind}` },
    h("h2", { id: `today-${kind}`, class: "section-title" }, t(`console.by.${kind}`)),
    h("div", { class: "card console-chart" }, stackedBars(rows, COLOURS, label)),
    h("div", { class: "card table-wrap" }, table(kind, rows)));
}

function table(kind, rows) {
  return h("table", { class: "console-table" },
    h("caption", { class: "visually-hidden" }, t(`console.by.${kind}`)),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t(`console.${kind}Column`)),
      COLOURS.map((key) => h("th", { scope: "col", class: `col-${key}` }, label(key))))),
    h("tbody", {}, rows.map((row) => h("tr", {},
      h("th", { scope: "row" }, row.name),
      row.hidden ? h("td", { colspan: COLOURS.length, class: "is-hidden" }, t("console.fewerPeople"))
        : COLOURS.map((key) => h("td", { class: `col-${key}` }, countCell(row[key])))))));
}
