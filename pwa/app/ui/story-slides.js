// The vertical feed of stories: one story a screen, swiped up and down (CSS scroll snap). The
// story in view plays muted (a tap gives sound; a play button if the browser blocks autoplay);
// at most WINDOW video elements exist at once, the others are posters, and the next story
// preloads. Each story is reported viewed once, and reactions go through the outbox.

import { request } from "../api.js";
import { h, hiddenText } from "../dom.js";
import { formatAgo, formatNumber, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { showError, toast } from "../toast.js";
import { chooseRendition } from "../video/player.js";

export const REACTIONS = ["keep_going", "thank_you", "heart"];
const AROUND = 2; // videos kept before and after the one in view: 5 at most
const VIEWED = "together.storyViewed."; // + story id, in localStorage: reported once

/** A story's poster URL, whichever shape the API gives it in. */
export const posterOf = (story) => {
  const poster = story.video?.poster;
  return typeof poster === "string" ? poster : poster?.url ?? null;
};

/** A function naming a tag id in my language, from HR's list (GET /api/stories/settings). */
export function tagNames(tags = []) {
  const names = new Map(tags.map((tag) => [tag.id, localized(tag.label).text]));
  return (id) => names.get(id) ?? id;
}

/** Milliseconds from an API time (epoch seconds or an ISO string). */
export const timeOf = (value) => (typeof value === "number" ? value * 1000 : Date.parse(value));

/** The rendition for this connection (the news player's choice), from a story's video. */
export function sourceOf(story) {
  const renditions = (story.video?.renditions ?? [])
    .map((r) => ({ ...r, name: r.name ?? `${r.height}p` }));
  return chooseRendition(renditions);
}

/**
 * The feed. `loadMore()` resolves to the next stories ([] at the end); it is asked for more when
 * the person nears the end.
 */
export function storySlides(first, { loadMore, tagName = (id) => id, canFeature = false }) {
  const list = h("div", { class: "story-feed", role: "feed", "aria-label": t("stories.feed"),
    tabindex: 0 });
  const slides = [];
  let current = -1;
  let sound = false;
  let loading = false;
  let ended = false;

  const add = (stories) => {
    for (const story of stories) {
      const slide = storySlide(story, { tagName, canFeature,
        toggleSound: () => {
          sound = !sound;
          for (const s of slides) s.setSound(sound);
        } });
      slide.index = slides.length;
      slides.push(slide);
      list.append(slide.element);
      observer.observe(slide.element);
    }
  };

  const show = (index) => {
    if (index === current) return;
    current = index;
    slides.forEach((slide, i) => {
      if (Math.abs(i - index) <= AROUND) slide.attach({ preload: i === index + 1 ? "auto" : "metadata" });
      else slide.detach();
      if (i === index) slide.play(sound);
      else slide.pause();
    });
    if (!loading && !ended && index >= slides.length - 3) {
      loading = true;
      loadMore().then((more) => {
        if (!more.length) ended = true;
        add(more);
      }, showError).finally(() => { loading = false; });
    }
  };

  const observer = new IntersectionObserver((entries) => {
    if (!list.isConnected && current >= 0) {
      observer.disconnect();
      for (const slide of slides) slide.detach();
      return;
    }
    const seen = entries.filter((e) => e.isIntersecting && e.intersectionRatio >= 0.6);
    if (seen.length) show(slides.findIndex((s) => s.element === seen[0].target));
  }, { threshold: [0.6] });

  // Leaving the tab removes the feed: its videos stop and let go of their bytes, even if no
  // observer callback comes for detached elements.
  const watchdog = setInterval(() => {
    if (list.isConnected || current < 0) return;
    clearInterval(watchdog);
    observer.disconnect();
    for (const slide of slides) slide.detach();
  }, 1000);
  add(first);
  return list;
}

function storySlide(story, { tagName, canFeature, toggleSound }) {
  const poster = posterOf(story);
  const stage = h("div", { class: "story-stage" },
    poster && h("img", { class: "story-poster", src: poster, alt: "", loading: "lazy" }));
  const playButton = h("button", { type: "button", class: "story-play", hidden: true,
    "aria-label": t("stories.play") }, icon("play", 34));
  const soundButton = h("button", { type: "button", class: "story-sound",
    "aria-label": t("stories.soundOn"), "aria-pressed": "false" }, icon("volumeOff", 24));
  const caption = localized({ [story.caption_lang || "en"]: story.caption });
  const element = h("article", { class: "story-slide", "aria-labelledby": `story-${story.id}-by`,
    "data-story": story.id },
  stage, playButton,
  h("div", { class: "story-info" },
    h("p", { id: `story-${story.id}-by`, class: "story-author" }, story.author?.name ?? ""),
    h("p", { class: "story-meta" }, [story.author?.business_unit, story.author?.site,
      story.released_at || story.created_at ? formatAgo(timeOf(story.released_at || story.created_at)) : null]
      .filter(Boolean).join(" · ")),
    story.caption && h("p", { class: "story-caption", lang: caption.lang }, caption.text),
    story.tags?.length > 0 && h("p", { class: "story-tags" }, story.tags.map((tag) => h("span", {}, `#${tagName(tag)}`)))),
  h("div", { class: "story-side" }, soundButton, reactions(story),
    canFeature && featureButton(story), reportButton(story)));
  let video = null;
  let wantPlay = false;

  const slide = {
    element,
    attach({ preload }) {
      if (!video) {
        const source = sourceOf(story);
        if (!source) return;
        video = h("video", { class: "story-video", playsinline: true, loop: true, muted: true,
          poster, preload, "aria-label": t("stories.video", { name: story.author?.name ?? "" }) });
        video.muted = true;
        video.src = source.url;
        video.dataset.rendition = source.name;
        video.addEventListener("click", toggleSound);
        video.addEventListener("playing", () => {
          playButton.hidden = true;
          reportView(story);
        });
        stage.append(video);
      } else {
        video.preload = preload;
      }
    },
    detach() {
      if (!video) return;
      video.pause();
      video.removeAttribute("src");
      video.load(); // lets the browser free the decoder and the buffered bytes
      video.remove();
      video = null;
    },
    play(withSound) {
      wantPlay = true;
      if (!video) return;
      video.muted = !withSound;
      video.play().catch((error) => {
        if (error.name !== "NotAllowedError" && error.name !== "AbortError") return showError(error);
        if (wantPlay) playButton.hidden = false; // the browser wants a tap first
      });
    },
    pause() {
      wantPlay = false;
      playButton.hidden = true;
      video?.pause();
    },
    setSound(on) {
      soundButton.setAttribute("aria-pressed", String(on));
      soundButton.setAttribute("aria-label", t(on ? "stories.soundOff" : "stories.soundOn"));
      soundButton.replaceChildren(icon(on ? "volume" : "volumeOff", 24));
      if (video) video.muted = !on;
    },
  };
  soundButton.addEventListener("click", toggleSound);
  playButton.addEventListener("click", () => {
    playButton.hidden = true;
    video?.play().catch(showError);
  });
  return slide;
}

/** The three reactions, each once per person: counted here at once, sent through the outbox. */
function reactions(story) {
  const counts = { ...Object.fromEntries(REACTIONS.map((k) => [k, 0])), ...story.reactions };
  const mine = { ...story.mine };
  const buttons = REACTIONS.map((kind) => {
    const count = h("span", { class: "reaction-count" }, formatNumber(counts[kind]));
    // The name starts with what is seen ("加油"), then says it in words, then the count.
    const button = h("button", { type: "button", class: "reaction", "data-kind": kind,
      "aria-pressed": String(Boolean(mine[kind])) },
    h("span", { class: "reaction-glyph" },
      kind === "heart" ? icon("notes", 24) : t(`stories.reaction.${kind}.short`)),
    hiddenText(t(`stories.reaction.${kind}`)), count);
    button.addEventListener("click", async () => {
      if (mine[kind]) return; // once per person: a second press changes nothing
      mine[kind] = true;
      counts[kind] += 1;
      button.setAttribute("aria-pressed", "true");
      count.textContent = formatNumber(counts[kind]);
      try {
        await outbox.enqueue({ url: `/api/stories/${story.id}/reactions`, body: { kind },
          label: "outbox.reaction" });
      } catch (error) {
        showError(error);
      }
    });
    return button;
  });
  return h("div", { class: "reactions" }, buttons);
}

/** A view, reported once per story on this phone (the server counts one per person anyway). */
function reportView(story) {
  if (localStorage.getItem(VIEWED + story.id)) return;
  localStorage.setItem(VIEWED + story.id, "1");
  outbox.enqueue({ url: `/api/stories/${story.id}/views`, body: {}, label: "outbox.storyView" })
    .catch(showError);
}

/** "Report this story": once, through the outbox; HR sees it among the reported ones. */
function reportButton(story) {
  const button = h("button", { type: "button", class: "story-report", "aria-label": t("stories.report") },
    icon("alert", 22));
  button.addEventListener("click", async () => {
    if (!confirm(t("stories.reportConfirm"))) return;
    button.disabled = true;
    try {
      await outbox.enqueue({ url: `/api/stories/${story.id}/reports`, body: { reason: "" },
        label: "outbox.storyReport" });
      toast(t("stories.reported"));
    } catch (error) {
      button.disabled = false;
      showError(error);
    }
  });
  return button;
}

/** HR's "Feature on Home" (stories.feature): on or off, at once (at most 3 featured). */
function featureButton(story) {
  let featured = Boolean(story.featured);
  const button = h("button", { type: "button", class: "story-report story-feature" }, icon("pin", 22));
  const show = () => {
    button.setAttribute("aria-pressed", String(featured));
    button.setAttribute("aria-label", t(featured ? "stories.unfeature" : "stories.feature"));
  };
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await request(`/api/stories/${story.id}/feature`, { method: featured ? "DELETE" : "POST",
        headers: { "Idempotency-Key": crypto.randomUUID() } });
      featured = !featured;
      toast(t(featured ? "stories.featured" : "stories.unfeatured"));
      show();
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
  show();
  return button;
}
