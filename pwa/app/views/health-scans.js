// Entrance scans, for HR and health officers: per site and day, entries allowed and refused
// and why, and the latest scans.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, formatTime, t } from "../i18n.js";
import { can } from "../permissions.js";
import { showError } from "../toast.js";
import { stackedBars } from "../ui/bars.js";
import { consoleNav } from "../ui/console-nav.js";

export const title = () => t("tools.scans.title");

const REFUSED = ["expired", "not_yet_valid", "tampered", "unknown_key", "revoked", "replayed",
  "not_together"];

export function render(ctx) {
  const params = new URLSearchParams(location.search);
  const site = params.get("site") || ctx.user.site || "";
  const date = params.get("date") || "";
  const sites = h("select", { id: "scans-site", name: "site", class: "input" },
    h("option", { value: site }, site));
  const form = h("form", { class: "card form scans-filters" },
    h("div", { class: "field" },
      h("label", { class: "label", for: "scans-site" }, t("console.site")), sites),
    h("div", { class: "field" },
      h("label", { class: "label", for: "scans-date" }, t("console.date")),
      h("input", { id: "scans-date", name: "date", class: "input", type: "date", value: date })),
    h("button", { type: "submit", class: "btn btn-secondary" }, t("console.show")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams({ site: sites.value });
    if (form.elements.date.value) query.set("date", form.elements.date.value);
    ctx.navigate(`/tools/health/scans?${query}`);
  });
  const body = h("div", { class: "console-body" },
    h("div", { class: "spinner", role: "progressbar", "aria-label": t("app.loading") }));
  const page = h("div", { class: "page page-console" }, consoleNav(ctx),
    h("h1", { class: "page-title" }, t("tools.scans.title")), form, body);
  if (can(ctx.user, "health.summary")) {
    get("/api/health/today").then((today) => sites.replaceChildren(...today.sites.map((s) =>
      h("option", { value: s.name, selected: s.name === site }, s.name)))).catch(showError);
  }
  const query = new URLSearchParams({ site });
  if (date) query.set("date", date);
  get(`/api/health/scans/summary?${query}`).then((summary) => body.replaceChildren(...show(summary)))
    .catch((error) => {
      body.replaceChildren(h("p", { class: "hint" }, t("console.unavailable")));
      showError(error);
    });
  return page;
}

function show(summary) {
  const refused = REFUSED.reduce((sum, reason) => sum + summary.counts[reason], 0);
  const row = { name: summary.site, people: summary.total, hidden: false, ok: summary.counts.ok, refused };
  const label = (key) => t(`console.scan.${key}`);
  return [
    h("p", { class: "lead" }, t("console.scansLead", { count: formatNumber(summary.total),
      site: summary.site, date: summary.date })),
    h("ul", { class: "console-totals" }, ["ok", "refused"].map((key) => h("li", { class: `total-${key}` },
      h("span", { class: "total-number" }, formatNumber(row[key])),
      h("span", { class: "total-label" }, label(key))))),
    summary.total > 0 && h("div", { class: "card console-chart" }, stackedBars([row], ["ok", "refused"], label,
      { totalText: () => t("console.scanCount", { count: formatNumber(summary.total) }) })),
    h("section", { class: "section", "aria-labelledby": "scans-why" },
      h("h2", { id: "scans-why", class: "section-title" }, t("console.refusedWhy")),
      h("ul", { class: "card list" }, REFUSED.map((reason) => h("li", { class: "row" },
        h("span", { class: "row-body" }, t(`console.scan.${reason}`)),
        h("span", { class: "row-meta" }, formatNumber(summary.counts[reason])))))),
    h("section", { class: "section", "aria-labelledby": "scans-latest" },
      h("h2", { id: "scans-latest", class: "section-title" }, t("console.latestScans")),
      h("ul", { class: "card list" }, summary.latest.length ? summary.latest.map((scan) =>
        h("li", { class: "row" },
          h("span", { class: `colour-chip hp-${scan.result === "ok" ? "green" : "red"}` },
            t(`console.scan.${scan.result}`)),
          h("span", { class: "row-body" }, formatTime(new Date(scan.scanned_at * 1000)),
            scan.employee_id ? ` · ${scan.employee_id}` : ""),
          h("span", { class: "row-meta" }, t("console.guard", { id: scan.guard_id }))))
        : h("li", { class: "row row-meta" }, t("console.noScans")))),
  ].filter(Boolean);
}
