// One check-in of mine (/checkins/<id>): where the inbox item and the notification lead. The
// question, HR's note, and my answer: give it, change it, or see it (with my note and when).
// ?help=1 (from the notification's "I need help") opens the note to add to that answer.

import { get } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { idIn } from "../routes.js";
import { checkinCard } from "../ui/checkin-card.js";

export const title = () => t("checkin.title");

export function render() {
  const id = idIn(location.pathname);
  const slot = h("div", { class: "checkin-page-slot" },
    h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  get(`/api/checkins/${encodeURIComponent(id)}/mine`).then((mine) => {
    slot.replaceChildren(checkinCard(mine, { channel: fromInbox() ? "inbox" : "app", full: true,
      help: params().get("help") === "1" }));
  }, (error) => {
    slot.replaceChildren(h("p", { class: "card checkin-problem", role: "alert" },
      error.status === 404 ? t("checkin.notFound") : error.message));
  });
  return h("div", { class: "page page-checkin" },
    h("a", { href: "/", "data-link": true, class: "back-link" }, icon("back", 20), t("checkin.home")),
    h("h1", { class: "page-title" }, t("checkin.title")), slot);
}

/** Opened from the inbox's item (?from=inbox) rather than Home or a notification. */
const fromInbox = () => params().get("from") === "inbox";
const params = () => new URLSearchParams(location.search);
