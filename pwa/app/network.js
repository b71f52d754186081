// Whether the server can be reached: the browser's own flag, corrected by what requests see
// (a phone "on wifi" at a building entrance often reaches nothing).

// Set by the service worker on an API answer it served from its cache: the network failed.
export const SAVED_HEADER = "Together-Saved";

let online = navigator.onLine;
const listeners = new Set();

export const isOnline = () => online;

/** Called with what a request found out; listeners hear only changes. */
export function reportOnline(value) {
  if (value === online) return;
  online = value;
  for (const listener of listeners) listener(online);
}

/** Calls listener(online) on every change; returns a function that stops it. */
export function onNetworkChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

addEventListener("online", () => reportOnline(true));
addEventListener("offline", () => reportOnline(false));
