// The page's side of the service worker: registers it and tells the person the two things
// they need to know — "ready to work offline" (first install) and "update available".

import { t } from "./i18n.js";
import { showError, toast } from "./toast.js";

let registration = null;
let reloading = false;
let firstInstall = false;

/** Registers the worker. uncontrolledAtStart: no worker controlled the page when it started
 * (main.js notes it then; this module loads after the first screen, when one may have). */
export async function registerServiceWorker({ uncontrolledAtStart }) {
  if (!("serviceWorker" in navigator)) return;
  firstInstall = uncontrolledAtStart;
  navigator.serviceWorker.addEventListener("controllerchange", controllerChanged);
  if (firstInstall && navigator.serviceWorker.controller) controllerChanged(); // before we listened
  await register();
  await claimIfMissed();
}

function controllerChanged() {
  // A waiting worker took over because the person chose "Reload": show the new version.
  if (reloading) return location.reload();
  if (!firstInstall) return;
  // The first worker claimed this page: from now on it opens offline.
  firstInstall = false;
  toast(t("sw.ready"));
  // What the page read before the worker ran was not kept: read it again, through it.
  dispatchEvent(new CustomEvent("together:offline-ready"));
}

/** Asks the active worker to take this page if its own claim missed it.
 *
 * A page whose navigation began while the first worker was activating is created after that
 * worker's clients.claim() ran, so nothing would ever control it: signing in and going
 * offline at once would then lose the app. A hard reload leaves a page uncontrolled too.
 */
async function claimIfMissed() {
  if (!registration) return;
  const ready = await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) ready.active?.postMessage({ type: "CLAIM" });
}

async function register() {
  try {
    registration = await navigator.serviceWorker.register("/sw.js", { type: "module", scope: "/",
      updateViaCache: "none" });
  } catch (error) {
    // The network went before the worker was installed (its script or one of its modules did
    // not arrive): nothing is wrong with the app. Try again when the network is back.
    if (error.name !== "TypeError") throw error;
    console.warn("service worker not installed yet; trying again when online", error);
    addEventListener("online", () => register().catch(showError), { once: true });
    return;
  }
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  follow(registration.installing);
  registration.addEventListener("updatefound", () => follow(registration.installing));
}

const followed = new WeakSet();

/** Watches a new worker: once installed next to a running one, it is an update. */
function follow(worker) {
  if (!worker || followed.has(worker)) return;
  followed.add(worker);
  worker.addEventListener("statechange", () => {
    if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
  });
}

/** Offers a waiting update again (after the language changed, say). */
export function offerWaitingUpdate() {
  if (registration?.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
}

function offerUpdate(worker) {
  toast(t("sw.update"), { action: { label: t("sw.reload"), run: () => {
    reloading = true;
    worker.postMessage({ type: "SKIP_WAITING" });
  } } });
}

/** Asks the server for a newer sw.js (on refresh, and when the app returns to the front);
 * true if one is on its way (its "Update available" follows). */
export async function checkForUpdate() {
  try {
    await registration?.update();
  } catch (error) {
    console.warn("could not check for an app update (offline?)", error);
  }
  return Boolean(registration?.installing || registration?.waiting);
}

/** True once a service worker controls this page: the shell then opens offline. */
export const worksOffline = () => Boolean(navigator.serviceWorker?.controller);
