// What HR sent, newest first, each with its numbers: audience, sent, failed, pruned, in inboxes,
// received, opened, acknowledged, and a bar of how far it reached. "Remind again" for one that
// must be acknowledged, at most every 5 minutes (the server says so too, with a 429), and who has
// not confirmed yet, a page at a time when asked.

import { get, post } from "../api.js";
import { h } from "../dom.js";
import { formatAgo, formatNumber, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError, toast } from "../toast.js";
import { formatCount, isHidden } from "./counts.js";

const STATS = ["audience", "sent", "failed", "pruned", "inbox", "received", "opened", "acknowledged"];
const REACH = ["inbox", "received", "opened", "acknowledged"]; // shares of the audience
const REMIND_EVERY_MS = 5 * 60 * 1000;

/** The section; `.reload()` reads the list again (after sending one). */
export function sentNotifications() {
  const list = h("ul", { class: "notify-sent" });
  const more = h("button", { type: "button", class: "btn btn-secondary", hidden: true },
    t("inbox.more"));
  const section = h("section", { class: "section", "aria-labelledby": "notify-sent-title" },
    h("h2", { id: "notify-sent-title", class: "section-title" }, t("notify.sent")), list,
    h("div", { class: "actions" }, more));
  const load = (cursor) => get(`/api/notifications${cursor ? `?cursor=${encodeURIComponent(cursor)}`
    : ""}`).then((page) => {
    if (!cursor) list.replaceChildren();
    list.append(...page.items.map(card));
    if (!list.children.length) {
      list.append(h("li", { class: "card row row-meta" }, t("notify.none")));
    }
    more.hidden = !page.cursor;
    more.onclick = () => load(page.cursor).catch(showError);
  });
  section.reload = () => load().catch(showError);
  section.reload();
  return section;
}

function card(item) {
  const name = localized(item.title);
  const stats = item.stats ?? {};
  return h("li", { class: "card notify-card", "data-id": item.id },
    h("div", { class: "notify-card-head" },
      h("span", { class: `row-icon${item.urgency === "high" ? " is-urgent" : ""}` },
        icon(item.urgency === "high" ? "alert" : "bell", 22)),
      h("div", { class: "row-body" },
        h("h3", { class: "row-title", lang: name.lang }, name.text),
        h("p", { class: "row-meta" }, [t(`notify.state.${item.state}`),
          formatAgo(Date.parse(item.send_at ?? item.created_at)), item.author?.name,
          item.must_acknowledge && t("notify.mustAckShort")].filter(Boolean).join(" · ")))),
    reach(stats, item.must_acknowledge ? REACH : REACH.filter((key) => key !== "acknowledged")),
    h("dl", { class: "notify-stats" }, STATS.map((key) => h("div", { class: `notify-stat stat-${key}` },
      h("dt", {}, t(`notify.stat.${key}`)),
      h("dd", {}, formatCount(stats[key]))))),
    item.must_acknowledge && remind(item));
}

/** One bar: how many of the audience it reached, by the furthest step each got to. */
function reach(stats, steps) {
  const audience = stats.audience;
  if (isHidden(audience) || !audience) return null;
  const track = h("div", { class: "notify-bar", role: "img", "aria-label": steps.map((key) =>
    `${t(`notify.stat.${key}`)}: ${formatCount(stats[key])}`).join(", ") });
  for (const key of steps) {
    if (isHidden(stats[key])) continue;
    const part = h("span", { class: `notify-bar-part bar-${key}` });
    part.style.width = `${Math.min(100, (100 * stats[key]) / audience)}%`; // CSSOM: CSP allows it
    track.append(part);
  }
  return h("div", { class: "notify-reach" }, track,
    h("ul", { class: "bars-legend", "aria-hidden": "true" }, steps.map((key) =>
      h("li", {}, h("span", { class: `bars-swatch bar-${key}` }), t(`notify.stat.${key}`)))));
}

function remind(item) {
  const button = h("button", { type: "button", class: "btn btn-secondary btn-small" });
  const wait = () => (item.reminded_at ? Date.parse(item.reminded_at) + REMIND_EVERY_MS - Date.now() : 0);
  const show = () => {
    const left = wait();
    button.disabled = left > 0;
    button.replaceChildren(icon("refresh", 18), left > 0
      ? t("notify.remindIn", { minutes: formatNumber(Math.ceil(left / 60000)) }) : t("notify.remind"));
    if (left > 0) setTimeout(() => button.isConnected && show(), Math.min(left, 30000));
  };
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const { reminded } = await post(`/api/notifications/${encodeURIComponent(item.id)}/remind`);
      item.reminded_at = new Date().toISOString();
      toast(t("notify.reminded", { count: formatNumber(reminded) }));
    } catch (error) {
      if (error.status === 429) { // reminded by someone else meanwhile: wait as long as the server says
        const leftMs = (Number(error.retryAfter) || 300) * 1000;
        item.reminded_at = new Date(Date.now() + leftMs - REMIND_EVERY_MS).toISOString();
      }
      showError(error);
    }
    show();
  });
  show();
  return h("div", { class: "notify-remind" },
    h("p", { class: "hint" }, t("notify.notYet", { count: formatCount(
      isHidden(item.stats?.audience) || isHidden(item.stats?.acknowledged) ? null
        : item.stats.audience - item.stats.acknowledged) })), button, notConfirmed(item));
}

/** Who has not confirmed yet, read when opened (a page of the audience at a time). */
function notConfirmed(item) {
  const list = h("ul", { class: "notify-people" });
  const more = h("button", { type: "button", class: "btn btn-secondary btn-small", hidden: true },
    t("inbox.more"));
  const details = h("details", { class: "notify-pending" },
    h("summary", {}, t("notify.whoNotYet")), list, more);
  const load = async (cursor) => {
    more.disabled = true;
    try {
      const page = await get(`/api/notifications/${encodeURIComponent(item.id)}/unacknowledged${
        cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
      if (!cursor) list.replaceChildren();
      list.append(...page.items.map((person) => h("li", { class: "notify-person" },
        h("span", { class: "row-title" }, person.name),
        h("span", { class: "row-meta" }, [person.business_unit, person.site].filter(Boolean)
          .join(" · ")))));
      // The server reads the audience a page at a time: a page can hold nobody still to confirm.
      if (!list.children.length && !page.cursor) {
        list.append(h("li", { class: "row-meta" }, t("notify.allConfirmed")));
      }
      more.hidden = !page.cursor;
      more.onclick = () => load(page.cursor);
    } catch (error) {
      showError(error);
    } finally {
      more.disabled = false;
    }
  };
  details.addEventListener("toggle", () => {
    if (details.open && !details.dataset.loaded) {
      details.dataset.loaded = "1";
      load(null);
    }
  });
  return details;
}
