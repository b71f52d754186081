// The status rules as a form, for health officers: the fever threshold, and which answers
// make a declaration yellow or red for how many days. A preview counts how today's declarations
// would come out; saving makes a new version (through the outbox); older versions read only.

import { get, post } from "../api.js";
import { h } from "../dom.js";
import { formatDate, formatTime, t } from "../i18n.js";
import { icon } from "../icons.js";
import { sendForm } from "../sending.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { consoleNav } from "../ui/console-nav.js";
import { countCell, formatCount } from "../ui/counts.js";
import { chip, conditionText, loadSymptoms, symptomCodes } from "../ui/reasons.js";

export const title = () => t("tools.rules.title");

const BASE = ["fever", "any_symptom", "close_contact", "visited_high_risk_area"];

export function render(ctx) {
  const asked = new URLSearchParams(location.search).get("version");
  const body = h("div", { class: "console-body" },
    h("div", { class: "spinner", role: "progressbar", "aria-label": t("app.loading") }));
  const page = h("div", { class: "page page-console" },
    consoleNav({ ...ctx, path: "/tools/health/rules" }),
    h("h1", { class: "page-title" }, t("tools.rules.title")), body);
  const current = get("/api/health/rules");
  const shown = asked === null ? current : get(`/api/health/rules?version=${encodeURIComponent(asked)}`);
  Promise.all([current, shown, loadSymptoms().catch(() => ({}))])
    .then(([latest, rules]) => body.replaceChildren(...(asked === null
      ? [h("p", { class: "lead" }, t("console.rulesLead", { version: latest.version })),
        editor(ctx, latest), versions(latest.version)]
      : [readOnly(rules, latest.version), versions(latest.version)]).filter(Boolean)))
    .catch((error) => {
      body.replaceChildren(h("p", { class: "hint" }, t("console.unavailable")));
      showError(error);
    });
  return page;
}

const changed = (rules) => (rules.updated_at
  ? t("console.rulesChanged", { date: formatDate(new Date(rules.updated_at * 1000),
    { day: "numeric", month: "short" }), time: formatTime(new Date(rules.updated_at * 1000)),
  who: rules.updated_by }) : t("console.rulesBuiltIn"));

function readOnly(rules, latest) {
  return h("section", { class: "card rules-read", "aria-labelledby": "rules-version" },
    h("h2", { id: "rules-version", class: "form-title" }, t("console.version", { version: rules.version })),
    h("p", { class: "hint" }, changed(rules)),
    h("p", {}, t("console.threshold", { value: rules.fever_threshold_c })),
    h("ul", { class: "list" }, rules.rules.map((rule) => h("li", { class: "row" },
      chip(rule.status), h("span", { class: "row-body" }, conditionText(rule.when)),
      h("span", { class: "row-meta" }, t("console.days", { count: rule.days }))))),
    h("a", { href: "/tools/health/rules", "data-link": true, class: "btn btn-secondary" },
      t("console.backToCurrent", { version: latest })));
}

function versions(latest) {
  if (latest < 1) return null;
  const numbers = Array.from({ length: latest }, (_, i) => latest - 1 - i);
  return h("section", { class: "section", "aria-labelledby": "rules-versions" },
    h("h2", { id: "rules-versions", class: "section-title" }, t("console.olderVersions")),
    h("ul", { class: "card list" }, numbers.map((n) => h("li", {},
      h("a", { href: `/tools/health/rules?version=${n}`, "data-link": true, class: "row row-link" },
        h("span", { class: "row-title" }, t("console.version", { version: n })), icon("chevron", 20))))));
}

function conditionSelect(value) {
  const codes = [...BASE, ...symptomCodes().map((code) => `symptom:${code}`)];
  return h("select", { class: "input", name: "when", "aria-label": t("console.when") },
    codes.map((code) => h("option", { value: code, selected: code === value }, conditionText(code))));
}

function ruleRow(rule) {
  const row = h("li", { class: "rule-row" },
    conditionSelect(rule.when),
    h("select", { class: "input", name: "status", "aria-label": t("console.then") },
      ["yellow", "red"].map((c) => h("option", { value: c, selected: c === rule.status }, t(`console.colour.${c}`)))),
    h("label", { class: "rule-days" },
      h("input", { class: "input", type: "number", name: "days", min: 1, max: 21, value: rule.days,
        inputmode: "numeric" }),
      h("span", {}, t("console.daysUnit"))),
    h("button", { type: "button", class: "btn btn-secondary btn-small rule-remove",
      "aria-label": t("console.removeRule"), onclick: () => row.remove() }, icon("trash", 18)));
  return row;
}

function editor(ctx, rules) {
  const list = h("ul", { class: "rule-list" }, rules.rules.map(ruleRow));
  const preview = h("div", { class: "rules-preview", "aria-live": "polite" });
  const save = h("button", { type: "submit", class: "btn btn-primary" },
    t("console.save", { version: rules.version + 1 }));
  const form = h("form", { class: "card form rules-form", novalidate: true },
    h("p", { class: "hint" }, changed(rules)),
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("div", { class: "field" },
      h("label", { class: "label", for: "rules-threshold" }, t("console.thresholdLabel")),
      h("input", { id: "rules-threshold", name: "fever_threshold_c", class: "input", type: "text",
        inputmode: "decimal", value: rules.fever_threshold_c, "aria-describedby": "rules-threshold-error" }),
      h("p", { id: "rules-threshold-error", class: "field-error", hidden: true })),
    h("fieldset", { class: "rules-fieldset" },
      h("legend", { class: "label" }, t("console.rulesList")), list,
      h("button", { type: "button", class: "btn btn-secondary btn-small",
        onclick: () => list.append(ruleRow({ when: "fever", status: "yellow", days: 7 })) },
      t("console.addRule"))),
    preview,
    h("div", { class: "actions" },
      h("button", { type: "button", class: "btn btn-secondary", onclick: () =>
        showPreview(form, preview).catch((error) => showError(error, { form })) }, t("console.preview")),
      save));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveRules(ctx, form, save).catch((error) => showError(error, { form }));
  });
  return form;
}

function read(form) {
  clearErrors(form);
  const field = form.elements.fever_threshold_c;
  const threshold = Number(field.value.trim().replace(",", "."));
  if (!(threshold >= 35 && threshold <= 42)) {
    showFieldError(field, t("console.thresholdInvalid"));
    return null;
  }
  const rules = [...form.querySelectorAll(".rule-row")].map((row) => ({
    when: row.querySelector("[name=when]").value, status: row.querySelector("[name=status]").value,
    days: Math.round(Number(row.querySelector("[name=days]").value)) }));
  return { fever_threshold_c: threshold, rules };
}

async function showPreview(form, into) {
  const body = read(form);
  if (!body) return;
  const answer = await post("/api/health/rules/preview", body); // a read: offline says so
  into.replaceChildren(h("section", { class: "preview", "aria-labelledby": "preview-title" },
    h("h3", { id: "preview-title", class: "label" }, t("console.previewTitle", { count: answer.declarations })),
    h("p", { class: "preview-line" }, t("console.previewHeld", { count: formatCount(answer.on_hold) })),
    h("table", { class: "console-table" },
      h("thead", {}, h("tr", {}, h("th", {}), ["green", "yellow", "red"].map((c) =>
        h("th", { scope: "col", class: `col-${c}` }, t(`console.colour.${c}`))))),
      h("tbody", {}, [["current", answer.current], ["edited", answer.edited]].map(([key, counts]) =>
        h("tr", {}, h("th", { scope: "row" }, t(`console.preview.${key}`)),
          ["green", "yellow", "red"].map((c) => h("td", { class: `col-${c}` }, countCell(counts[c])))))))));
}

async function saveRules(ctx, form, save) {
  const body = read(form);
  if (!body) return;
  const result = await sendForm(form, save, { method: "PUT", url: "/api/health/rules", body,
    label: "outbox.rules" });
  if (result.state === "queued") {
    toast(t("console.rulesQueued"));
  } else if (form.isConnected) {
    toast(t("console.rulesSaved", { version: result.data.version }));
    ctx.navigate("/tools/health/rules", { replace: true });
  }
}
