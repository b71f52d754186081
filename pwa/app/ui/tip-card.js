// A tip (a poster or a short guide) as a card: in the Tips list, and as Home's "Tip of the day".

import { h } from "../dom.js";
import { has, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { text } from "./event-card.js";

export const TAGS = ["wfh", "time", "health", "family"]; // the topics offered as chips

/** "1.5": megabytes, for sizes and the offline budget. */
export const megabytes = (bytes) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 })
  .format(bytes / (1024 * 1024));

/** A tag in words when we know it ("wfh" -> "Working from home"), else as written. */
export const tagName = (tag) => (has(`tips.tag.${tag}`) ? t(`tips.tag.${tag}`) : tag);

/** The first lines of a tip's body, for a card. */
function excerpt(body, length = 140) {
  const chosen = localized(body);
  const words = [...chosen.text];
  return { text: words.length > length ? `${words.slice(0, length).join("").trimEnd()}…` : chosen.text,
    lang: chosen.lang };
}

export function tipCard(tip) {
  const id = `tip-${tip.id}`;
  const short = excerpt(tip.body);
  return h("article", { class: "card tip-card", "aria-labelledby": id },
    h("p", { class: "tip-kind" }, icon(tip.kind === "poster" ? "screen" : "notes", 18),
      t(`tips.kind.${tip.kind}`)),
    text("h2", { id, class: "tip-title" }, tip.title),
    short.text && h("p", { class: "tip-excerpt", lang: short.lang }, short.text),
    tip.tags?.length > 0 && h("p", { class: "tip-tags" }, tip.tags.map((tag) => h("span", { class: "tip-tag" }, tagName(tag)))),
    h("a", { href: `/tips/${encodeURIComponent(tip.id)}`, "data-link": true, class: "feature-link" },
      t("tips.open"), icon("chevron", 20)));
}

/** Home's "Tip of the day": its title and first lines, in my language. */
export function tipOfTheDay(tip) {
  const short = excerpt(tip.body, 110);
  return h("article", { class: "card feature tip-today", "aria-labelledby": "home-tip" },
    h("div", { class: "feature-head" },
      h("span", { class: "feature-icon tip-today-icon" }, icon("pin", 24)),
      h("h2", { id: "home-tip", class: "feature-title" }, t("tips.today"))),
    text("p", { class: "today-title" }, tip.title),
    short.text && h("p", { class: "feature-text", lang: short.lang }, short.text),
    h("a", { href: `/tips/${encodeURIComponent(tip.id)}`, "data-link": true, class: "feature-link" },
      t("tips.read"), icon("chevron", 20)));
}
