// The service worker's side of push: every push shows a notification (a silent one would get
// the subscription revoked on iOS), open pages hear of it (the bell's count), and the server
// learns it was received; a tap on it is reported as opened, marks it read, and opens its link
// in the app. Reports go through the outbox, so they arrive even when the phone was offline.

import { fetchJson } from "./api.js";
import { inApp } from "./links.js";
import { enqueue, flush, SYNC_TAG } from "./outbox.js";

const FALLBACK = { title: "Together", body: "", link: "/inbox" };

/** The `push` event's work: show, tell the pages, report "received". */
export async function received(data) {
  const message = { ...FALLBACK, ...payload(data) };
  await self.registration.showNotification(message.title, {
    body: message.body,
    tag: message.id, // a second push of the same notification replaces the first
    lang: message.lang,
    icon: "/icons/icon.svg",
    requireInteraction: Boolean(message.must_acknowledge),
    data: { id: message.id ?? null, link: inApp(message.link) ?? "/inbox" },
  });
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const page of pages) page.postMessage({ type: "push", id: message.id ?? null });
  if (message.id) await report(message.id, "received");
  await updateBadge();
}

/** The `notificationclick` event's work: report "opened", mark read, open the link. */
export async function opened(notification) {
  notification.close();
  const { id, link } = notification.data ?? {};
  const target = inApp(link) ?? "/inbox"; // anything but a path in the app opens the inbox
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const page = pages.find((client) => new URL(client.url).origin === location.origin);
  // Focus or open first: the browser allows it only soon after the tap.
  if (page) {
    page.postMessage({ type: "open", link: target });
    // Allowed only while handling a real tap: the page goes to the link even if it stays behind.
    await page.focus().catch((error) => console.warn("could not focus the app's window", error));
  } else {
    await self.clients.openWindow(target);
  }
  if (id) {
    await enqueue({ url: `/api/inbox/${encodeURIComponent(id)}/read`, label: "outbox.inboxRead" });
    await report(id, "opened");
  }
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
  const result = await flush();
  // Offline: Background Sync sends it later (the page does too, when it next opens).
  if (result.waiting) await self.registration.sync?.register(SYNC_TAG);
}
