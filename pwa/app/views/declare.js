// The daily declaration: temperature, symptoms, contact and travel. Sent through the outbox, so
// it is kept on the phone when there is no network; once the server has it, the colour it gave.

import { get } from "../api.js";
import { h } from "../dom.js";
import { lang, t } from "../i18n.js";
import { icon } from "../icons.js";
import { isOnline } from "../network.js";
import * as outbox from "../outbox.js";
import { statusLine } from "../pass/status.js";
import { clearErrors, showError, showFieldError } from "../toast.js";

export const title = () => t("declare.title");

const DECLARATIONS = "/api/health/declarations";
const WAIT_MS = 4000; // no answer by then: say it is kept, and keep listening

export function render(ctx) {
  const symptoms = h("div", { class: "dc-symptoms" },
    h("div", { class: "spinner", role: "progressbar", "aria-label": t("app.loading") }));
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("declare.submit"));
  const form = h("form", { class: "card form dc-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("div", { class: "field" },
      h("label", { class: "label", for: "dc-temperature" }, t("declare.temperature")),
      h("input", { id: "dc-temperature", name: "temperature_c", class: "input dc-temperature",
        type: "text", inputmode: "decimal", autocomplete: "off", enterkeyhint: "next",
        "aria-describedby": "dc-temperature-hint dc-temperature-error" }),
      h("p", { id: "dc-temperature-hint", class: "hint" }, t("declare.temperatureHint")),
      h("p", { id: "dc-temperature-error", class: "field-error", hidden: true })),
    h("fieldset", { class: "dc-group", "aria-describedby": "dc-symptoms-hint" },
      h("legend", { class: "label" }, t("declare.symptoms")),
      h("p", { id: "dc-symptoms-hint", class: "hint" }, t("declare.symptomsHint")),
      symptoms),
    h("fieldset", { class: "dc-group" },
      h("legend", { class: "label" }, t("declare.exposure")),
      h("div", { class: "dc-options" },
        option("close_contact", t("declare.contact")),
        option("visited_high_risk_area", t("declare.visited")))),
    submit);
  const root = h("div", { class: "page dc-page" },
    h("a", { href: "/pass", "data-link": true, class: "back-link" }, icon("back", 20),
      t("declare.back")),
    h("h1", { class: "page-title" }, t("declare.title")),
    h("p", { class: "lead" }, t("declare.lead")),
    form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(ctx, root, form, submit).catch((error) => showError(error, { form }));
  });
  loadSymptoms(symptoms);
  return root;
}

function option(name, label, value = "") {
  const id = `dc-${name}${value ? `-${value}` : ""}`;
  return h("label", { class: "dc-option", for: id },
    h("input", { type: "checkbox", id, name, value: value || "yes", class: "dc-check" }),
    h("span", { class: "dc-option-label" }, label));
}

/** The symptoms the server knows, in the person's language (the API has both). */
async function loadSymptoms(into) {
  try {
    const { symptoms } = await get("/api/health/symptoms");
    into.replaceChildren(h("div", { class: "dc-options" }, symptoms.map((symptom) =>
      option("symptoms", symptom.labels[lang] || symptom.labels.en, symptom.code))));
  } catch (error) {
    into.replaceChildren(h("p", { class: "field-error" }, t("declare.symptomsUnavailable")),
      h("button", { type: "button", class: "btn btn-secondary btn-small",
        onclick: () => loadSymptoms(into) }, t("app.retry")));
    if (!error.offline) showError(error);
  }
}

function answers(form) {
  const field = form.elements.temperature_c;
  const temperature = Number(field.value.trim().replace(",", "."));
  if (!field.value.trim() || !(temperature >= 30 && temperature <= 45)) {
    showFieldError(field, t("declare.temperatureInvalid"));
    return null;
  }
  const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)];
  return {
    temperature_c: temperature,
    symptoms: checked("symptoms").map((box) => box.value),
    close_contact: checked("close_contact").length > 0,
    visited_high_risk_area: checked("visited_high_risk_area").length > 0,
  };
}

async function send(ctx, root, form, submit) {
  clearErrors(form);
  const body = answers(form);
  if (!body) return;
  submit.disabled = true;
  submit.textContent = t("declare.sending");
  const delivered = new Map(); // heard before enqueue() answered: kept by entry id
  let mine = null;
  let waiting = 0;
  const stop = outbox.subscribe(async (message) => {
    if (message.type === "delivered") delivered.set(message.entry.id, message.data);
    if (!root.isConnected) {
      stop(); // the person moved on; the outbox still delivers, and the pass screen hears it
      return;
    }
    if (!mine) return;
    if (delivered.has(mine)) {
      stop();
      clearTimeout(waiting);
      showResult(ctx, root, delivered.get(mine));
    } else if (message.type === "changed") {
      const failed = (await outbox.list()).find((e) => e.id === mine && e.state === "failed");
      if (failed) {
        stop();
        clearTimeout(waiting);
        showFailed(form, submit, failed.error);
      }
    }
  });
  const entry = await outbox.enqueue({ method: "POST", url: DECLARATIONS, body,
    label: "outbox.declaration" });
  mine = entry.id;
  if (delivered.has(mine)) {
    stop();
    showResult(ctx, root, delivered.get(mine));
    return;
  }
  waiting = setTimeout(() => root.isConnected && showQueued(root), isOnline() ? WAIT_MS : 0);
}

function showFailed(form, submit, message) {
  submit.disabled = false;
  submit.textContent = t("declare.submit");
  const alert = form.querySelector(".form-error");
  alert.textContent = message || t("error.generic");
  alert.hidden = false;
}

function showQueued(root) {
  root.querySelector(".dc-form")?.replaceWith(h("section", { class: "card hp-notice dc-queued",
    role: "status" },
  h("div", { class: "hp-notice-art" }, icon("clock", 36)),
  h("p", { class: "hp-notice-text" }, t("declare.queued"))));
}

/** The colour the declaration gave, and the way to the pass. */
function showResult(ctx, root, answer) {
  const colour = answer?.status;
  if (!colour) { // delivered, but its answer was lost: the pass screen asks the server
    ctx.navigate("/pass");
    return;
  }
  const result = h("section", { class: `hp-card hp-${colour} dc-result`, role: "status",
    "aria-labelledby": "dc-result-status" },
  h("p", { class: "dc-done" }, t("declare.done")),
  statusLine(colour, "dc-result-status"),
  h("button", { type: "button", class: "btn dc-show", onclick: () => ctx.navigate("/pass") },
    t("declare.showPass")));
  root.querySelector(".dc-form, .dc-queued")?.replaceWith(result);
  root.querySelector(".lead")?.remove();
  result.querySelector("button").focus();
}
