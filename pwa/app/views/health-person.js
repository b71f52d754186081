// One person, for health officers: their hold, their declarations (reading them is audited)
// and an override with a reason, sent through the outbox.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatDate, formatTime, t } from "../i18n.js";
import { icon } from "../icons.js";
import { sendForm } from "../sending.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { consoleNav } from "../ui/console-nav.js";
import { chip, conditionText, loadSymptoms } from "../ui/reasons.js";

export const title = () => t("console.person");

const when = (epoch) => `${formatDate(new Date(epoch * 1000), { day: "numeric", month: "short" })} ${formatTime(new Date(epoch * 1000))}`;

export function render(ctx) {
  const id = new URLSearchParams(location.search).get("id") || "";
  const body = h("div", { class: "console-body" },
    h("div", { class: "spinner", role: "progressbar", "aria-label": t("app.loading") }));
  const page = h("div", { class: "page page-console" },
    consoleNav({ ...ctx, path: "/tools/health/holds" }),
    h("h1", { class: "page-title" }, t("console.person")), body);
  load(ctx, id, page, body);
  return page;
}

async function load(ctx, id, page, body) {
  try {
    const [holds, history] = await Promise.all([get("/api/health/holds"),
      get(`/api/health/declarations/${encodeURIComponent(id)}`), loadSymptoms().catch(() => ({}))]);
    const hold = holds.items.find((item) => item.employee_id === id);
    page.querySelector(".page-title").textContent = hold ? hold.name : id;
    body.replaceChildren(...[
      h("p", { class: "lead" }, hold ? [hold.employee_id, hold.unit, hold.site].join(" · ") : id),
      current(hold),
      declarations(history.items),
      overrideForm(ctx, id)]);
  } catch (error) {
    body.replaceChildren(h("p", { class: "hint" }, t("console.unavailable")));
    showError(error);
  }
}

function current(hold) {
  if (!hold) return h("p", { class: "card console-empty" }, icon("check", 22), t("console.notHeld"));
  return h("section", { class: "card hold-card", "aria-label": t("console.holdNow") },
    h("p", { class: "hold-head" }, chip(hold.status),
      h("strong", {}, t("console.heldFromTo", { since: when(hold.since), until: when(hold.until) }))),
    h("p", { class: "hold-why" }, hold.source === "override"
      ? t("console.byOverride", { reason: hold.override_reason })
      : hold.reasons.map(conditionText).join(" · ")));
}

function declarations(items) {
  return h("section", { class: "section", "aria-labelledby": "person-history" },
    h("h2", { id: "person-history", class: "section-title" }, t("console.history")),
    items.length ? h("ul", { class: "card list history" }, items.map((d) => h("li", { class: "row history-item" },
      h("span", { class: "row-body" },
        h("span", { class: "hold-head" }, chip(d.outcome),
          h("span", { class: "row-title" }, when(d.declared_at))),
        h("span", { class: "row-meta" }, [
          t("console.temperature", { value: d.temperature_c }),
          ...d.symptoms.map((code) => conditionText(`symptom:${code}`)),
          d.close_contact && t("console.condition.close_contact"),
          d.visited_high_risk_area && t("console.condition.visited_high_risk_area"),
        ].filter(Boolean).join(" · ")),
        d.reasons.length > 0 && h("span", { class: "hold-why" },
          t("console.because", { reasons: d.reasons.map(conditionText).join(" · ") }))))))
      : h("p", { class: "card console-empty" }, t("console.noHistory")));
}

function overrideForm(ctx, id) {
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("console.overrideSubmit"));
  const form = h("form", { class: "card form", novalidate: true, "aria-labelledby": "override-title" },
    h("h2", { id: "override-title", class: "form-title" }, t("console.override")),
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("fieldset", { class: "choices" },
      h("legend", { class: "label" }, t("console.overrideColour")),
      h("div", { class: "segmented segmented-3" }, ["green", "yellow", "red"].map((colour) =>
        h("label", { class: "choice" },
          h("input", { type: "radio", name: "status", value: colour, checked: colour === "green" }),
          h("span", {}, t(`console.colour.${colour}`)))))),
    h("div", { class: "field" },
      h("label", { class: "label", for: "override-days" }, t("console.overrideDays")),
      h("input", { id: "override-days", name: "days", class: "input", type: "number", min: 1,
        max: 21, value: 1, inputmode: "numeric", "aria-describedby": "override-days-error" }),
      h("p", { id: "override-days-error", class: "field-error", hidden: true })),
    h("div", { class: "field" },
      h("label", { class: "label", for: "override-reason" }, t("console.overrideReason")),
      h("textarea", { id: "override-reason", name: "reason", class: "input", rows: 3,
        maxlength: 500, "aria-describedby": "override-reason-hint override-reason-error" }),
      h("p", { id: "override-reason-hint", class: "hint" }, t("console.overrideReasonHint")),
      h("p", { id: "override-reason-error", class: "field-error", hidden: true })),
    submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    override(ctx, id, form, submit).catch((error) => showError(error, { form }));
  });
  return form;
}

async function override(ctx, id, form, submit) {
  clearErrors(form);
  const reason = form.elements.reason.value.trim();
  const days = Number(form.elements.days.value);
  if (reason.length < 3) return showFieldError(form.elements.reason, t("console.overrideReasonHint"));
  if (!(Number.isInteger(days) && days >= 1 && days <= 21)) {
    return showFieldError(form.elements.days, t("console.overrideDaysInvalid"));
  }
  const result = await sendForm(form, submit, { url: "/api/health/overrides",
    label: "outbox.override",
    body: { employee_id: id, status: form.elements.status.value, reason, days } });
  if (result.state === "queued") {
    toast(t("console.overrideQueued"));
  } else if (form.isConnected) {
    toast(t("console.overrideDone"));
    ctx.navigate(`/tools/health/person?id=${encodeURIComponent(id)}`, { replace: true });
  }
}
