// Installing the app: the browser's own prompt where it offers one (beforeinstallprompt), and
// a short "Add to Home Screen" hint on iPhone and iPad, where push and wake lock need it.

const DISMISSED = "together.install.dismissed";
let deferred = null; // the browser's prompt, kept for when the person asks
const listeners = new Set();

addEventListener("beforeinstallprompt", (event) => {
  event.preventDefault(); // we offer it in context (Home, More) rather than at once
  deferred = event;
  changed();
});
addEventListener("appinstalled", () => {
  deferred = null;
  changed();
});

/** Opened from the Home Screen (or as an installed app). */
export function isStandalone() {
  return matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
}

export function isIos() {
  // iPadOS reports itself as a Mac; touch points tell them apart.
  return /iPhone|iPad|iPod/.test(navigator.userAgent)
    || (/Macintosh/.test(navigator.userAgent) && navigator.maxTouchPoints > 1);
}

/** "prompt" (we can show the browser's dialog), "ios" (explain the steps) or null. */
export function installOffer() {
  if (isStandalone()) return null;
  if (deferred) return "prompt";
  return isIos() ? "ios" : null;
}

export const dismissed = () => localStorage.getItem(DISMISSED) === "1";

export function dismiss() {
  localStorage.setItem(DISMISSED, "1");
  changed();
}

/** Shows the browser's install dialog; true if the person accepted. */
export async function promptInstall() {
  if (!deferred) return false;
  const event = deferred;
  deferred = null;
  await event.prompt();
  const choice = await event.userChoice;
  changed();
  return choice.outcome === "accepted";
}

export function onInstallChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed() {
  for (const listener of listeners) listener(installOffer());
}
