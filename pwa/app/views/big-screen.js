// The big screen in a lobby (/wall/<token>, no sign-in): one note at a time in large type,
// the next every 8 seconds, new ones first and the approved ones again when nothing new comes;
// new notes asked for every 30 seconds; "Paused" while a moderator paused the wall; a clear
// message once the link was revoked. Every note's text is shown as text, never as markup.

import { fetchJson } from "../api.js";
import { h, logo } from "../dom.js";
import { formatAgo, lang, localized, plural, t } from "../i18n.js";
import { idIn } from "../routes.js";
import { loadStyle } from "../ui/styles.js";

export const ADVANCE_MS = 8000;
export const POLL_MS = 30000;
const KEEP = 200; // notes cycled at most: the newest

export const title = () => t("screen.title");

/** Large type for a few words, smaller for a long note: a note always fits the screen. */
function sizeOf(text) {
  const length = [...text].length;
  return length > 280 ? "is-long" : length > 120 ? "is-medium" : "is-short";
}

export function render() {
  loadStyle("notes");
  const token = idIn(location.pathname);
  const url = `/api/walls/${encodeURIComponent(token)}`;
  const heading = h("h1", { class: "screen-campaign" }, t("screen.title"));
  const intro = h("p", { class: "screen-intro" });
  const stage = h("div", { class: "screen-stage", "aria-live": "polite" },
    h("p", { class: "screen-wait" }, t("app.loading")));
  const footer = h("p", { class: "screen-footer" });
  const root = h("div", { class: "big-screen" },
    h("header", { class: "screen-head" }, logo(44), h("div", {}, heading, intro)),
    stage, footer);

  const notes = []; // newest first, as the server sends them
  const fresh = []; // arrived since the last look: shown before the cycle resumes
  let at = -1;
  let paused = false;
  let advanceTimer = 0;
  let pollTimer = 0;
  const stop = () => {
    clearTimeout(advanceTimer);
    clearTimeout(pollTimer);
  };

  const showNote = (note) => {
    stage.replaceChildren(h("figure", { class: "screen-note", "data-note": note.id },
      h("blockquote", { class: `screen-text ${sizeOf(note.text)}`, dir: "auto" }, note.text),
      h("figcaption", { class: "screen-who" },
        h("span", { class: "screen-author" }, note.author?.name || t("notes.anonymous")),
        h("span", { class: "screen-when" }, formatAgo(Date.parse(note.created_at))))));
  };

  const advance = () => {
    clearTimeout(advanceTimer);
    if (!root.isConnected) return stop();
    if (paused) {
      stage.replaceChildren(h("p", { class: "screen-paused", role: "status" }, t("screen.paused")));
    } else if (fresh.length) {
      const next = fresh.shift();
      at = notes.indexOf(next);
      showNote(next);
    } else if (notes.length) {
      at = (at + 1) % notes.length; // nothing new: the approved ones again
      showNote(notes[at]);
    } else {
      stage.replaceChildren(h("p", { class: "screen-wait" }, t("screen.empty")));
    }
    footer.textContent = notes.length ? plural("notes.count", notes.length) : "";
    advanceTimer = setTimeout(advance, ADVANCE_MS);
  };

  const revoked = () => {
    stop();
    heading.textContent = t("app.name");
    heading.removeAttribute("lang");
    intro.textContent = "";
    footer.textContent = "";
    stage.replaceChildren(h("div", { class: "screen-revoked", role: "alert" },
      h("p", { class: "screen-revoked-title" }, t("screen.revokedTitle")),
      h("p", { class: "screen-revoked-text" }, t("screen.revoked"))));
  };

  const poll = async (first) => {
    if (!first && !root.isConnected) return stop();
    try {
      const answer = await fetchJson(url);
      const campaignTitle = localized(answer.campaign?.title);
      heading.textContent = campaignTitle.text || t("screen.title");
      if (campaignTitle.lang === lang) heading.removeAttribute("lang");
      else heading.lang = campaignTitle.lang;
      intro.textContent = localized(answer.campaign?.intro).text;
      const wasPaused = paused;
      paused = Boolean(answer.paused);
      const known = new Set(notes.map((note) => note.id));
      const current = new Set(answer.items.map((note) => note.id));
      // Hidden since: gone from the cycle (within the page we see).
      for (let i = notes.length - 1; i >= 0; i--) {
        const newer = notes[i].created_at >= (answer.items.at(-1)?.created_at ?? "");
        if (newer && !current.has(notes[i].id)) notes.splice(i, 1);
      }
      fresh.splice(0, fresh.length, ...fresh.filter((note) => notes.includes(note)));
      const arrived = answer.items.filter((note) => !known.has(note.id));
      notes.unshift(...arrived);
      notes.splice(KEEP);
      if (!first) fresh.push(...arrived.reverse()); // oldest of the new first
      footer.textContent = notes.length ? plural("notes.count", notes.length) : "";
      if (first || wasPaused !== paused) advance();
    } catch (error) {
      if (error.status === 404) return revoked();
      if (first) stage.replaceChildren(h("p", { class: "screen-wait" }, error.message));
      // Otherwise a network hiccup: keep showing what we have, and ask again later.
    }
    pollTimer = setTimeout(() => poll(false), POLL_MS);
  };
  poll(true);
  return root;
}
