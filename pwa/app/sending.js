// A write a screen waits for: sent through the outbox (kept on the phone when offline, one
// Idempotency-Key on every attempt), and the screen told how it ended or that it is kept.

import { t } from "./i18n.js";
import { isOnline } from "./network.js";
import * as outbox from "./outbox.js";
import { showFieldErrors } from "./ui/form-errors.js";

const WAIT_MS = 4000; // no answer by then: say it is kept, and let the outbox carry on

/**
 * Resolves to {state: "delivered", data}, {state: "failed", error, fields, id} (the server's
 * words, the entry still in the outbox) or
 * {state: "queued"} (kept on this phone; offline, or no answer yet).
 */
export async function send({ method = "POST", url, body, label }) {
  const delivered = new Map(); // heard before enqueue() answered: kept by entry id
  let mine = null;
  let settle;
  const outcome = new Promise((resolve) => { settle = resolve; });
  const stop = outbox.subscribe(async (message) => {
    if (message.type === "delivered") delivered.set(message.entry.id, message.data);
    if (!mine) return;
    if (delivered.has(mine)) {
      settle({ state: "delivered", data: delivered.get(mine) });
    } else if (message.type === "changed") {
      const failed = (await outbox.list()).find((e) => e.id === mine && e.state === "failed");
      if (failed) settle({ state: "failed", error: failed.error, fields: failed.fields, id: mine });
    }
  });
  const entry = await outbox.enqueue({ method, url, body, label });
  mine = entry.id;
  if (delivered.has(mine)) settle({ state: "delivered", data: delivered.get(mine) });
  const timer = setTimeout(() => settle({ state: "queued" }), isOnline() ? WAIT_MS : 0);
  const result = await outcome;
  clearTimeout(timer);
  stop();
  return result;
}

/** send() for a form: its button off meanwhile, a refusal shown at the top of the form. */
export async function sendForm(form, button, request) {
  button.disabled = true;
  const result = await send(request).finally(() => { button.disabled = false; });
  if (result.state === "failed") showOnTop(form, result.error);
  return result;
}

/**
 * sendForm() for a form that shows a refusal by its fields (`names`: API field -> control, as
 * showFieldErrors takes): the entry leaves the outbox, since the form now says what to fix;
 * what fits no field is shown at the top.
 */
export async function sendByFields(form, button, request, { names = {} } = {}) {
  button.disabled = true;
  const result = await send(request).finally(() => { button.disabled = false; });
  if (result.state === "failed") {
    await outbox.discard(result.id);
    showFieldErrors(form, result.fields, { names });
    if (!form.querySelector("[aria-invalid=true]")) showOnTop(form, result.error);
  }
  return result;
}

function showOnTop(form, error) {
  const alert = form.querySelector(".form-error");
  alert.textContent = error || t("error.generic");
  alert.hidden = false;
}
