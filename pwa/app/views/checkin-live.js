// HR's live view of one check-in (/tools/checkins/<id>, checkins.run): big numbers (safe, need
// help, not affected, no answer) with a stacked bar, per site and per unit (groups under 5
// hidden); read again every 10 s while it is open and the screen is in view. Then who needs
// help (first), who has not answered, "Remind again" (at most every 5 minutes) and "Close".

import { get, post } from "../api.js";
import { h } from "../dom.js";
import { formatAgo, formatNumber, formatTime, t } from "../i18n.js";
import { icon } from "../icons.js";
import { idIn } from "../routes.js";
import { showError, toast } from "../toast.js";
import { legend, stackedBars } from "../ui/bars.js";
import { kindBadge, question } from "../ui/checkin-card.js";
import { peopleList } from "../ui/checkin-people.js";

export const POLL_MS = 10000;
const REMIND_GAP_S = 300;
const KEYS = ["safe", "need_help", "not_affected", "no_answer"];
const label = (key) => t(`live.count.${key}`);

export const title = () => t("live.title");

export function render() {
  const id = idIn(location.pathname);
  const url = `/api/checkins/${encodeURIComponent(id)}`;
  const head = h("div", { class: "live-head" }, h("h1", { class: "page-title" }, t("live.title")));
  const figures = h("div", { class: "live-figures", "aria-live": "polite" },
    h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  const actions = h("div", { class: "live-actions" });
  const helpSlot = h("div", {});
  const groups = h("div", { class: "live-groups" });
  const silentSlot = h("div", {});
  // Who needs help comes right after the numbers: it is what HR acts on first.
  const page = h("div", { class: "page page-checkin-live" },
    h("a", { href: "/tools/checkins", "data-link": true, class: "back-link" }, icon("back", 20),
      t("tools.checkins.title")), head, figures, actions, helpSlot, groups, silentSlot);

  let shown = null;
  let timer = 0;
  let people = {};
  const show = (checkin) => {
    const before = shown;
    shown = checkin;
    head.replaceChildren(...heading(checkin));
    figures.replaceChildren(...numbers(checkin));
    groups.replaceChildren(...byGroup(checkin));
    if (!before || before.state !== checkin.state) {
      actions.replaceChildren(...(checkin.state === "open" ? operatorActions(url, checkin, show) : []));
      people = { need_help: peopleList(id, "need_help", { closed: checkin.state === "closed" }),
        no_answer: peopleList(id, "no_answer") };
      helpSlot.replaceChildren(section("need_help", people.need_help));
      silentSlot.replaceChildren(section("no_answer", people.no_answer));
    } else { // a list is read again only when its count moved
      for (const key of ["need_help", "no_answer"]) {
        if (before.counts[key] !== checkin.counts[key]) people[key].reload();
      }
    }
  };
  const poll = async () => {
    clearTimeout(timer);
    if (!page.isConnected && shown) return document.removeEventListener("visibilitychange", wake);
    if (!document.hidden) {
      try {
        show(await get(url));
      } catch (error) {
        if (!shown) figures.replaceChildren(h("p", { class: "card checkin-problem", role: "alert" }, error.message));
        else if (!error.offline) showError(error);
      }
    }
    clearTimeout(timer); // a wake-up may have polled meanwhile: one loop only
    if (shown?.state === "open" && !document.hidden) timer = setTimeout(poll, POLL_MS);
  };
  const wake = () => { if (!document.hidden && shown?.state === "open") poll(); };
  document.addEventListener("visibilitychange", wake);
  poll();
  return page;
}

function heading(checkin) {
  const state = checkin.state === "open"
    ? t("live.openSince", { ago: formatAgo(Date.parse(checkin.started_at)), name: checkin.started_by })
    : t("live.closedAt", { when: formatTime(Date.parse(checkin.closed_at)) });
  return [h("div", { class: "checkin-head" }, kindBadge(checkin.drill),
    h("span", { class: `live-state is-${checkin.state}` }, t(`live.state.${checkin.state}`))),
  question(checkin.question, "h1", { class: "page-title live-question" }),
  h("p", { class: "row-meta" }, checkin.audience_name, " · ", state),
  checkin.note && h("p", { class: "checkin-note", dir: "auto" },
    h("span", { class: "checkin-note-label" }, t("checkin.hrNote")), " ", checkin.note)];
}

function numbers({ counts }) {
  const all = [{ ...counts, name: t("live.everyone"), people: counts.audience_size }];
  return [h("ul", { class: "live-numbers" }, KEYS.map((key) => h("li", { class: `live-number is-${key}` },
    h("span", { class: "live-number-value" }, formatNumber(counts[key])),
    h("span", { class: "live-number-label" }, label(key))))),
  stackedBars(all, KEYS, label), legend(KEYS, label)];
}

/** Per site and per unit; a group of fewer than 5 people shows no counts (null from the API). */
function byGroup({ by_site: sites, by_unit: units }) {
  const rows = (list, key) => list.map((row) => ({ ...row, name: row[key], people: row.size,
    hidden: row.safe === null || row.safe === undefined }));
  return [["site", sites], ["unit", units]].filter(([, list]) => list.length).map(([key, list]) =>
    h("section", { class: "section", "aria-labelledby": `live-by-${key}` },
      h("h2", { id: `live-by-${key}`, class: "section-title" }, t(key === "site" ? "live.bySite" : "live.byUnit")),
      stackedBars(rows(list, key), KEYS, label)));
}

function section(answer, list) {
  return h("section", { class: "section", "aria-labelledby": `live-${answer}` },
    h("h2", { id: `live-${answer}`, class: "section-title" }, t(`live.list.${answer}`)),
    answer === "no_answer" && h("p", { class: "hint" }, t("live.noAnswerHint")),
    list.element);
}

/** "Remind again" (with when it can next be sent) and "Close check-in" (asked twice). */
function operatorActions(url, checkin, show) {
  const next = h("p", { class: "hint live-next", "aria-live": "polite" });
  const nextAt = (at) => {
    next.textContent = at > Date.now() ? t("live.remindNext", { time: formatTime(at) }) : "";
  };
  nextAt(checkin.reminded_at ? Date.parse(checkin.reminded_at) + REMIND_GAP_S * 1000 : 0);
  const remind = h("button", { type: "button", class: "btn btn-secondary", onclick: async () => {
    remind.disabled = true;
    try {
      const answer = await post(`${url}/remind`, {}, { headers: { "Idempotency-Key": crypto.randomUUID() } });
      toast(t("live.reminded", { count: formatNumber(answer.reminded) }));
      nextAt(Date.now() + REMIND_GAP_S * 1000);
    } catch (error) {
      if (error.status !== 429) return showError(error);
      if (error.retryAfter) nextAt(Date.now() + Number(error.retryAfter) * 1000);
      // The server's words (why, and in how long), then the time it can next be sent.
      next.textContent = [error.message, next.textContent].filter(Boolean).join(" ");
    } finally {
      remind.disabled = false;
    }
  } }, icon("bell", 20), t("live.remind"));
  const confirm = h("div", { class: "card checkin-confirm", hidden: true, role: "alertdialog",
    "aria-labelledby": "live-close-title" },
  h("h2", { id: "live-close-title", class: "checkin-confirm-title" }, t("live.closeTitle")),
  h("p", {}, t("live.closeText")),
  h("div", { class: "actions" },
    h("button", { type: "button", class: "btn btn-danger", onclick: async (event) => {
      event.target.disabled = true;
      try {
        show(await post(`${url}/close`, {}, { headers: { "Idempotency-Key": crypto.randomUUID() } }));
        toast(t("live.closed"));
      } catch (error) {
        showError(error);
        event.target.disabled = false;
      }
    } }, t("live.closeYes")),
    h("button", { type: "button", class: "btn btn-quiet", onclick: () => { confirm.hidden = true; } },
      t("live.closeNo"))));
  const close = h("button", { type: "button", class: "btn btn-quiet live-close", onclick: () => {
    confirm.hidden = false;
    confirm.querySelector(".btn-danger").focus();
  } }, t("live.close"));
  return [h("div", { class: "live-buttons" }, remind, close), next, confirm];
}
