// Push notifications on this phone. Never asked on page load: our own card first ("Turn on
// notifications"), and the browser's question only once the person taps it. "Not now" rests
// the card for 30 days. The subscription is sent again on each start, so a rotated one is
// never lost. On iPhone and iPad, push works only from the Home Screen (iOS 16.4+).

import { ApiError, get, post, request } from "./api.js";
import { t } from "./i18n.js";
import { isIos, isStandalone } from "./install.js";

const DISMISSED = "together.push.dismissed"; // when "Not now" was chosen (ms since the epoch)
const SUBSCRIPTION = "together.push.subscription"; // the server's id for this phone's
const REST_MS = 30 * 24 * 3600 * 1000;

/**
 * Where this phone stands: "on" (subscribed), "off" (can be turned on), "denied" (the person
 * said no in the browser), "ios" (add to the Home Screen first) or "unsupported".
 */
export async function pushState() {
  if (isIos() && !isStandalone()) return "ios";
  if (!("serviceWorker" in navigator) || !("PushManager" in self) || !("Notification" in self)) {
    return "unsupported";
  }
  if (Notification.permission === "denied") return "denied";
  if (Notification.permission !== "granted") return "off";
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ? "on" : "off";
}

/** Whether the card rests after a "Not now" (for 30 days). */
export function resting(now = Date.now()) {
  const at = Number(localStorage.getItem(DISMISSED));
  return Boolean(at) && now - at < REST_MS;
}

export const notNow = () => localStorage.setItem(DISMISSED, String(Date.now()));

/**
 * After the person tapped "Turn on": the browser's question, then a subscription with the
 * server's key, sent to the server. Resolves to the new state; rejects with an ApiError whose
 * message says what went wrong (no push service here, say).
 */
export async function turnOn() {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return permission === "denied" ? "denied" : "off";
  const [registration, { public_key: key }] = await Promise.all([
    navigator.serviceWorker.ready, get("/api/push/key")]);
  let subscription;
  try {
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true,
      applicationServerKey: fromBase64url(key) });
  } catch (error) {
    // No push service reachable (or none at all, as in a headless browser).
    console.warn("push subscription refused", error);
    throw new ApiError(t("push.unavailable"), { code: "push_unavailable" });
  }
  await send(subscription);
  localStorage.removeItem(DISMISSED);
  return "on";
}

/** Stops push on this phone: unsubscribes, and tells the server (the inbox still fills). */
export async function turnOff() {
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  const id = localStorage.getItem(SUBSCRIPTION);
  if (id) await request(`/api/push/subscriptions/${encodeURIComponent(id)}`, { method: "DELETE" });
  localStorage.removeItem(SUBSCRIPTION);
  await subscription?.unsubscribe();
  return "off";
}

/** On each start: the current subscription sent again (the server upserts by endpoint). */
export async function resendSubscription() {
  if (!("serviceWorker" in navigator) || !("PushManager" in self)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  try {
    await send(subscription);
  } catch (error) {
    if (!error.offline) throw error; // offline: the next start sends it
  }
}

async function send(subscription) {
  const { id } = await post("/api/push/subscriptions", subscription.toJSON());
  localStorage.setItem(SUBSCRIPTION, id);
}

function fromBase64url(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
