// Home: what is new today — a greeting, the date, and a card for each thing that matters.

import { get } from "../api.js";
import { h, live } from "../dom.js";
import { formatAgo, formatDate, lang, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { dismiss, dismissed, installOffer, onInstallChange, promptInstall } from "../install.js";
import { showError } from "../toast.js";
import { checkinCard, quietError } from "../ui/checkin-card.js";
import { onNowCard } from "../ui/event-card.js";
import { audienceName, poster, states } from "../ui/news.js";
import { noteCard } from "../ui/note-card.js";
import { pushPrompt } from "../ui/push-card.js";
import { featuredStories } from "../ui/story-featured.js";
import { tipOfTheDay } from "../ui/tip-card.js";

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
    checkins(),
    whenThere("/api/events/now", (page) => page.items.map(onNowCard), "events-now-slot"),
    pushPrompt(),
    install,
    todayCard(feature("news", "/news", t("home.news.text", { unit: user.business_unit }))),
    featuredStories(),
    feature("pass", "/pass", t("home.pass.text")),
    notesCard(),
    whenThere("/api/tips/today", (tip) => [tipOfTheDay(tip)], "tip-today-slot"));
}

/** A slot that shows cards only once there is something to show: Home stays calm otherwise. */
function whenThere(url, cards, className) {
  const slot = h("div", { class: className });
  get(url).then((data) => {
    slot.replaceChildren(...cards(data));
  }, (error) => {
    // None today (404), offline, or an older server: nothing to show, and nothing to say.
    if (!error.offline && error.status !== 404) console.warn(url, error.message);
  });
  return slot;
}

/** The open check-ins that reach me ("Are you safe?"), on top of everything else. */
function checkins() {
  const slot = h("div", { class: "checkin-slot" });
  get("/api/checkins/open").then((answer) => {
    if (slot.isConnected) slot.replaceChildren(...answer.items.map((mine) => checkinCard(mine)));
  }, quietError);
  return slot;
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

/** Home's "Today's news": the top item once it is known (else the card Home had). */
function todayCard(fallback) {
  const slot = h("div", { class: "today-slot" }, fallback);
  get("/api/news?limit=1").then((feed) => {
    const edition = feed.edition?.items?.[0];
    const item = edition ?? feed.pinned[0] ?? feed.items[0];
    if (!item || !slot.isConnected) return;
    const title = localized(item.title);
    slot.replaceChildren(h("article", { class: "card feature feature-news today",
      "aria-labelledby": "home-news" },
    h("div", { class: "feature-head" },
      h("span", { class: "feature-icon" }, icon("news", 24)),
      h("h2", { id: "home-news", class: "feature-title" }, t("home.news.title"))),
    poster(item, "wide"),
    h("p", { class: "today-title", lang: title.lang === lang ? null : title.lang }, title.text),
    h("p", { class: "news-meta" }, edition ? t("feed.edition", { unit: feed.edition.unit })
      : audienceName(item.audience), " · ", formatAgo(item.publish_at * 1000)),
    states(item),
    h("a", { href: `/watch?id=${encodeURIComponent(item.id)}`, "data-link": true,
      class: "feature-link" }, t("home.news.watch"), icon("chevron", 20))));
  }, (error) => {
    if (!error.offline) showError(error); // offline: Home keeps its general card
  });
  return slot;
}

/** "Notes for you": the newest two notes for me, or how to send one when there are none yet. */
function notesCard() {
  const body = h("div", { class: "home-notes" }, h("p", { class: "feature-text" }, t("home.notes.text")));
  const link = h("a", { href: "/notes", "data-link": true, class: "btn btn-quiet home-notes-link" },
    t("home.notes.action"), icon("chevron", 20));
  get("/api/notes/for-me?limit=2").then((page) => {
    if (!body.isConnected) return;
    const newest = page.items.slice(0, 2);
    body.replaceChildren(...(newest.length
      ? newest.map((note) => noteCard(note, { compact: true }))
      : [h("p", { class: "feature-text" }, t("home.notes.empty")),
        h("a", { href: "/notes/write", "data-link": true, class: "btn btn-secondary" },
          t("notes.write"))]));
  }, (error) => {
    if (!error.offline) showError(error); // offline: the card keeps its general words
  });
  return h("article", { class: "card feature feature-notes home-notes-card", "aria-labelledby": "home-notes" },
    h("div", { class: "feature-head" },
      h("span", { class: "feature-icon" }, icon("notes", 24)),
      h("h2", { id: "home-notes", class: "feature-title" }, t("home.notes.title"))),
    body, link);
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
