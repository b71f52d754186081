// A news item's pieces, shared by the feed, Home's "Today's news", the player and reach: the
// card, its poster, where I stand with it, and who it is for.

import { h } from "../dom.js";
import { formatAgo, lang, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError } from "../toast.js";
import { savedPoster } from "../video/offline.js";
import { formatDuration } from "../video/player.js";

/** A news item as a card: the whole card opens it. */
export function newsCard(item, { pinned = false, large = false } = {}) {
  const title = localized(item.title);
  return h("article", { class: `card news-card${pinned ? " is-pinned" : ""}${large ? " is-large" : ""}`,
    "data-id": item.id },
  poster(item),
  h("div", { class: "news-body" },
    h("p", { class: "news-meta" }, pinned && icon("pin", 16), audienceName(item.audience),
      " · ", formatAgo(item.publish_at * 1000)),
    h("h3", { class: "news-title", lang: title.lang === lang ? null : title.lang },
      h("a", { href: `/watch?id=${encodeURIComponent(item.id)}`, "data-link": true,
        class: "news-link" }, title.text)),
    states(item)));
}

/** The poster with the video's length; a calm tile when there is no picture (or offline). */
export function poster(item, size = "card") {
  const video = item.video || {};
  const img = video.poster && h("img", { src: video.poster.url, alt: "", loading: "lazy",
    width: video.poster.width, height: video.poster.height });
  const box = h("div", { class: `news-poster news-poster-${size}` }, img,
    h("span", { class: "news-play", "aria-hidden": "true" }, icon("play", 22)),
    video.duration_s > 0 && h("span", { class: "news-duration" },
      h("span", { class: "visually-hidden" }, `${t("feed.duration")} `),
      formatDuration(video.duration_s)));
  const fallback = async () => {
    const saved = video.video_id && await savedPoster(video.video_id);
    if (saved && img?.getAttribute("src") !== saved) img.src = saved;
    else box.classList.add("is-blank");
  };
  if (img) img.addEventListener("error", () => fallback().catch(showError));
  else fallback().catch(showError);
  return box;
}

/** Where I stand with an item: new, watched, watched to the end, acknowledged or not. */
export function states(item) {
  const me = item.me || {};
  const chips = [me.completed ? ["done", "feed.completed", "check"]
    : me.viewed ? ["seen", "feed.viewed", "play"] : ["new", "feed.new", null]];
  if (item.must_acknowledge) {
    chips.push(me.acknowledged ? ["done", "feed.acknowledged", "check"]
      : ["ask", "feed.mustAcknowledge", "alert"]);
  }
  return h("p", { class: "news-states" }, chips.map(([kind, key, name]) =>
    h("span", { class: `chip chip-${kind}` }, name && icon(name, 14), t(key))));
}

/** Who an item is for, in a few words: "Whole company", "Retail · Stores", "Wuhan". */
export function audienceName(audience = {}) {
  if (audience.kind === "company") return t("audience.company");
  if (audience.kind === "department") return `${audience.unit} · ${audience.department}`;
  return audience.unit || audience.site || "";
}
