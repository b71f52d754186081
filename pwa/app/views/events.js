// Events: live events with leaders (karaoke nights, town halls, Q&As) — upcoming, soonest
// first, and past ones; each opens its page.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { can } from "../permissions.js";
import { eventCard } from "../ui/event-card.js";
import { pagedList } from "../ui/paged.js";

export const title = () => t("events.title");

const SHOWS = ["upcoming", "past"];

export function render(ctx) {
  const params = new URLSearchParams(location.search);
  // A notification's link (/events?id=<id>) opens that event's page.
  if (params.get("id")) {
    queueMicrotask(() => ctx.navigate(`/events/${encodeURIComponent(params.get("id"))}`, { replace: true }));
  }
  const wanted = params.get("when");
  const show = SHOWS.includes(wanted) ? wanted : "upcoming";
  return h("div", { class: "page page-events" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("events.back")),
    h("div", { class: "events-top" },
      h("h1", { class: "page-title" }, t("events.title")),
      can(ctx.user, "events.host") && h("a", { href: "/tools/events", "data-link": true,
        class: "btn btn-secondary btn-small" }, t("events.host"))),
    h("div", { class: "events-tabs", role: "group", "aria-label": t("events.views") }, SHOWS.map((name) =>
      h("a", { href: `/events?when=${name}`, "data-link": true, class: "events-tab",
        "aria-current": name === show ? "page" : null }, t(`events.show.${name}`)))),
    pagedList(`/api/events?when=${show}`, { item: eventCard, className: "events-list",
      label: t(`events.show.${show}`), empty: () => empty(show) }).element);
}

function empty(show) {
  return h("section", { class: "card events-empty" },
    h("span", { class: "events-empty-art", "aria-hidden": "true" }, icon("video", 36)),
    h("h2", { class: "events-empty-title" }, t(`events.empty.${show}`)),
    h("p", { class: "events-empty-text" }, t("events.empty.text")));
}
