// When the page sends the outbox: as soon as something is queued, when the network returns,
// when the app comes back to the front, on a timer for retries, and through Background Sync
// (the service worker sends it even if the app is closed) where the browser has it.

import { onNetworkChange, reportOnline } from "./network.js";
import * as outbox from "./outbox.js";

// Set while a story recorded on this phone waits to be sent (video/story-share.js): those are
// sent from whatever screen is open, and their module is loaded only when one waits.
export const STORIES_WAITING = "together.storiesWaiting";
let timer = 0;
let started = false;

export function startDelivery() {
  if (started) return;
  started = true;
  outbox.subscribe((message) => {
    if (message.type === "queued" || message.type === "owner") queued();
  });
  addEventListener("online", () => deliverNow({ force: true }));
  addEventListener("online", sendStories);
  // The server answered again after failed requests (network.js probes): send what waits.
  onNetworkChange((online) => online && (deliverNow({ force: true }), sendStories()));
  addEventListener("focus", () => deliverNow());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") deliverNow();
  });
  deliverNow({ force: true }); // what an earlier visit left behind
  sendStories();
}

function sendStories() {
  if (!localStorage.getItem(STORIES_WAITING)) return;
  import("./video/story-share.js").then((share) => share.sendWaiting()).catch((error) => {
    console.warn("stories kept on this phone are sent on the next start", error);
  });
}

async function queued() {
  await registerSync();
  await deliverNow({ force: true });
}

async function registerSync() {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration?.sync) return; // no Background Sync here: the events above do the work
  try {
    await registration.sync.register(outbox.SYNC_TAG);
  } catch (error) {
    console.warn("Background Sync unavailable; sending from the page instead", error);
  }
}

/** Sends what is due now (force: everything waiting); then plans the next retry. */
export async function deliverNow({ force = false } = {}) {
  clearTimeout(timer);
  if (!navigator.onLine) return; // the `online` event brings us back
  const report = await outbox.flush({ force });
  if (report.offline) reportOnline(false);
  else if (report.delivered) reportOnline(true);
  const due = (await outbox.list())
    .filter((entry) => entry.state === "waiting" && entry.nextAttemptAt)
    .map((entry) => entry.nextAttemptAt);
  if (due.length && !report.signedOut) {
    timer = setTimeout(deliverNow, Math.max(1000, Math.min(...due) - Date.now()));
  }
}
