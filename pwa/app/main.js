// App entry: language, session and a tiny router that swaps one view into #app.

import { get } from "./api.js";
import { h, logo } from "./dom.js";
import { lang, t } from "./i18n.js";
import { showError } from "./toast.js";
import * as home from "./views/home.js";
import * as signin from "./views/signin.js";

// path -> view module; `public` views are the ones reachable without signing in.
const ROUTES = {
  "/": { view: home },
  "/signin": { view: signin, public: true },
};

const root = document.getElementById("app");
let user; // undefined: not asked yet; null: signed out; else the profile from /api/me
let rendering = 0;

const ctx = {
  get user() {
    return user;
  },
  navigate,
  signedIn(profile) {
    user = profile;
    navigate("/", { replace: true });
  },
  signedOut() {
    user = null;
    navigate("/signin", { replace: true });
  },
};

export function navigate(path, { replace = false } = {}) {
  if (path !== location.pathname + location.search) {
    history[replace ? "replaceState" : "pushState"](null, "", path);
  }
  render();
}

async function currentUser() {
  if (user === undefined) {
    try {
      user = await get("/api/me");
    } catch (error) {
      if (error.status !== 401) throw error;
      user = null;
    }
  }
  return user;
}

async function render() {
  const ticket = ++rendering; // a newer navigation wins over a slow older one
  const route = ROUTES[location.pathname];
  if (!route) return navigate("/", { replace: true });
  try {
    const signedIn = Boolean(await currentUser());
    if (ticket !== rendering) return;
    if (!route.public && !signedIn) return navigate("/signin", { replace: true });
    if (location.pathname === "/signin" && signedIn) return navigate("/", { replace: true });
    const view = route.view.render(ctx);
    root.replaceChildren(view);
    document.title = route.view.title ? `${route.view.title(ctx)} · ${t("app.name")}` : t("app.name");
    // Move focus to the new heading so screen readers announce the page change.
    const heading = view.querySelector("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  } catch (error) {
    showError(error);
    if (ticket === rendering) root.replaceChildren(failed(error));
  }
}

/** What the screen shows when the app could not start, e.g. offline on first open. */
function failed(error) {
  return h("section", { class: "screen screen-center" },
    logo(64),
    h("h1", { class: "title" }, t("app.name")),
    h("p", { class: "lead" }, error.message || t("error.generic")),
    h("button", { type: "button", class: "btn btn-primary", onclick: () => render() },
      t("app.retry")));
}

function boot() {
  document.documentElement.lang = lang;
  window.addEventListener("popstate", render);
  window.addEventListener("together:unauthorized", () => {
    if (user) ctx.signedOut();
  });
  // In-app links (<a data-link href="/...">) change the route without reloading.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-link]");
    if (!link || event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.getAttribute("href"));
  });
  // Nothing fails silently: an error no view caught still reaches the person.
  window.addEventListener("unhandledrejection", (event) => showError(event.reason));
  window.addEventListener("error", (event) => showError(event.error));
  render();
}

boot();
