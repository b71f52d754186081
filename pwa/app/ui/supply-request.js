// A supplies request as people read it: its items, where it goes, and its steps as a timeline
// (requested → approved → packed → dispatched → delivered, or where it stopped and why).
// Shown by My requests, a request's page and HR's queue.

import { h } from "../dom.js";
import { formatDate, formatNumber, formatTime, localized, t } from "../i18n.js";
import { icon } from "../icons.js";

export const STEPS = ["requested", "approved", "packed", "dispatched", "delivered"];
const ENDED = ["rejected", "cancelled"];

/** An item's name, or its unit, in my language (else the other one), with its lang. */
export const named = (texts) => {
  const { text, lang } = localized(texts ?? {});
  return h("span", { lang }, text);
};
export const nameOf = (item) => localized(item?.name ?? {}).text || item?.id || "";

/** The item's picture (decorative: its name is next to it), or a plain mark without one. */
export function picture(item) {
  return h("div", { class: "supply-picture", "aria-hidden": "true" }, item.picture
    ? h("img", { src: item.picture, alt: "", width: 64, height: 64, loading: "lazy" })
    : icon("box", 36));
}

/** "2 × Surgical masks · box of 10" for each line. */
export function linesList(lines, className = "supply-lines") {
  return h("ul", { class: className }, lines.map((line) => h("li", {},
    h("span", { class: "supply-line-qty" }, `${formatNumber(line.qty)} ×`), " ",
    named(line.item.name), h("span", { class: "supply-line-unit" }, " · ", named(line.item.unit)))));
}

/** Where it goes, in words; a home address in full only for HR (the server sends it to them only). */
export function deliveryText(delivery = {}) {
  if (delivery.kind === "desk") return t("supplies.toDesk", { desk: delivery.desk ?? "" });
  if (delivery.kind === "pickup") return t("supplies.toPickup");
  const address = delivery.address;
  if (!address) return delivery.city ? t("supplies.toHomeIn", { city: delivery.city }) : t("supplies.toHome");
  return [address.name, address.line1, address.line2, [address.postcode, address.city].filter(Boolean).join(" "),
    address.phone].filter(Boolean).join(", ");
}

export const stateChip = (state) => h("span", { class: `chip supply-state supply-state-${state}` },
  t(`supplies.state.${state}`));

const when = (at) => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? "" : `${formatDate(date, { day: "numeric", month: "short" })} ${formatTime(date)}`;
};

/** The steps: done ones with when and by whom, the current one marked, the rest to come. */
export function timeline(request) {
  const seen = new Map((request.history ?? []).map((step) => [step.state, step]));
  const ended = ENDED.includes(request.state);
  const reached = ended ? STEPS.filter((step) => seen.has(step)) : STEPS.slice(0, STEPS.indexOf(request.state) + 1);
  const steps = ended ? [...reached, request.state] : STEPS;
  return h("ol", { class: "supply-timeline", "aria-label": t("supplies.steps") }, steps.map((state) => {
    const step = seen.get(state);
    const done = reached.includes(state) || state === request.state;
    const current = state === request.state;
    return h("li", { class: `supply-step${done ? " is-done" : ""}${current ? " is-current" : ""}${ENDED.includes(state) ? " is-stopped" : ""}`,
      "aria-current": current ? "step" : null },
    h("span", { class: "supply-step-dot", "aria-hidden": "true" }, done ? icon(ENDED.includes(state) ? "alert" : "check", 16) : null),
    h("span", { class: "supply-step-body" },
      h("span", { class: "supply-step-name" }, t(`supplies.state.${state}`)),
      step && h("span", { class: "supply-step-when" }, [when(step.at), step.by].filter(Boolean).join(" · ")),
      !done && h("span", { class: "visually-hidden" }, t("supplies.notYet")),
      state === "dispatched" && done && request.tracking && h("span", { class: "supply-step-note" },
        icon("send", 16), t("supplies.tracking", { note: request.tracking })),
      state === "rejected" && request.reason && h("span", { class: "supply-step-note" },
        t("supplies.reason", { reason: request.reason }))));
  }));
}

/** A request's card: what, where, its state; `title` is a link or a heading; `extra` below. */
export function requestCard(request, { link = null, extra = [], showTimeline = true, who = false } = {}) {
  const heading = t("supplies.requestOf", { date: formatDate(new Date(request.created_at),
    { day: "numeric", month: "long" }) });
  return h("article", { class: "card supply-request", "data-request": request.id,
    "data-state": request.state, "aria-labelledby": `req-${request.id}` },
  h("div", { class: "supply-request-head" },
    h("h2", { id: `req-${request.id}`, class: "card-title" },
      link ? h("a", { href: link, "data-link": true }, who ? request.requester?.name : heading)
        : (who ? request.requester?.name : heading)),
    stateChip(request.state)),
  who && h("p", { class: "row-meta" }, [request.requester?.department, request.requester?.business_unit,
    when(request.created_at)].filter(Boolean).join(" · ")),
  linesList(request.lines),
  h("p", { class: "supply-delivery" }, icon(request.delivery?.kind === "home" ? "home" : "pin", 18),
    h("span", {}, deliveryText(request.delivery))),
  request.note && h("p", { class: "supply-note" }, request.note),
  showTimeline && timeline(request),
  extra);
}
