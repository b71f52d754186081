// Home: what is new today — a greeting, the date, and a card for each thing that matters.

import { h, live } from "../dom.js";
import { formatDate, t } from "../i18n.js";
import { icon } from "../icons.js";
import { dismiss, dismissed, installOffer, onInstallChange, promptInstall } from "../install.js";
import { todayCard } from "./feed.js";

export const title = () => t("nav.home");

export function render(ctx) {
  const user = ctx.user;
  const install = h("div", { class: "install-slot" });
  const showInstall = () => install.replaceChildren(...[installCard()].filter(Boolean));
  live(install, onInstallChange, showInstall);
  showInstall();

  return h("div", { class: "page page-home" },
    h("div", { class: "greeting" },
      h("p", { class: "overline" }, formatDate(new Date())),
      h("h1", { class: "title title-xl" }, t("home.hello", { name: user.name })),
      h("p", { class: "lead" }, t("home.lead"))),
    install,
    todayCard(feature("news", "/news", t("home.news.text", { unit: user.business_unit }))),
    feature("pass", "/pass", t("home.pass.text")),
    feature("notes", "/notes", t("home.notes.text")));
}

/** A card for one part of the app; the whole card is one big link to it. */
function feature(name, href, text) {
  return h("article", { class: `card feature feature-${name}`, "aria-labelledby": `home-${name}` },
    h("div", { class: "feature-head" },
      h("span", { class: "feature-icon" }, icon(name, 24)),
      h("h2", { id: `home-${name}`, class: "feature-title" }, t(`home.${name}.title`))),
    h("p", { class: "feature-text" }, text),
    h("a", { href, "data-link": true, class: "feature-link" },
      t(`home.${name}.action`), icon("chevron", 20)));
}

function installCard() {
  const offer = installOffer();
  if (!offer || dismissed()) return null;
  const ios = offer === "ios";
  return h("aside", { class: "card install", "aria-labelledby": "install-title" },
    h("span", { class: "install-icon" }, icon(ios ? "share" : "phone", 24)),
    h("div", { class: "install-body" },
      h("h2", { id: "install-title", class: "install-title" },
        t(ios ? "install.iosTitle" : "install.title")),
      h("p", { class: "install-text" }, t(ios ? "install.iosText" : "install.text")),
      h("div", { class: "install-actions" },
        !ios && h("button", { type: "button", class: "btn btn-primary btn-small",
          onclick: promptInstall }, t("install.action")),
        h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: dismiss },
          t("install.dismiss")))));
}
