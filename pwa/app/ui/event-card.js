// An event as the phone shows it: when (in the person's time zone and language), a card for
// the list, and Home's "On now" card with its big "Join" button.

import { h } from "../dom.js";
import { formatNumber, lang, localized, t } from "../i18n.js";
import { icon } from "../icons.js";

/** "Thursday 3 December, 20:00–21:30 GMT+8": the person's own time zone, by Intl. */
export function when(event) {
  const starts = new Date(event.starts_at);
  const ends = new Date(event.ends_at);
  const day = new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "long" });
  const time = new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit" });
  const zone = new Intl.DateTimeFormat(lang, { timeZoneName: "short" }).formatToParts(starts)
    .find((part) => part.type === "timeZoneName")?.value ?? "";
  const sameDay = day.format(starts) === day.format(ends);
  return sameDay
    ? t("events.when", { day: day.format(starts), from: time.format(starts), to: time.format(ends), zone })
    : t("events.whenLong", { from: `${day.format(starts)} ${time.format(starts)}`,
      to: `${day.format(ends)} ${time.format(ends)}`, zone });
}

/** A text in my language with its lang attribute when it is the other one. */
export function text(tag, attrs, texts) {
  const chosen = localized(texts);
  return h(tag, { ...attrs, lang: chosen.lang === lang ? null : chosen.lang }, chosen.text);
}

/** "12 places left", "Full", or nothing when the event has no capacity. */
export function places(event) {
  if (event.capacity == null) return null;
  const left = Math.max(0, event.capacity - (event.counts?.going ?? 0));
  return left ? t("events.placesLeft", { count: formatNumber(left), capacity: formatNumber(event.capacity) })
    : t("events.full");
}

export const hostNames = (event) => (event.hosts ?? []).map((host) => host.name).join(", ");

/** The join link: https only (the server refuses any other), in a new tab without an opener. */
export function joinButton(event, { big = false } = {}) {
  if (!/^https:\/\//i.test(event.join_url ?? "")) return null;
  return h("a", { href: event.join_url, target: "_blank", rel: "noopener noreferrer",
    class: `btn btn-primary event-join ${big ? "is-big" : ""}` }, icon("video", 22), t("events.join"));
}

/** One event in the list: kind, title, when, who for, the counts and my answer. */
export function eventCard(event) {
  const id = `event-${event.id}`;
  const counts = event.counts ?? {};
  return h("article", { class: `card event-card ${event.state === "cancelled" ? "is-cancelled" : ""}`,
    "aria-labelledby": id },
  h("p", { class: "event-kind" }, t(`events.kind.${event.kind}`),
    event.on_now && h("span", { class: "event-live" }, t("events.onNow")),
    event.state === "cancelled" && h("span", { class: "event-cancelled" }, t("events.cancelled"))),
  text("h2", { id, class: "event-title" }, event.title),
  h("p", { class: "event-when" }, icon("clock", 18), when(event)),
  h("p", { class: "event-meta" }, icon("users", 18), event.audience_name ?? "",
    " · ", t("events.counts", { going: formatNumber(counts.going ?? 0), maybe: formatNumber(counts.maybe ?? 0) })),
  event.my_rsvp && h("p", { class: `event-mine is-${event.my_rsvp}` }, icon("check", 18),
    t(`events.mine.${event.my_rsvp}`)),
  h("a", { href: `/events/${encodeURIComponent(event.id)}`, "data-link": true, class: "feature-link" },
    t("events.open"), icon("chevron", 20)));
}

/** Home's "On now": the live event, its hosts, and "Join" as big as a thumb. */
export function onNowCard(event) {
  return h("article", { class: "card feature event-now", "aria-labelledby": `now-${event.id}` },
    h("div", { class: "feature-head" },
      h("span", { class: "feature-icon event-now-icon" }, icon("video", 24)),
      h("p", { class: "event-live" }, t("events.onNow"))),
    text("h2", { id: `now-${event.id}`, class: "feature-title event-now-title" }, event.title),
    hostNames(event) && h("p", { class: "feature-text" }, t("events.hostedBy", { names: hostNames(event) })),
    joinButton(event, { big: true }),
    h("a", { href: `/events/${encodeURIComponent(event.id)}`, "data-link": true, class: "feature-link" },
      t("events.details"), icon("chevron", 20)));
}
