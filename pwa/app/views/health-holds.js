// People on hold, for health officers: who is yellow or red, since when, until when and why.
// Each opens the person's declarations and the override form.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatDate, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError } from "../toast.js";
import { consoleNav } from "../ui/console-nav.js";
import { chip, conditionText, loadSymptoms } from "../ui/reasons.js";

export const title = () => t("tools.holds.title");

const day = (epoch) => formatDate(new Date(epoch * 1000), { day: "numeric", month: "short" });

export function render(ctx) {
  const list = h("div", { class: "console-body" },
    h("div", { class: "spinner", role: "progressbar", "aria-label": t("app.loading") }));
  const page = h("div", { class: "page page-console" }, consoleNav(ctx),
    h("h1", { class: "page-title" }, t("tools.holds.title")),
    h("p", { class: "lead" }, t("console.holdsLead")), list);
  Promise.all([get("/api/health/holds"), loadSymptoms().catch(() => ({}))])
    .then(([answer]) => list.replaceChildren(show(answer.items)))
    .catch((error) => {
      list.replaceChildren(h("p", { class: "hint" }, t("console.unavailable")));
      showError(error);
    });
  return page;
}

function show(items) {
  if (!items.length) {
    return h("p", { class: "card console-empty" }, icon("check", 22), t("console.noHolds"));
  }
  return h("ul", { class: "card list holds" }, items.map((hold) => h("li", {},
    h("a", { href: `/tools/health/person?id=${encodeURIComponent(hold.employee_id)}`,
      "data-link": true, class: "row row-link hold" },
    h("span", { class: "row-body" },
      h("span", { class: "hold-head" }, chip(hold.status),
        h("span", { class: "row-title" }, hold.name)),
      h("span", { class: "row-meta" }, [hold.employee_id, hold.unit, hold.site]
        .filter(Boolean).join(" · ")),
      h("span", { class: "row-meta" }, t("console.heldFromTo",
        { since: day(hold.since), until: day(hold.until) })),
      h("span", { class: "hold-why" }, hold.source === "override"
        ? t("console.byOverride", { reason: hold.override_reason })
        : hold.reasons.map(conditionText).join(" · "))),
    icon("chevron", 20)))));
}
