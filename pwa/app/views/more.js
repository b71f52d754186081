// More: the person's profile, what the company offers them (supplies), their role tools, what waits to be sent, notification settings,
// language, sign out.

import { post } from "../api.js";
import { forgetPersonalData } from "../caches.js";
import { h, live } from "../dom.js";
import { lang, LANGUAGE_NAMES, LANGUAGES, t } from "../i18n.js";
import { icon } from "../icons.js";
import { installOffer, onInstallChange, promptInstall } from "../install.js";
import * as outbox from "../outbox.js";
import { pushState } from "../push.js";
import { worksOffline } from "../sw-client.js";
import { showError } from "../toast.js";
import { toolsFor } from "../tools.js";
import { avatar } from "../ui/avatar.js";
import { outboxSection } from "../ui/outbox-list.js";
import { forgetUploads } from "../video/uploader.js";

export const title = () => t("more.title");

export function render(ctx) {
  const tools = toolsFor(ctx.user);
  return h("div", { class: "page page-more" },
    h("h1", { class: "page-title" }, t("more.title")),
    profile(ctx.user),
    services(),
    tools.length > 0 && h("section", { class: "section", "aria-labelledby": "tools-title" },
      h("h2", { id: "tools-title", class: "section-title" }, t("more.tools")),
      h("ul", { class: "card list" }, tools.map((tool) => h("li", {},
        h("a", { href: tool.path, "data-link": true, class: "row row-link" },
          h("span", { class: "row-icon" }, icon(tool.icon, 22)),
          h("span", { class: "row-title" }, t(`tools.${tool.id}.title`)),
          icon("chevron", 20)))))),
    outboxSection(),
    settings(),
    language(ctx),
    thisApp(),
    signOut(ctx));
}

function profile(user) {
  const details = [["more.unit", user.business_unit], ["more.department", user.department],
    ["more.site", user.site]].filter(([, value]) => value);
  return h("section", { class: "card profile", "aria-labelledby": "profile-name" },
    h("div", { class: "profile-head" },
      avatar(user, 56),
      h("div", {},
        h("h2", { id: "profile-name", class: "profile-name" }, user.name),
        h("p", { class: "profile-email" }, user.email))),
    h("dl", { class: "details" }, details.map(([key, value]) => h("div", { class: "detail" },
      h("dt", {}, t(key)),
      h("dd", {}, value)))));
}

/** What the company offers each person here: supplies, live events, the tips library. */
function services() {
  const row = (href, iconName, title, meta) => h("li", {}, h("a", { href, "data-link": true, class: "row row-link" },
    h("span", { class: "row-icon" }, icon(iconName, 22)),
    h("span", { class: "row-body" }, h("span", { class: "row-title" }, t(title)),
      h("span", { class: "row-meta" }, t(meta))),
    icon("chevron", 20)));
  return h("section", { class: "section", "aria-labelledby": "services-title" },
    h("h2", { id: "services-title", class: "section-title" }, t("more.services")),
    h("ul", { class: "card list more-services" }, row("/supplies", "box", "supplies.title", "supplies.moreHint"),
      row("/events", "video", "events.title", "events.lead"), row("/tips", "pin", "tips.title", "tips.lead")));
}

function settings() {
  const meta = h("span", { class: "row-meta" });
  pushState().then((state) => { meta.textContent = t(`push.state.${state}`); }).catch(showError);
  return h("section", { class: "section", "aria-labelledby": "settings-title" },
    h("h2", { id: "settings-title", class: "section-title" }, t("more.settings")),
    h("ul", { class: "card list" }, h("li", {},
      h("a", { href: "/more/notifications", "data-link": true, class: "row row-link" },
        h("span", { class: "row-icon" }, icon("bell", 22)),
        h("span", { class: "row-body" }, h("span", { class: "row-title" }, t("push.settings")), meta),
        icon("chevron", 20)))));
}

function language(ctx) {
  const choices = LANGUAGES.map((code) => h("label", { class: "choice", lang: code },
    h("input", { type: "radio", name: "language", value: code, checked: code === lang,
      onchange: () => ctx.chooseLanguage(code) }),
    h("span", {}, LANGUAGE_NAMES[code])));
  return h("section", { class: "section" },
    h("fieldset", { class: "choices" },
      h("legend", { class: "section-title" }, icon("globe", 18), t("more.language")),
      h("div", { class: "card segmented" }, choices)));
}

function thisApp() {
  const list = h("ul", { class: "card list" });
  const update = () => {
    const ready = worksOffline();
    list.replaceChildren(...[
      installOffer() === "prompt" && h("li", {},
        h("button", { type: "button", class: "row row-link", onclick: promptInstall },
          h("span", { class: "row-icon" }, icon("install", 22)),
          h("span", { class: "row-title" }, t("more.install")))),
      h("li", { class: "row" },
        h("span", { class: `row-icon ${ready ? "is-ok" : ""}` }, icon(ready ? "check" : "clock", 22)),
        h("span", { class: "row-title" }, t(ready ? "more.offlineReady" : "more.offlineNotReady"))),
    ].filter(Boolean));
  };
  update();
  live(list, onInstallChange, update);
  live(list, (listener) => {
    navigator.serviceWorker?.addEventListener("controllerchange", listener);
    return () => navigator.serviceWorker?.removeEventListener("controllerchange", listener);
  }, update);
  return h("section", { class: "section", "aria-labelledby": "app-title" },
    h("h2", { id: "app-title", class: "section-title" }, t("more.app")), list);
}

function signOut(ctx) {
  const button = h("button", { type: "button", class: "btn btn-secondary", onclick: async () => {
    const unsent = (await outbox.list()).length;
    if (unsent && !confirm(t("more.signoutWaiting", { count: unsent }))) return;
    button.disabled = true;
    try {
      await post("/api/auth/signout");
      // This phone may be shared: nothing of this person's stays behind.
      await Promise.all([outbox.clear(), forgetPersonalData(), forgetUploads()]);
      ctx.signedOut();
    } catch (error) {
      showError(error);
      button.disabled = false;
    }
  } }, icon("signout", 20), t("more.signout"));
  return h("div", { class: "actions" }, button);
}
