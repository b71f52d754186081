// The one place errors (and the odd piece of good news) are shown to people.

import { ApiError } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";

const SHOW_MS = 6000;

function region() {
  let el = document.getElementById("toasts");
  if (!el) {
    el = h("div", { id: "toasts", class: "toasts", "aria-live": "polite" });
    document.body.append(el);
  }
  return el;
}

/**
 * A short message at the bottom of the screen; kind is "info" or "error". An `action`
 * ({label, run}) adds a button, and such a toast stays until it is used or dismissed.
 */
export function toast(message, { kind = "info", action = null } = {}) {
  const item = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status" },
    h("span", { class: "toast-text" }, message),
    action && h("button", { type: "button", class: "toast-action", onclick: () => {
      item.remove();
      action.run();
    } }, action.label),
    h("button", { type: "button", class: "toast-close", "aria-label": t("toast.dismiss"),
      onclick: () => item.remove() }, "×"));
  // The same news twice (two refreshes, say) is shown once, the newest.
  for (const old of region().querySelectorAll(".toast")) {
    if (old.firstChild.textContent === message) old.remove();
  }
  region().append(item);
  if (!action) setTimeout(() => item.remove(), SHOW_MS);
  return item;
}

/** Removes every toast: after a language switch they would speak the old language. */
export function clearToasts() {
  region().replaceChildren();
}

/**
 * Shows an error. With a form, an answer from the API goes next to it: the message at the
 * top of the form and field messages by their fields. Everything else becomes a toast.
 */
export function showError(error, { form } = {}) {
  if (!(error instanceof ApiError)) {
    console.error(error); // a bug, not a message for people
    toast(t("error.generic"), { kind: "error" });
    return;
  }
  const message = error.message;
  if (error.offline || !form) { // no answer came: nothing to say next to a field
    toast(message, { kind: "error" });
    return;
  }
  clearErrors(form);
  const alert = form.querySelector(".form-error");
  const shown = new Set();
  for (const [name, messages] of Object.entries(error.fields || {})) {
    const field = form.querySelector(`[name="${CSS.escape(name)}"]`);
    const text = [].concat(messages).filter((m) => typeof m === "string").join(" ");
    if (!field || !text) continue;
    showFieldError(field, text);
    shown.add(text);
  }
  if (alert && !shown.has(message)) {
    alert.textContent = message;
    alert.hidden = false;
  } else if (!alert) {
    toast(message, { kind: "error" });
  }
}

/** A message under one input, linked to it for screen readers. */
export function showFieldError(field, text) {
  const note = document.getElementById(`${field.id}-error`);
  if (note) {
    note.textContent = text;
    note.hidden = false;
  }
  field.setAttribute("aria-invalid", "true");
  field.focus();
}

export function clearErrors(form) {
  for (const el of form.querySelectorAll(".form-error, .field-error")) {
    el.textContent = "";
    el.hidden = true;
  }
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}
