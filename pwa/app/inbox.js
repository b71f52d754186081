// The inbox's unread count, for the bell in the app bar and the app's badge (Badging API, where
// there is one): asked from GET /api/inbox on start, when the app returns to the front, when
// the service worker says a notification came, and after something was read.

import { get } from "./api.js";
import * as outbox from "./outbox.js";

let unread = 0;
let available = true; // false on a server without the inbox (one older than the phone's code)
let started = false;
const listeners = new Set();

export const unreadNow = () => unread;
export const inboxAvailable = () => available;

/** listener(count) on every change; returns the function that stops it. */
export function onUnread(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The inbox's first page (and its count), or null offline with nothing saved (or with no
 * inbox on this server). */
export async function loadInbox(cursor = null) {
  try {
    const page = await get(`/api/inbox${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
    if (!cursor) setUnread(page.unread - (await pendingReads(page.items)).size);
    return page;
  } catch (error) {
    if (error.offline) return null;
    if (error.status !== 404) throw error;
    console.warn("this server has no inbox: the bell stays hidden", error);
    available = false;
    setUnread(0);
    return null;
  }
}

/** Ids read or acknowledged on this phone whose news has not reached the server yet. */
export async function pendingReads(items) {
  const urls = new Set((await outbox.list()).filter((e) => e.state === "waiting").map((e) => e.url));
  return new Set(items.filter((item) => !item.read_at && (urls.has(readUrl(item.id))
    || urls.has(acknowledgeUrl(item.id)))).map((item) => item.id));
}

export const readUrl = (id) => `/api/inbox/${encodeURIComponent(id)}/read`;
export const acknowledgeUrl = (id) => `/api/inbox/${encodeURIComponent(id)}/acknowledge`;

/** Marks an item read, through the outbox (so it works offline); the count drops at once. */
export async function markRead(item) {
  if (item.read_at) return;
  item.read_at = new Date().toISOString();
  setUnread(unread - 1);
  await outbox.enqueue({ url: readUrl(item.id), label: "outbox.inboxRead" });
}

export function setUnread(count) {
  unread = Math.max(0, count || 0);
  if ("setAppBadge" in navigator) {
    const badge = unread ? navigator.setAppBadge(unread) : navigator.clearAppBadge();
    badge.catch((error) => console.warn("app badge not set", error));
  }
  for (const listener of listeners) listener(unread);
}

/** Keeps the count fresh from now on (once; the shell calls it). */
export function startUnread(onError) {
  if (started) return;
  started = true;
  const refresh = () => loadInbox().catch(onError);
  addEventListener("focus", refresh);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") refresh();
  });
  navigator.serviceWorker?.addEventListener("message", (event) => {
    if (event.data?.type === "push") refresh();
  });
  // Read elsewhere (a tapped notification, in the service worker; another tab): count again.
  outbox.subscribe((message) => {
    const url = message.entry?.url ?? "";
    if (url.startsWith("/api/inbox/") && ["queued", "delivered"].includes(message.type)) refresh();
  });
  refresh();
}
