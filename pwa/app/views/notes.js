// Notes: encouragement from colleagues. "For me" (notes to me, my team, my site, everyone),
// "Walls" (the campaigns, each a wall of notes) and "Mine" (what I wrote, held or hidden too),
// and the way to write one.

import { h, live } from "../dom.js";
import { formatNumber, lang, localized, plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { showError } from "../toast.js";
import { audienceLabel, noteCard } from "../ui/note-card.js";
import { pagedList } from "../ui/paged.js";

export const title = () => t("notes.title");

const SHOWS = ["for-me", "walls", "mine"];

export function render() {
  const wanted = new URLSearchParams(location.search).get("show");
  const show = SHOWS.includes(wanted) ? wanted : "for-me";
  return h("div", { class: "page page-notes" },
    h("div", { class: "notes-top" },
      h("h1", { class: "page-title" }, t("notes.title")),
      h("a", { href: "/notes/write", "data-link": true, class: "btn btn-primary btn-small notes-write" },
        icon("send", 20), t("notes.write"))),
    h("div", { class: "notes-tabs", role: "group", "aria-label": t("notes.views") }, SHOWS.map((name) =>
      h("a", { href: name === "for-me" ? "/notes" : `/notes?show=${name}`, "data-link": true,
        class: "notes-tab", "aria-current": name === show ? "page" : null }, t(`notes.show.${name}`)))),
    { "for-me": forMe, walls, mine }[show]());
}

function forMe() {
  return pagedList("/api/notes/for-me", { item: (note) => noteCard(note),
    className: "notes-list", label: t("notes.show.for-me"),
    empty: () => emptyState("forMe") }).element;
}

function mine() {
  const list = pagedList("/api/notes/mine", { item: (note) => noteCard(note), className: "notes-list",
    label: t("notes.show.mine"), empty: () => emptyState("mine") });
  return h("div", { class: "notes-list" }, waiting(list), list.element);
}

/** My notes still on this phone (written offline): shown first, until the server has them. */
function waiting(list) {
  const slot = h("div", { class: "notes-list notes-waiting" });
  let shown = 0;
  const update = async () => {
    const entries = (await outbox.list()).filter((entry) => entry.method === "POST"
      && entry.url === "/api/notes" && entry.state === "waiting");
    if (entries.length < shown) list.reload(); // delivered: the server's own list has it now
    shown = entries.length;
    slot.replaceChildren(...entries.reverse().map((entry) => h("article", { class: "card note-card is-waiting" },
      h("p", { class: "note-status" }, icon("clock", 18),
        h("span", { class: "note-status-title" }, t("notes.waiting"))),
      h("p", { class: "note-text", dir: "auto" }, entry.body.text))));
  };
  live(slot, outbox.subscribe, () => update().catch(showError));
  update().catch(showError);
  return slot;
}

function walls() {
  return pagedList("/api/campaigns", { item: campaignCard, className: "notes-list",
    label: t("notes.show.walls"), empty: () => emptyState("walls") }).element;
}

function emptyState(name) {
  return h("section", { class: "card notes-empty" },
    h("span", { class: "notes-empty-art", "aria-hidden": "true" }, icon("notes", 36)),
    h("h2", { class: "notes-empty-title" }, t(`notes.empty.${name}.title`)),
    h("p", { class: "notes-empty-text" }, t(`notes.empty.${name}.text`)),
    name !== "walls" && h("a", { href: "/notes/write", "data-link": true, class: "btn btn-secondary" },
      t("notes.write")));
}

/** A campaign in the list: its title, who it is for, how many notes, open or not. */
function campaignCard(campaign) {
  const heading = localized(campaign.title);
  const intro = localized(campaign.intro);
  const id = `campaign-${campaign.id}`;
  return h("article", { class: "card campaign-card", "aria-labelledby": id },
    h("p", { class: `campaign-state is-${campaign.state}` }, t(`campaigns.state.${campaign.state}`)),
    h("h2", { id, class: "campaign-title", lang: heading.lang === lang ? null : heading.lang },
      heading.text),
    intro.text && h("p", { class: "campaign-intro", lang: intro.lang === lang ? null : intro.lang },
      intro.text),
    h("p", { class: "campaign-meta" }, audienceLabel(campaign.audience), " · ",
      plural("notes.count", campaign.notes ?? 0, { count: formatNumber(campaign.notes ?? 0) })),
    h("a", { href: `/notes/walls/${encodeURIComponent(campaign.id)}`, "data-link": true,
      class: "feature-link" }, t("notes.openWall"), icon("chevron", 20)));
}
