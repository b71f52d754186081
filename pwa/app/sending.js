// A write a screen waits for: sent through the outbox (kept on the phone when offline, one
// Idempotency-Key on every attempt), and the screen told how it ended or that it is kept.

import { t } from "./i18n.js";
import { isOnline } from "./network.js";
import * as outbox from "./outbox.js";

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
  if (result.state === "failed") {
    const alert = form.querySelector(".form-error");
    alert.textContent = result.error || t("error.generic");
    alert.hidden = false;
  }
  return result;
}
