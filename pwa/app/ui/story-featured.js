// Home's "Featured stories" card: the stories HR features (at most 3), each a poster that opens
// it in the Stories tab. Nothing is shown until there is something featured.

import { get } from "../api.js";
import { h } from "../dom.js";
import { localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError } from "../toast.js";

// (Not story-slides.js's posterOf: Home would then load the whole feed. The API gives a URL.)
const posterOf = (story) => story.video?.poster ?? null;

/** A slot that becomes the card once featured stories are known. */
export function featuredStories() {
  const slot = h("div", { class: "featured-slot" });
  get("/api/stories/featured").then(({ items }) => {
    if (!items.length || !slot.isConnected) return;
    slot.replaceChildren(h("article", { class: "card feature feature-stories featured-stories",
      "aria-labelledby": "home-featured" },
    h("div", { class: "feature-head" },
      h("span", { class: "feature-icon" }, icon("stories", 24)),
      h("h2", { id: "home-featured", class: "feature-title" }, t("home.featured.title"))),
    h("ul", { class: "featured-list" }, items.map((story) => {
      const caption = localized({ [story.caption_lang || "en"]: story.caption });
      const poster = posterOf(story);
      return h("li", {}, h("a", { href: `/stories?id=${encodeURIComponent(story.id)}`, "data-link": true,
        class: "featured-item", "data-story": story.id },
      poster ? h("img", { class: "featured-poster", src: poster, alt: "" })
        : h("span", { class: "featured-poster is-blank" }, icon("video", 24)),
      h("span", { class: "featured-play" }, icon("play", 18)),
      h("span", { class: "featured-by" }, story.author?.name ?? ""),
      caption.text && h("span", { class: "featured-caption", lang: caption.lang }, caption.text)));
    })),
    h("a", { href: "/stories", "data-link": true, class: "featured-all" }, t("home.featured.all"),
      icon("chevron", 20))));
  }, (error) => {
    if (!error.offline) showError(error);
  });
  return slot;
}
