// Stories: colleagues' workday videos in a vertical feed (newest first, filtered by unit, site or
// tag), and "Mine": my stories in every state, with the reason when one was turned down, and
// those still on this phone waiting for the network.

import { get, request } from "../api.js";
import { h } from "../dom.js";
import { formatAgo, localized, plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import { can } from "../permissions.js";
import { showError, toast } from "../toast.js";
import { posterOf, storySlides, tagNames, timeOf } from "../ui/story-slides.js";
import { formatDuration } from "../video/player.js";
import * as chunks from "../video/chunk-store.js";
import { sendWaiting, subscribe, waiting } from "../video/story-share.js";

export const title = () => t("stories.title");

export function render(ctx) {
  const mine = new URLSearchParams(location.search).get("tab") === "mine";
  const tabLink = (key, href, current) => h("a", { href, "data-link": true, class: "stories-tab",
    "aria-current": current ? "page" : null }, t(key));
  const body = h("div", { class: "stories-body" });
  const page = h("div", { class: "page page-stories" },
    h("div", { class: "stories-head" },
      h("h1", { class: "page-title" }, t("stories.title")),
      h("a", { href: "/stories/record", "data-link": true, class: "btn btn-primary btn-small stories-record" },
        icon("video", 20), t("stories.record"))),
    // A group, not a nav: the tab bar is the one navigation whose current page is marked.
    h("div", { class: "stories-tabs", role: "group", "aria-label": t("stories.sections") },
      tabLink("stories.tab.feed", "/stories", !mine), tabLink("stories.tab.mine", "/stories?tab=mine", mine)),
    body);
  sendWaiting(); // stories a reload or the network left on this phone carry on
  (mine ? showMine(body) : showFeed(ctx, body)).catch(showError);
  return page;
}

/** The feed, with its filter: everyone, my unit or site, any unit or site, or one of HR's tags. */
async function showFeed(ctx, body) {
  const [settings, names] = await Promise.all([
    get("/api/stories/settings").catch((error) => {
      console.warn("story tags unavailable", error);
      return { tags: [] };
    }),
    get("/api/audiences/names").catch((error) => {
      console.warn("unit and site names unavailable", error);
      return { units: [], sites: [] };
    })]);
  const option = (kind, name, label = name) => h("option", { value: `${kind}=${encodeURIComponent(name)}` }, label);
  const group = (key, options) => options.length > 0 && h("optgroup", { label: t(key) }, options);
  const { business_unit: unit, site } = ctx.user;
  const filter = h("select", { id: "stories-filter", class: "input stories-filter" },
    h("option", { value: "" }, t("stories.filter.all")),
    unit && option("unit", unit, t("stories.filter.unit", { unit })),
    site && option("site", site, t("stories.filter.site", { site })),
    group("stories.filter.units", names.units.filter((name) => name !== unit).map((name) => option("unit", name))),
    group("stories.filter.sites", names.sites.filter((name) => name !== site).map((name) => option("site", name))),
    group("stories.filter.tags", settings.tags.map((tag) => option("tag", tag.id, `#${localized(tag.label).text}`))));
  const slot = h("div", { class: "stories-slot" });
  const asked = new URLSearchParams(location.search).get("id");
  body.replaceChildren(h("div", { class: "field stories-filter-field" },
    h("label", { class: "visually-hidden", for: filter.id }, t("stories.filter")), filter), slot);
  const load = async () => {
    slot.replaceChildren(loadingLine());
    let cursor = null;
    const pageOf = async () => {
      const query = [filter.value, cursor && `cursor=${encodeURIComponent(cursor)}`].filter(Boolean).join("&");
      const answer = await get(`/api/stories${query ? `?${query}` : ""}`);
      cursor = answer.cursor;
      return answer.items;
    };
    try {
      let first = await pageOf();
      if (asked && !filter.value) { // a notification's link: that story first
        const story = await get(`/api/stories/${encodeURIComponent(asked)}`).catch((error) => {
          console.warn("the story asked for is not shown", error);
          return null;
        });
        if (story?.status === "released") first = [story, ...first.filter((s) => s.id !== story.id)];
        else if (story) return ctx.navigate("/stories?tab=mine", { replace: true }); // mine, not out
      }
      if (!first.length) {
        slot.replaceChildren(emptyFeed(Boolean(filter.value)));
        return;
      }
      slot.replaceChildren(storySlides(first, { tagName: tagNames(settings.tags),
        canFeature: can(ctx.user, "stories.feature"),
        loadMore: () => (cursor ? pageOf() : Promise.resolve([])) }));
    } catch (error) {
      slot.replaceChildren(error.offline ? offline() : h("p", { class: "hint" }, error.message));
      if (!error.offline) showError(error);
    }
  };
  filter.addEventListener("change", load);
  await load();
}

function emptyFeed(filtered) {
  return h("section", { class: "card empty", "aria-labelledby": "stories-heading" },
    h("div", { class: "empty-art empty-art-stories" }, icon("stories", 44)),
    h("h2", { id: "stories-heading", class: "empty-heading" }, t(filtered ? "stories.noneHere" : "stories.heading")),
    h("p", { class: "empty-text" }, t(filtered ? "stories.noneHereText" : "stories.text")),
    h("a", { href: "/stories/record", "data-link": true, class: "btn btn-primary" }, icon("video", 20),
      t("stories.recordFirst")));
}

function offline() {
  return h("section", { class: "card empty" },
    h("div", { class: "empty-art empty-art-stories" }, icon("offline", 44)),
    h("h2", { class: "empty-heading" }, t("stories.offlineTitle")),
    h("p", { class: "empty-text" }, t("stories.offlineText")));
}

const loadingLine = () => h("div", { class: "feed-loading", role: "status" },
  h("div", { class: "spinner spinner-small" }), t("app.loading"));

/** My stories: those still on this phone first, then what the server has, newest first. */
async function showMine(body) {
  const list = h("ul", { class: "card list stories-mine" });
  body.replaceChildren(loadingLine());
  const fill = async () => {
    const [kept, page] = await Promise.all([waiting(), get("/api/stories/mine").catch((error) => {
      if (!error.offline) throw error;
      return { items: [], offline: true };
    })]);
    const rows = [...kept.filter((k) => !k.storyId || !page.items.some((s) => s.id === k.storyId))
      .map((k) => keptRow(k, fill)), ...page.items.map((story) => mineRow(story, fill))];
    if (!rows.length) {
      body.replaceChildren(emptyFeed(false));
      return;
    }
    list.replaceChildren(...rows);
    body.replaceChildren(...[list, page.offline && h("p", { class: "hint" }, t("stories.mineOffline"))]
      .filter(Boolean));
  };
  const stop = subscribe(() => (list.isConnected || body.isConnected ? fill().catch(showError) : stop()));
  await fill();
}

function keptRow(kept, refresh) {
  const state = { refused: "refused", uploading: "uploading" }[kept.state] ?? "kept";
  const discard = state !== "uploading" && h("button", { type: "button", class: "icon-button story-delete",
    "aria-label": t("stories.discard") }, icon("trash", 20));
  if (discard) {
    discard.addEventListener("click", async () => {
      if (!confirm(t("stories.discardConfirm"))) return;
      await chunks.remove(kept.id).catch(showError);
      await refresh();
    });
  }
  return h("li", { class: "row story-row", "data-state": state },
    h("span", { class: "story-thumb is-blank" }, icon(state === "refused" ? "alert" : "offline", 24)),
    h("span", { class: "row-body" },
      h("span", { class: "row-title" }, kept.form?.caption || t("stories.untitled")),
      h("span", { class: `story-status is-${state}` },
        t(`stories.status.${state}`, { reason: kept.error || "" }))),
    discard);
}

function mineRow(story, refresh) {
  const poster = posterOf(story);
  const caption = localized({ [story.caption_lang || "en"]: story.caption });
  const reason = story.reason_message || story.reason || "";
  const remove = h("button", { type: "button", class: "icon-button story-delete",
    "aria-label": t("stories.delete") }, icon("trash", 20));
  remove.addEventListener("click", async () => {
    if (!confirm(t("stories.deleteConfirm"))) return;
    remove.disabled = true;
    try {
      await request(`/api/stories/${story.id}`, { method: "DELETE" });
      toast(t("stories.deleted"));
      await refresh();
    } catch (error) {
      remove.disabled = false;
      showError(error);
    }
  });
  const counts = story.status === "released" ? [
    story.views != null && plural("stories.views", story.views),
    plural("stories.reactionsCount", Object.values(story.reactions ?? {}).reduce((a, b) => a + b, 0))].filter(Boolean).join(" · ") : null;
  const retry = story.status === "failed" && story.reason === "internal" && story.video?.id
    && h("button", { type: "button", class: "btn btn-secondary btn-small", onclick: async (event) => {
      event.currentTarget.disabled = true;
      try {
        await request(`/api/videos/${story.video.id}/retry`, { method: "POST" });
        await refresh();
      } catch (error) {
        showError(error);
      }
    } }, t("stories.retry"));
  return h("li", { class: "row story-row", "data-state": story.status, "data-story": story.id },
    poster ? h("img", { class: "story-thumb", src: poster, alt: "" })
      : h("span", { class: "story-thumb is-blank" }, icon("video", 24)),
    h("span", { class: "row-body" },
      h("span", { class: "row-title", lang: caption.lang }, caption.text || t("stories.untitled")),
      h("span", { class: `story-status is-${story.status}` },
        t(`stories.status.${story.status}`, { reason })),
      h("span", { class: "row-meta" }, [story.video?.duration_s ? formatDuration(story.video.duration_s) : null,
        story.created_at ? formatAgo(timeOf(story.created_at)) : null, counts].filter(Boolean).join(" · ")),
      retry),
    remove);
}
