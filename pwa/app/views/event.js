// One event: what, when (my time zone), who hosts it, my answer (going / maybe / not going,
// through the outbox), "Add to calendar", "Join" while it is on; for karaoke the running
// order; for its hosts who is going.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { can } from "../permissions.js";
import { idIn } from "../routes.js";
import { send } from "../sending.js";
import { toast } from "../toast.js";
import { hostNames, joinButton, places, text, when } from "../ui/event-card.js";
import { pagedList } from "../ui/paged.js";
import { runningOrder } from "../ui/running-order.js";

export const title = () => t("events.title");

const ANSWERS = ["going", "maybe", "not_going"];

export function render(ctx) {
  const id = idIn(location.pathname);
  const slot = h("div", { class: "page-stack" }, h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  const show = (event) => slot.replaceChildren(...details(ctx, event, show));
  get(`/api/events/${encodeURIComponent(id)}`).then(show, (error) => {
    slot.replaceChildren(h("p", { class: "card events-problem", role: "alert" }, error.message));
  });
  return h("div", { class: "page page-event" },
    h("a", { href: "/events", "data-link": true, class: "back-link" }, icon("back", 20), t("events.all")),
    slot);
}

/** May this person act as a host of the event (the server decides; this only shows the tools). */
const hosts = (user, event) => can(user, "events.host")
  || (event.hosts ?? []).some((host) => host.id === user.id);

function details(ctx, event, show) {
  const cancelled = event.state === "cancelled";
  const ended = Date.parse(event.ends_at) <= Date.now() && !event.on_now;
  const host = hosts(ctx.user, event);
  return [
    h("p", { class: "event-kind" }, t(`events.kind.${event.kind}`),
      event.on_now && h("span", { class: "event-live" }, t("events.onNow")),
      cancelled && h("span", { class: "event-cancelled" }, t("events.cancelled"))),
    text("h1", { class: "page-title event-heading" }, event.title),
    h("section", { class: "card event-facts", "aria-label": t("events.facts") },
      h("p", { class: "event-when" }, icon("clock", 20), when(event)),
      hostNames(event) && h("p", { class: "event-hosts" }, icon("users", 20),
        t("events.hostedBy", { names: hostNames(event) })),
      h("p", { class: "event-meta" }, icon("globe", 20), t("events.for", { audience: event.audience_name ?? "" })),
      h("p", { class: "event-meta" }, t("events.counts", { going: formatNumber(event.counts.going),
        maybe: formatNumber(event.counts.maybe) }), places(event) && ` · ${places(event)}`),
      event.on_now && !cancelled && joinButton(event, { big: true }),
      !cancelled && h("a", { href: `/api/events/${encodeURIComponent(event.id)}/calendar.ics`,
        download: `event-${event.id}.ics`, class: "btn btn-secondary event-calendar" },
      icon("download", 20), t("events.calendar"))),
    localized(event.description).text && text("p", { class: "event-description", dir: "auto" }, event.description),
    !cancelled && !ended && rsvp(event, show),
    event.recording && h("a", { href: `/watch?id=${encodeURIComponent(event.recording.news_id)}`,
      "data-link": true, class: "feature-link" }, icon("play", 20), t("events.recording")),
    event.kind === "karaoke" && runningOrder(ctx, event, { host, open: !cancelled && !ended }),
    host && going(event),
    host && h("a", { href: `/tools/events?id=${encodeURIComponent(event.id)}`, "data-link": true,
      class: "btn btn-secondary event-edit" }, t("events.edit")),
  ].filter(Boolean);
}

/** Going / maybe / not going: one answer per person, sent with one Idempotency-Key. */
function rsvp(event, show) {
  const alert = h("p", { class: "form-error", role: "alert", hidden: true });
  const fieldset = h("fieldset", { class: "choices event-rsvp" },
    h("legend", { class: "section-title" }, t("events.rsvp")),
    h("div", { class: "card segmented event-answers" }, ANSWERS.map((answer) => h("label", { class: "choice" },
      h("input", { type: "radio", name: "rsvp", value: answer, checked: event.my_rsvp === answer }),
      h("span", {}, t(`events.answer.${answer}`))))),
    alert);
  fieldset.addEventListener("change", async (e) => {
    alert.hidden = true;
    const answer = e.target.value;
    const result = await send({ url: `/api/events/${encodeURIComponent(event.id)}/rsvp`,
      body: { answer }, label: "outbox.rsvp" });
    if (result.state === "delivered") {
      toast(t(`events.answered.${answer}`));
      show(result.data);
    } else if (result.state === "failed") {
      await outbox.discard(result.id); // said here, next to the answer
      alert.textContent = result.error || t("error.generic");
      alert.hidden = false;
      for (const input of fieldset.querySelectorAll("input")) input.checked = input.value === event.my_rsvp;
    } else {
      toast(t("events.kept"));
    }
  });
  return fieldset;
}

/** Who is going: for the hosts. */
function going(event) {
  return h("section", { class: "section", "aria-labelledby": "going-title" },
    h("h2", { id: "going-title", class: "section-title" }, t("events.whoIsGoing")),
    pagedList(`/api/events/${encodeURIComponent(event.id)}/going`, {
      className: "card list event-going",
      item: (person) => h("div", { class: "row" }, h("span", { class: "row-body" },
        h("span", { class: "row-title" }, person.name),
        h("span", { class: "row-meta" }, [person.business_unit, person.site].filter(Boolean).join(" · ")))),
      empty: () => h("p", { class: "row row-meta" }, t("events.nobodyYet")) }).element);
}
