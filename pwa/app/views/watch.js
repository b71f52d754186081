// One news item: the player, its text, "please acknowledge", and "save for offline". Offline,
// it opens from the last answer the service worker kept, or from what was saved with the video.

import { get } from "../api.js";
import { rememberAnswer } from "../caches.js";
import { h } from "../dom.js";
import { formatAgo, lang, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError, toast } from "../toast.js";
import { audienceName, states } from "../ui/news.js";
import {
  listSaved, removeSaved, saveForOffline, savedPoster, savedSource, savedVideo,
} from "../video/offline.js";
import { acknowledgement, chooseRendition, createPlayer, formatSize } from "../video/player.js";

export const title = () => t("watch.title");

export function render(ctx) {
  const id = new URLSearchParams(location.search).get("id") || "";
  const page = h("div", { class: "page page-watch" },
    h("a", { href: "/news", "data-link": true, class: "back-link" }, icon("back", 20), t("watch.back")),
    h("div", { class: "feed-loading", role: "status" }, h("div", { class: "spinner spinner-small" }),
      t("app.loading")));
  show(ctx, page, id).catch((error) => {
    showError(error);
    page.replaceChildren(page.firstChild, h("h1", { class: "page-title" }, t("watch.title")),
      h("p", { class: "card empty-text" }, t("watch.missing")));
  });
  return page;
}

async function show(ctx, page, id) {
  const item = await load(id);
  const videoId = item.video.video_id;
  const saved = await savedSource(videoId);
  const online = chooseRendition(item.video.renditions);
  const source = saved ?? (online && { url: online.url, rendition: online.name });
  if (!source) throw new Error(t("watch.missing"));
  const title = localized(item.title);
  const text = localized(item.text);
  const chips = h("div", { class: "watch-states" }, states(item));
  const onMe = (me) => {
    item.me = { ...item.me, ...me };
    chips.replaceChildren(states(item));
    // Offline, this screen opens from the last answer kept: keep it true to what I did.
    rememberAnswer(`/api/news/${encodeURIComponent(id)}`, item).catch(showError);
  };
  const player = createPlayer(item, { source, onMe,
    poster: item.video.poster?.url ?? await savedPoster(videoId) });
  page.replaceChildren(...[page.firstChild,
    player.element,
    h("h1", { class: "page-title watch-title", tabindex: "-1",
      lang: title.lang === lang ? null : title.lang },
      title.text),
    h("p", { class: "news-meta" }, audienceName(item.audience), " · ", item.author?.name, " · ",
      formatAgo(item.publish_at * 1000)),
    chips,
    acknowledgement(item, onMe),
    text.text && h("div", { class: "watch-text", lang: text.lang === lang ? null : text.lang },
      text.text.split(/\n{2,}/).map((paragraph) => h("p", {}, paragraph))),
    offlinePanel(item, online)].filter(Boolean));
  if (document.activeElement === document.body) page.querySelector("h1").focus({ preventScroll: true });
}

/** The item from the API (or its saved answer); offline, what was saved with the video. */
async function load(id) {
  try {
    return await get(`/api/news/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!error.offline) throw error;
    const found = (await listSaved()).find((about) => about.item.id === id);
    if (!found) throw error;
    return found.item;
  }
}

/** Save for offline / saved (with its size) and remove. */
function offlinePanel(item, rendition) {
  const panel = h("section", { class: "card offline-panel", "aria-live": "polite" });
  const videoId = item.video.video_id;
  const update = async () => {
    const saved = await savedVideo(videoId);
    panel.replaceChildren(...[
      h("span", { class: `row-icon ${saved ? "is-ok" : "row-icon-saved"}` },
        icon(saved ? "check" : "download", 22)),
      h("div", { class: "row-body" },
        h("p", { class: "row-title" }, t(saved ? "watch.saved" : "watch.saveTitle")),
        h("p", { class: "row-meta" }, saved
          ? t("watch.savedMeta", { size: formatSize(saved.size), rendition: saved.rendition })
          : t("watch.saveText"))),
      saved ? h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: remove },
        t("watch.remove"))
        : rendition && h("button", { type: "button", class: "btn btn-secondary btn-small",
          onclick: save }, t("watch.save"))].filter(Boolean));
  };
  const save = async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    button.textContent = t("watch.saving");
    try {
      await saveForOffline(item, rendition);
      toast(t("watch.savedToast"));
    } catch (error) {
      showError(error);
    }
    await update();
  };
  const remove = async () => {
    await removeSaved(videoId);
    await update();
  };
  update().catch(showError);
  return panel;
}
