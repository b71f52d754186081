// App entry: the session, the language, and a small router that shows one view at a time
// inside the shell. Offline, the service worker serves all of this from its cache.

import { get } from "./api.js";
import { forgetPersonalData, rememberAnswer } from "./caches.js";
import { startDelivery, deliverNow } from "./delivery.js";
import { h, logo } from "./dom.js";
import { lang, setLanguage, t } from "./i18n.js";
import { isOnline } from "./network.js";
import * as outbox from "./outbox.js";
import { chooseLanguage, languageFor } from "./preferences.js";
import { allowed, ROUTES } from "./routes.js";
import { createShell } from "./shell.js";
import { checkForUpdate, offerWaitingUpdate, registerServiceWorker } from "./sw-client.js";
import { clearToasts, showError, toast } from "./toast.js";
import { labelOf } from "./ui/outbox-list.js";

const root = document.getElementById("app");
let user; // undefined: not asked yet; null: signed out; else the profile from /api/me
let shell = null; // built on the first signed-in screen, rebuilt when the language changes
let rendering = 0;

const ctx = {
  get user() {
    return user;
  },
  get path() {
    return location.pathname;
  },
  navigate,
  async signedIn(profile) {
    user = profile;
    await outbox.setOwner(profile.id); // before anything is sent under this session
    await rememberAnswer("/api/me", profile); // so the app opens offline from now on
    await useLanguageOf(profile);
    navigate("/", { replace: true });
  },
  signedOut() {
    user = null;
    outbox.setOwner(null).catch(showError);
    shell = null;
    navigate("/signin", { replace: true });
  },
  async chooseLanguage(code) {
    await chooseLanguage(code);
    shell = null;
    clearToasts();
    offerWaitingUpdate();
    render();
  },
  /** The refresh button: fresh profile, outbox sent, a check for a new version. */
  async refresh() {
    const known = user;
    user = undefined;
    const fresh = currentUser().catch((error) => {
      user = known; // keep showing what we had
      showError(error);
    });
    const [, , updating] = await Promise.all([fresh, deliverNow({ force: true }), checkForUpdate()]);
    await render();
    if (!isOnline()) toast(t("offline.saved"));
    else if (!updating) toast(t("shell.refreshed"));
  },
};

export function navigate(path, { replace = false } = {}) {
  if (path !== location.pathname + location.search) {
    history[replace ? "replaceState" : "pushState"](null, "", path);
  }
  return render();
}

async function currentUser() {
  if (user === undefined) {
    try {
      user = await get("/api/me");
      await outbox.setOwner(user.id);
      await useLanguageOf(user);
    } catch (error) {
      if (error.status !== 401) throw error;
      user = null;
      await outbox.setOwner(null); // a session ended: nobody's writes go out under the next
    }
  }
  return user;
}

async function useLanguageOf(profile) {
  const wanted = await languageFor(profile);
  if (wanted !== lang) {
    setLanguage(wanted);
    shell = null;
  }
}

async function render() {
  const ticket = ++rendering; // a newer navigation wins over a slow older one
  const route = ROUTES[location.pathname];
  if (!route) return navigate("/", { replace: true });
  try {
    const signedIn = Boolean(await currentUser());
    if (ticket !== rendering) return;
    if (!route.public && !signedIn) return navigate("/signin", { replace: true });
    if (route.public && signedIn) return navigate("/", { replace: true });
    if (!allowed(route, user)) return navigate("/more", { replace: true });
    show(route);
  } catch (error) {
    showError(error);
    if (ticket === rendering) root.replaceChildren(failed(error));
  }
}

function show(route) {
  const nodes = route.view.render(ctx);
  if (route.public) {
    shell = null;
    root.replaceChildren(h("main", { id: "main", class: "content-public" }, nodes));
  } else {
    if (!shell || !shell.element.isConnected) {
      shell = createShell(ctx);
      root.replaceChildren(shell.element);
    }
    shell.show(route.tab, nodes);
  }
  document.title = `${route.view.title(ctx)} · ${t("app.name")}`;
  // Move focus to the new heading so screen readers announce the page change.
  const heading = root.querySelector("main h1");
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}

/** What the screen shows when the app could not start, e.g. offline on the very first visit. */
function failed(error) {
  return h("main", { class: "screen screen-center" },
    logo(64),
    h("h1", { class: "title" }, t("app.name")),
    h("p", { class: "lead" }, error.message || t("error.generic")),
    h("button", { type: "button", class: "btn btn-primary", onclick: () => render() },
      t("app.retry")));
}

function whenDelivered(message) {
  if (message.type !== "delivered") return;
  const { entry, data } = message;
  if (entry.method === "PATCH" && entry.url === "/api/me" && data && user) user = data;
  // Immediate sends need no news; something that waited for the network does.
  if (Date.now() - entry.createdAt > 5000) toast(t("outbox.delivered", { label: labelOf(entry) }));
}

function boot() {
  document.documentElement.lang = lang;
  window.addEventListener("popstate", render);
  window.addEventListener("together:unauthorized", async () => {
    await outbox.setOwner(null);
    if (!user) return;
    await forgetPersonalData();
    ctx.signedOut();
  });
  // In-app links (<a data-link href="/...">) change the route without reloading.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-link]");
    if (!link || event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.getAttribute("href"));
  });
  window.addEventListener("together:offline-ready", () => {
    // Read the profile again, through the worker, so it is kept for offline. Also while the
    // first answer is still on its way: that one went around the worker and is not kept.
    if (user === null) return;
    get("/api/me").catch((error) => {
      if (error.status !== 401) showError(error);
    });
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") checkForUpdate();
  });
  // Nothing fails silently: an error no view caught still reaches the person.
  window.addEventListener("unhandledrejection", (event) => showError(event.reason));
  window.addEventListener("error", (event) => showError(event.error));
  outbox.subscribe(whenDelivered);
  startDelivery();
  registerServiceWorker().catch(showError);
  render();
}

boot();
