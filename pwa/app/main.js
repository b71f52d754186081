// App entry: the session, the language, and a small router that shows one view at a time
// inside the shell. Offline, the service worker serves all of this from its cache.
// Only what the sign-in screen needs is imported here; the rest comes when it is first used
// (a signed-in person's shell, outbox and delivery; the service worker after the first screen).

import { get } from "./api.js";
import { h, logo } from "./dom.js";
import { lang, loadLanguage, setLanguage, t } from "./i18n.js";
import { isOnline } from "./network.js";
import { allowed, load, routeAt } from "./routes.js";
import { clearToasts, showError, toast } from "./toast.js";

const outboxModule = () => load("/app/outbox.js");
const cachesModule = () => load("/app/caches.js");
const swClient = () => load("/app/sw-client.js");
// Whether this page began without a service worker: then what it reads before one takes over
// is not kept for offline, and is read again once one does (sw-client.js).
const uncontrolledAtStart = !navigator.serviceWorker?.controller;

const root = document.getElementById("app");
let user; // undefined: not asked yet; null: signed out; else the profile from /api/me
let shell = null; // built on the first signed-in screen, rebuilt when the language changes
let rendering = 0;
let shownPath = null; // the path of the screen on show, to tell a new screen from a #jump
let shown;
const firstScreen = new Promise((resolve) => {
  shown = resolve;
});

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
    await (await outboxModule()).setOwner(profile.id); // before anything is sent as this person
    await (await cachesModule()).rememberAnswer("/api/me", profile); // opens offline from now on
    await useLanguageOf(profile);
    navigate("/", { replace: true });
  },
  signedOut() {
    user = null;
    outboxModule().then((outbox) => outbox.setOwner(null)).catch(showError);
    shell = null;
    navigate("/signin", { replace: true });
  },
  async chooseLanguage(code) {
    await (await load("/app/preferences.js")).chooseLanguage(code);
    shell = null;
    clearToasts();
    (await swClient()).offerWaitingUpdate();
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
    const { deliverNow } = await load("/app/delivery.js");
    const { checkForUpdate } = await swClient();
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
      await (await outboxModule()).setOwner(user.id);
      await useLanguageOf(user);
    } catch (error) {
      if (error.status !== 401) throw error;
      user = null;
      // A session ended: nobody's writes go out under the next (once the sign-in screen
      // shows; until someone signs in, nothing is sent anyway).
      firstScreen.then(outboxModule).then((outbox) => outbox.setOwner(null)).catch(showError);
    }
  }
  return user;
}

async function useLanguageOf(profile) {
  const wanted = await (await load("/app/preferences.js")).languageFor(profile);
  if (wanted !== lang) {
    await setLanguage(wanted);
    shell = null;
  }
}

async function render() {
  const ticket = ++rendering; // a newer navigation wins over a slow older one
  const route = routeAt(location.pathname);
  if (!route) return navigate("/", { replace: true });
  try {
    const signedIn = Boolean(await currentUser());
    if (ticket !== rendering) return;
    if (!route.public && !signedIn) return navigate("/signin", { replace: true });
    if (route.public && !route.anyone && signedIn) return navigate("/", { replace: true });
    if (!allowed(route, user)) return navigate("/more", { replace: true });
    const [view, createShell] = await Promise.all([load(route.view), signedIn && shellMaker()]);
    if (ticket !== rendering) return;
    show(route, view, createShell);
  } catch (error) {
    showError(error);
    if (ticket === rendering) root.replaceChildren(failed(error));
  }
}

/** What a signed-in screen needs besides its view: the shell, its stylesheets, delivery. */
async function shellMaker() {
  const [{ createShell }, { loadScreenStyles }, { startDelivery }] = await Promise.all([
    load("/app/shell.js"), load("/app/ui/styles.js"), load("/app/delivery.js")]);
  await loadScreenStyles();
  startDelivery(); // once; writes from the outbox go out only for a signed-in person
  return createShell;
}

function show(route, view, createShell) {
  shownPath = location.pathname + location.search;
  const nodes = view.render(ctx);
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
  document.title = `${view.title(ctx)} · ${t("app.name")}`;
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

async function whenDelivered(message) {
  if (message.type !== "delivered") return;
  const { entry, data } = message;
  if (entry.method === "PATCH" && entry.url === "/api/me" && data && user) user = data;
  // Immediate sends need no news; something that waited for the network does.
  if (Date.now() - entry.createdAt > 5000) {
    const { labelOf } = await load("/app/ui/outbox-list.js");
    toast(t("outbox.delivered", { label: labelOf(entry) }));
  }
}

const AT_MOST_MS = 2000;

/** Once the first screen shows: the service worker (then it precaches the rest), and news of
 * the outbox's deliveries. After AT_MOST_MS anyway: a profile that is slow to come must not
 * keep the app from being saved for offline. */
async function afterFirstScreen() {
  if (document.readyState !== "complete") {
    await new Promise((resolve) => addEventListener("load", resolve, { once: true }));
  }
  await Promise.race([firstScreen, new Promise((resolve) => setTimeout(resolve, AT_MOST_MS))]);
  (await outboxModule()).subscribe((message) => whenDelivered(message).catch(showError));
  const { checkForUpdate, registerServiceWorker } = await swClient();
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") checkForUpdate();
  });
  await registerServiceWorker({ uncontrolledAtStart });
  // A rotated push subscription is never lost: the current one is sent again on each start.
  // Offline before the worker saved push.js, it waits for the next start: nothing to show.
  if (user) {
    load("/app/push.js").then((push) => push.resendSubscription().catch(showError), (error) => {
      console.warn("push subscription not re-sent; the next start tries again", error);
    });
  }
}

async function boot() {
  document.documentElement.lang = lang;
  window.addEventListener("popstate", () => {
    // A jump within the page (the skip link's #main) is not a new screen.
    if (location.pathname + location.search !== shownPath) render();
  });
  window.addEventListener("together:unauthorized", async () => {
    if (!user) return; // not signed in yet: currentUser() handles its own 401
    await (await outboxModule()).setOwner(null);
    await (await cachesModule()).forgetPersonalData();
    ctx.signedOut();
  });
  // In-app links (<a data-link href="/...">) change the route without reloading.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-link]");
    if (!link || event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.getAttribute("href"));
  });
  // A tapped notification, in a window that was already open: its link, inside the app.
  navigator.serviceWorker?.addEventListener("message", (event) => {
    if (event.data?.type === "open" && user) navigate(event.data.link);
  });
  window.addEventListener("together:offline-ready", () => {
    // Read the profile again, through the worker, so it is kept for offline. Also while the
    // first answer is still on its way: that one went around the worker and is not kept.
    if (user === null) return;
    get("/api/me").catch((error) => {
      if (error.status !== 401) showError(error);
    });
  });
  // Nothing fails silently: an error no view caught still reaches the person.
  window.addEventListener("unhandledrejection", (event) => showError(event.reason));
  window.addEventListener("error", (event) => showError(event.error));
  afterFirstScreen().catch(showError);
  try {
    await loadLanguage(lang);
  } catch (error) {
    // Offline on a first visit: the screen below says so (in English, the only words we have).
    console.warn("could not load the language", error);
  }
  await render();
  shown();
}

boot();
