// The one place errors (and the odd piece of good news) are shown to people.

import { ApiError } from "./api.js";
import { h } from "./dom.js";
import { t } from "./i18n.js";
import { clearErrors, showFieldError, showFieldErrors } from "./ui/form-errors.js";

export { clearErrors, showFieldError };

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
 * Shows an error. With a form, an answer from the API goes next to it: field messages by their
 * fields (`names` maps an API field to the form's control), the first one scrolled to and
 * focused, and any other message at the top of the form. Everything else becomes a toast.
 */
export function showError(error, { form, names } = {}) {
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
  const shown = showFieldErrors(form, error.fields, { names });
  if (alert && !shown.includes(message)) {
    alert.textContent = message;
    alert.hidden = false;
  } else if (!alert && !shown.length) {
    toast(message, { kind: "error" });
  }
}
