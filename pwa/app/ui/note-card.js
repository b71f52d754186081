// One encouragement note as a card: who wrote it (or "a colleague"), to whom, when, its text
// (always as text), its cheers, and what I may do with it — report it, or delete my own.
// Shown by Notes (for me, mine), a campaign's wall, Home's card and HR's moderation queue.

import { h } from "../dom.js";
import { formatAgo, formatNumber, lang, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { send } from "../sending.js";
import { toast } from "../toast.js";
import { avatar } from "./avatar.js";

const REASON_MAX = 300;

/** Who a note is for, in words: "To Wuhan", "To Li Na", "To everyone". */
export function audienceLabel(audience) {
  if (!audience) return "";
  if (audience.kind === "company") return t("notes.to.company");
  const name = audience.label || audience.site || audience.department || audience.unit || "";
  return t("notes.to", { name });
}

/** The author's name as readers see it: theirs, or "A colleague" when they chose not to sign. */
export const authorName = (note) => (note.anonymous && !note.author?.name) || !note.author
  ? t("notes.anonymous") : note.author.name;

/**
 * A note's card. `extra`: nodes under the text (the moderation queue's facts and actions);
 * `onGone`: called once the card left its list (deleted). `compact`: Home's short form;
 * `readOnly`: no cheers, reports or delete (the moderation queue).
 */
export function noteCard(note, { extra = null, onGone = null, compact = false,
  showCampaign = true, readOnly = false } = {}) {
  const card = h("article", { class: `card note-card${compact ? " is-compact" : ""}`,
    "data-note": note.id });
  const anonymous = !note.author || note.anonymous;
  const who = anonymous && !note.author
    ? h("span", { class: "note-anon", "aria-hidden": "true" }, icon("notes", 20))
    : avatar({ name: note.author.name }, 40);
  const campaign = showCampaign && note.campaign && localized(note.campaign.title);
  card.append(...[
    h("header", { class: "note-head" }, who,
      h("div", { class: "note-who" },
        h("p", { class: "note-author" }, authorName(note),
          anonymous && note.author && h("span", { class: "note-flag" }, t("notes.anonymousToReaders"))),
        h("p", { class: "note-meta" }, audienceLabel(note.audience), " · ",
          h("time", { datetime: note.created_at }, formatAgo(Date.parse(note.created_at)))))),
    campaign && h("a", { class: "note-campaign", href: `/notes/walls/${encodeURIComponent(note.campaign.id)}`,
      "data-link": true, lang: campaign.lang === lang ? null : campaign.lang },
    h("span", { class: "note-campaign-name" }, campaign.text)),
    h("p", { class: "note-text", dir: "auto" }, note.text),
    status(note),
    extra,
    !compact && !readOnly && actions(note, card, onGone)].flat(Infinity).filter(Boolean));
  return card;
}

const published = (note) => (note.status ?? "published") === "published";

/** Held or hidden, for the author (with what HR told them). */
function status(note) {
  if (published(note) || !note.mine) return null;
  return h("div", { class: `note-status is-${note.status}` },
    icon(note.status === "held" ? "clock" : "alert", 18),
    h("div", {},
      h("p", { class: "note-status-title" }, t(`notes.status.${note.status}`)),
      note.reason && h("p", { class: "note-status-reason" }, t("notes.reason", { reason: note.reason }))));
}

function actions(note, card, onGone) {
  if (!published(note) && !note.mine) return null;
  const bar = h("footer", { class: "note-actions" });
  if (published(note)) bar.append(cheerButton(note));
  const panel = h("div", { class: "note-panel", hidden: true });
  if (note.mine) bar.append(deleteButton(note, card, panel, onGone));
  else if ("mine" in note || "cheered" in note) {
    if (note.author?.id && !note.anonymous) bar.append(writeBack(note));
    bar.append(reportButton(note, panel));
  }
  return [bar, panel];
}

/** The heart: my cheer counts at once and goes out through the outbox; a second press adds
 * nothing (the server counts one per person too, and replays a repeated request). */
export function cheerButton(note) {
  const count = h("span", { class: "cheer-count" });
  const button = h("button", { type: "button", class: "cheer" }, icon("notes", 22), count);
  const show = () => {
    count.textContent = formatNumber(note.cheers ?? 0);
    button.setAttribute("aria-pressed", String(Boolean(note.cheered)));
    button.setAttribute("aria-label", note.cheered
      ? t("notes.cheered", { count: formatNumber(note.cheers ?? 0) })
      : t("notes.cheer", { count: formatNumber(note.cheers ?? 0) }));
  };
  button.addEventListener("click", async () => {
    if (note.cheered) return;
    note.cheered = true;
    note.cheers = (note.cheers ?? 0) + 1;
    show();
    const result = await send({ url: `/api/notes/${encodeURIComponent(note.id)}/cheers`,
      body: {}, label: "outbox.cheer" });
    if (result.state === "delivered" && result.data) {
      note.cheers = result.data.cheers;
      show();
    } else if (result.state === "failed") {
      await outbox.discard(result.id);
      note.cheered = false;
      note.cheers -= 1;
      show();
      toast(result.error || t("error.generic"), { kind: "error" });
    }
  });
  show();
  return button;
}

/** A note back to its author (a signed note only: readers never learn who "a colleague" is). */
function writeBack(note) {
  const query = new URLSearchParams({ to: note.author.id, name: note.author.name });
  return h("a", { href: `/notes/write?${query}`, "data-link": true, class: "note-action note-reply",
    "aria-label": t("notes.writeBackTo", { name: note.author.name }) },
  icon("send", 18), t("notes.writeBack"));
}

function reportButton(note, panel) {
  const button = h("button", { type: "button", class: "note-action", "aria-expanded": "false",
    onclick: () => {
      const open = panel.hidden;
      panel.replaceChildren(...(open ? [reportForm(note, panel, button)] : []));
      panel.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (open) panel.querySelector("textarea").focus();
    } }, icon("flag", 18), t("notes.report"));
  return button;
}

function reportForm(note, panel, opener) {
  const id = `report-${note.id}`;
  const submit = h("button", { type: "submit", class: "btn btn-primary btn-small" }, t("notes.reportSend"));
  const form = h("form", { class: "note-report", novalidate: true },
    h("fieldset", { class: "choices" },
      h("legend", { class: "label" }, t("notes.reportAbout")),
      h("div", { class: "segmented notes-segmented" }, ["note", "author"].map((about) => h("label", { class: "choice" },
        h("input", { type: "radio", name: "about", value: about, checked: about === "note" }),
        h("span", {}, t(`notes.reportAbout.${about}`)))))),
    h("div", { class: "field" },
      h("label", { class: "label", for: id }, t("notes.reportReason")),
      h("textarea", { id, name: "reason", class: "input", rows: 2, maxlength: REASON_MAX })),
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("div", { class: "note-panel-actions" }, submit,
      h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: () => {
        panel.hidden = true;
        opener.setAttribute("aria-expanded", "false");
      } }, t("notes.cancel"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    const result = await send({ url: `/api/notes/${encodeURIComponent(note.id)}/reports`,
      body: { about: form.elements.about.value, reason: form.elements.reason.value.trim() },
      label: "outbox.report" }).finally(() => { submit.disabled = false; });
    if (result.state === "failed") {
      await outbox.discard(result.id);
      const alert = form.querySelector(".form-error");
      alert.textContent = result.error || t("error.generic");
      alert.hidden = false;
      return;
    }
    panel.replaceChildren(h("p", { class: "note-done", role: "status" }, icon("check", 18),
      t(result.state === "queued" ? "notes.reportKept" : "notes.reportDone")));
    opener.disabled = true;
  });
  return form;
}

function deleteButton(note, card, panel, onGone) {
  const button = h("button", { type: "button", class: "note-action", "aria-expanded": "false",
    onclick: () => {
      panel.hidden = !panel.hidden;
      button.setAttribute("aria-expanded", String(!panel.hidden));
      panel.replaceChildren(h("p", { class: "note-confirm" }, t("notes.deleteAsk")),
        h("div", { class: "note-panel-actions" },
          h("button", { type: "button", class: "btn btn-primary btn-small", onclick: remove },
            t("notes.deleteYes")),
          h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: () => {
            panel.hidden = true;
            button.setAttribute("aria-expanded", "false");
          } }, t("notes.cancel"))));
    } }, icon("trash", 18), t("notes.delete"));
  async function remove(event) {
    event.target.disabled = true;
    const result = await send({ method: "DELETE", url: `/api/notes/${encodeURIComponent(note.id)}`,
      label: "outbox.deleteNote" });
    if (result.state === "failed") {
      await outbox.discard(result.id);
      event.target.disabled = false;
      toast(result.error || t("error.generic"), { kind: "error" });
      return;
    }
    toast(t(result.state === "queued" ? "notes.deleteKept" : "notes.deleted"));
    card.remove();
    onGone?.(note);
  }
  return button;
}
