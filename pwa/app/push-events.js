// The service worker's side of push: every push shows a notification (a silent one would get
// the subscription revoked on iOS), open pages hear of it (the bell's count), and the server
// learns it was received; a tap on it is reported as opened, marks it read, and opens its link
// in the app. Reports go through the outbox, so they arrive even when the phone was offline.
// A check-in's push carries answer buttons ("actions"): a tap on one sends the answer from here,
// through the outbox too; "I need help" also opens the check-in, for a note.

import { fetchJson } from "./api.js";
import { inApp } from "./links.js";
import { enqueue, flush, SYNC_TAG } from "./outbox.js";

const FALLBACK = { title: "Together", body: "", link: "/inbox" };
const ANSWERS = ["safe", "need_help", "not_affected"]; // a check-in's notification buttons

/** The `push` event's work: show, tell the pages, report "received". */
export async function received(data) {
  const message = { ...FALLBACK, ...payload(data) };
  await self.registration.showNotification(message.title, {
    body: message.body,
    tag: message.id, // a second push of the same notification replaces the first
    lang: message.lang,
    icon: "/icons/icon.svg",
    requireInteraction: Boolean(message.must_acknowledge || message.checkin),
    actions: actionsOf(message),
    data: { id: message.id ?? null, link: inApp(message.link) ?? "/inbox",
      checkin: message.checkin ?? null },
  });
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const page of pages) page.postMessage({ type: "push", id: message.id ?? null });
  if (message.id) await report(message.id, "received");
  await updateBadge();
}

/** The `notificationclick` event's work: report "opened", mark read, open the link. A check-in's
 * answer button (`action`) keeps the answer first; only "I need help" opens the app (for a note). */
export async function opened(notification, action = "") {
  notification.close();
  const { id, link, checkin } = notification.data ?? {};
  const answering = Boolean(checkin) && ANSWERS.includes(action);
  if (answering) await keepAnswer(checkin, action);
  if (!answering) await show(inApp(link) ?? "/inbox"); // anything but a path in the app: the inbox
  if (action === "need_help") await show(`/checkins/${encodeURIComponent(checkin)}?help=1`);
  if (answering) await sendNow();
  await read(id);
}

/** Focuses the app's window on a path, or opens one: the browser allows it only soon after the
 * tap, so nothing slow comes before it. */
async function show(target) {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const page = pages.find((client) => new URL(client.url).origin === location.origin);
  if (page) {
    page.postMessage({ type: "open", link: target });
    // Allowed only while handling a real tap: the page goes to the link even if it stays behind.
    await page.focus().catch((error) => console.warn("could not focus the app's window", error));
  } else {
    await self.clients.openWindow(target);
  }
}

async function read(id) {
  if (!id) return;
  await enqueue({ url: `/api/inbox/${encodeURIComponent(id)}/read`, label: "outbox.inboxRead" });
  await report(id, "opened");
}

/** The buttons a check-in's push asks for (answers only), titled in the person's language. */
function actionsOf(message) {
  if (!message.checkin || !Array.isArray(message.actions)) return [];
  return message.actions.filter((a) => ANSWERS.includes(a?.action) && typeof a.title === "string")
    .map(({ action, title }) => ({ action, title }));
}

/** A check-in answered from its notification: kept in the outbox (one Idempotency-Key), so it
 * arrives once even when the phone is offline now; the server counts one answer per person. */
async function keepAnswer(checkin, kind) {
  await enqueue({ url: `/api/checkins/${encodeURIComponent(checkin)}/answers`,
    body: { answer: kind, note: "", channel: "notification" }, label: "outbox.checkinAnswer" });
}

function payload(data) {
  if (!data) return {};
  try {
    return data.json();
  } catch (error) {
    console.warn("push payload is not JSON; shown as text", error);
    return { body: data.text() };
  }
}

/** The app icon's badge (Badging API, where there is one) while no page may be open. */
async function updateBadge() {
  if (!("setAppBadge" in navigator)) return;
  try {
    const { unread } = await fetchJson("/api/inbox");
    await navigator.setAppBadge(unread);
  } catch (error) {
    console.warn("app badge not updated (offline?); the app sets it when it next opens", error);
  }
}

async function report(id, kind) {
  await enqueue({ url: `/api/notifications/${encodeURIComponent(id)}/events`, body: { kind },
    label: `outbox.push.${kind}` });
  await sendNow();
}

async function sendNow() {
  const result = await flush();
  // Offline: Background Sync sends it later (the page does too, when it next opens).
  if (result.waiting) await self.registration.sync?.register(SYNC_TAG);
}
