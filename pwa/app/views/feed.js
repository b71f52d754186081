// News: what reaches me. A leader's pinned message, today's edition of my unit, then the rest
// newest first, a page at a time as the person scrolls (by the API's cursor). Each card: the
// poster, the title in my language (else the other), the length and where I stand with it.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatDate, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError } from "../toast.js";
import { emptyPage } from "../ui/empty.js";
import { newsCard } from "../ui/news.js";
import { listSaved } from "../video/offline.js";
import { formatDuration, formatSize } from "../video/player.js";

const PAGE = 10;

export const title = () => t("news.title");

export function render(ctx) {
  const page = h("div", { class: "page page-feed" },
    h("h1", { class: "page-title" }, t("news.title")),
    h("div", { class: "feed-loading", role: "status" }, h("div", { class: "spinner spinner-small" }),
      t("app.loading")));
  firstPage(ctx, page).catch(showError);
  return page;
}

async function firstPage(ctx, page) {
  let feed;
  const saved = savedSection();
  try {
    feed = await get(`/api/news?limit=${PAGE}`);
  } catch (error) {
    if (!error.offline) throw error;
    return fill(page, [offlineNotice(), await saved]);
  }
  const seen = new Set();
  const fresh = (items) => items.filter((item) => !seen.has(item.id) && seen.add(item.id));
  const pinned = fresh(feed.pinned);
  const edition = fresh(feed.edition?.items ?? []);
  const latest = h("div", { class: "feed-list" }, fresh(feed.items).map((item) => newsCard(item)));
  if (!pinned.length && !edition.length && !latest.childElementCount && !feed.cursor) {
    // Nothing reaches me yet: what will be here (keeping this page's heading, and its focus).
    const empty = emptyPage("news", { art: "news",
      params: { unit: ctx.user.business_unit, site: ctx.user.site } });
    fill(page, [...empty.children].slice(1));
    return;
  }
  const savedHere = await saved;
  // No await from here on: more()'s observer must see its element in the page at once.
  fill(page, [
    pinned.length > 0 && section("feed-pinned", t("feed.pinned"), pinned.map((item) =>
      newsCard(item, { pinned: true }))),
    edition.length > 0 && section("feed-edition", t("feed.edition", { unit: feed.edition.unit }),
      [h("p", { class: "feed-day" }, formatDate(new Date(`${feed.edition.day}T12:00:00`))),
        ...edition.map((item) => newsCard(item, { large: true }))]),
    latest.childElementCount > 0 || feed.cursor
      ? section("feed-latest", t("feed.latest"), [latest]) : null,
    more(latest, feed.cursor, fresh),
    savedHere]);
}

/** The page's heading, then these sections (those that exist). */
function fill(page, sections) {
  page.replaceChildren(page.firstChild, ...sections.filter(Boolean));
}

/** Loads the next page when the end of the list comes into view (or the button is pressed). */
function more(list, cursor, fresh) {
  const end = h("div", { class: "feed-end" });
  let loading = false;
  const load = async () => {
    if (loading || !cursor) return;
    loading = true;
    end.setAttribute("aria-busy", "true");
    try {
      const next = await get(`/api/news?limit=${PAGE}&cursor=${encodeURIComponent(cursor)}`);
      list.append(...fresh(next.items).map((item) => newsCard(item)));
      cursor = next.cursor;
    } catch (error) {
      showError(error);
    } finally {
      loading = false;
      end.removeAttribute("aria-busy");
      show();
    }
  };
  const observer = new IntersectionObserver((entries) => {
    if (!end.isConnected) return observer.disconnect();
    if (entries.some((entry) => entry.isIntersecting)) load();
  }, { rootMargin: "600px 0px" });
  const show = () => {
    end.replaceChildren(cursor
      ? h("button", { type: "button", class: "btn btn-secondary", onclick: load }, t("feed.more"))
      : h("p", { class: "feed-done" }, icon("check", 20), t("feed.done")));
    if (!cursor) observer.disconnect();
    else if (end.isConnected) { // still in view after a short page: ask for the next one
      const box = end.getBoundingClientRect();
      if (box.top < innerHeight + 600) load();
    }
  };
  show();
  observer.observe(end);
  return end;
}

function section(cls, heading, children) {
  const id = `${cls}-title`;
  return h("section", { class: `section ${cls}`, "aria-labelledby": id },
    h("h2", { id, class: "section-title" }, heading), children);
}

function offlineNotice() {
  return h("section", { class: "card empty" },
    h("div", { class: "empty-art empty-art-news" }, icon("offline", 44)),
    h("h2", { class: "empty-heading" }, t("feed.offlineTitle")),
    h("p", { class: "empty-text" }, t("feed.offlineText")));
}

/** Videos saved on this phone: they play with no network. */
async function savedSection() {
  const saved = await listSaved();
  if (!saved.length) return null;
  return section("feed-saved", t("feed.saved"), [h("ul", { class: "card list" },
    saved.map(({ item, size }) => h("li", {},
      h("a", { href: `/watch?id=${encodeURIComponent(item.id)}`, "data-link": true,
        class: "row row-link" },
      h("span", { class: "row-icon row-icon-saved" }, icon("download", 22)),
      h("span", { class: "row-body" },
        h("span", { class: "row-title", lang: localized(item.title).lang },
          localized(item.title).text),
        h("span", { class: "row-meta" }, `${formatDuration(item.video.duration_s)} · ${formatSize(size)}`)),
      icon("chevron", 20)))))]);
}
