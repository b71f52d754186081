// Whether the server can be reached: the browser's own flag, corrected by what requests see
// (a phone "on wifi" at a building entrance often reaches nothing).

// Set by the service worker on an API answer it served from its cache: the network failed.
export const SAVED_HEADER = "Together-Saved";

// While a failed request says "offline" but the browser says online (wifi that reaches nothing
// yet, a connection still coming back), no `online` event will ever come: ask the server now and
// then, so the app and what waits on it (the outbox, the pass) come back by themselves.
const PROBE_MS = [1000, 2000, 4000, 8000, 15000, 30000];
const PROBE_TIMEOUT_MS = 10000;

let online = navigator.onLine;
let probes = 0;
let probeTimer = 0;
const listeners = new Set();

export const isOnline = () => online;

/** Called with what a request found out; listeners hear only changes. */
export function reportOnline(value) {
  if (value === online) return;
  online = value;
  probes = 0;
  planProbe();
  for (const listener of listeners) listener(online);
}

function planProbe() {
  clearTimeout(probeTimer);
  if (online || !navigator.onLine) return; // the browser's `online` event brings us back
  probeTimer = setTimeout(probe, PROBE_MS[Math.min(probes, PROBE_MS.length - 1)]);
}

async function probe() {
  probes += 1;
  const reached = await fetch("/api/healthz", { cache: "no-store",
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
    .then((response) => response.ok && !response.headers.has(SAVED_HEADER),
      () => false); // no answer (or a saved one): still unreachable, ask again later
  if (reached) reportOnline(true);
  else planProbe();
}

/** Calls listener(online) on every change; returns a function that stops it. */
export function onNetworkChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

addEventListener("online", () => reportOnline(true));
addEventListener("offline", () => reportOnline(false));
