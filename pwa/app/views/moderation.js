// Moderation (HR, notes.moderate): the notes held by a blocked word, reported, or hidden —
// each with its author (even when anonymous to readers), reports and the words that held it —
// to approve, hide (with a reason the author reads) or restore; pausing a campaign's big
// screens; and the blocked words, in English and Chinese. Every action goes through the outbox.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, lang, localized, plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { send } from "../sending.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { clearAsChanged, showFieldErrors } from "../ui/form-errors.js";
import { noteCard } from "../ui/note-card.js";
import { pagedList } from "../ui/paged.js";

const STATES = ["held", "reported", "hidden"];
const ACTIONS = { held: ["approve", "hide"], reported: ["hide"], hidden: ["restore"] };
const REASON_MAX = 300;

export const title = () => t("tools.moderation.title");

export function render() {
  const queue = h("div", { class: "moderation-queue" });
  const tabs = h("div", { class: "notes-tabs notes-tabs-3", role: "group", "aria-label": t("moderation.queues") },
    STATES.map((state) => h("button", { type: "button", class: "notes-tab", "data-state": state,
      onclick: () => show(state) }, t(`moderation.state.${state}`))));
  const show = (state) => {
    for (const button of tabs.querySelectorAll("button")) {
      button.setAttribute("aria-pressed", String(button.dataset.state === state));
    }
    queue.replaceChildren(pagedList(`/api/moderation/notes?state=${state}`, {
      item: (note) => moderated(note, state), className: "notes-list",
      empty: () => h("p", { class: "card notes-empty-text" }, t(`moderation.empty.${state}`)) }).element);
  };
  show("held");
  return h("div", { class: "page page-moderation" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.moderation.title")),
    h("p", { class: "lead" }, t("tools.moderation.text")),
    tabs, queue, pauses(), words());
}

/** A note in a queue: its card, what the moderator needs to know, and what they may do. */
function moderated(note, state) {
  const facts = h("ul", { class: "moderation-facts" },
    note.reports > 0 && h("li", {}, icon("flag", 16), plural("moderation.reports", note.reports,
      { count: formatNumber(note.reports) })),
    note.held_for?.length > 0 && h("li", {}, icon("alert", 16),
      t("moderation.heldFor", { words: note.held_for.join(", ") })),
    note.reason && h("li", {}, icon("trash", 16), t("moderation.hiddenBecause", { reason: note.reason })));
  const panel = h("div", { class: "note-panel", hidden: true });
  const bar = h("div", { class: "moderation-actions" });
  const done = (key) => {
    card.replaceWith(h("p", { class: "card moderation-done", role: "status" }, icon("check", 18), t(key)));
  };
  const act = async (action, reason, button) => {
    button.disabled = true;
    const body = { action };
    if (reason) body.reason = reason;
    const result = await send({ url: `/api/moderation/notes/${encodeURIComponent(note.id)}`, body,
      label: "outbox.moderation" }).finally(() => { button.disabled = false; });
    if (result.state === "failed") {
      await outbox.discard(result.id);
      toast(result.error || t("error.generic"), { kind: "error" });
      return false;
    }
    done(result.state === "queued" ? "moderation.kept" : `moderation.done.${action}`);
    return true;
  };
  for (const action of ACTIONS[state]) {
    const button = h("button", { type: "button",
      class: `btn btn-small ${action === "hide" ? "btn-secondary" : "btn-primary"}`,
      onclick: () => (action === "hide" ? askReason() : act(action, null, button)) }, t(`moderation.${action}`));
    bar.append(button);
  }
  const askReason = () => {
    const id = `hide-${note.id}`;
    const confirm = h("button", { type: "submit", class: "btn btn-primary btn-small" }, t("moderation.hideConfirm"));
    const form = h("form", { class: "note-report", novalidate: true },
      h("div", { class: "field" },
        h("label", { class: "label", for: id }, t("moderation.reason")),
        h("textarea", { id, name: "reason", class: "input", rows: 2, maxlength: REASON_MAX,
          "aria-describedby": `${id}-hint` }),
        h("p", { id: `${id}-hint`, class: "hint" }, t("moderation.reasonHint"))),
      h("div", { class: "note-panel-actions" }, confirm,
        h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: () => { panel.hidden = true; } },
          t("notes.cancel"))));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      act("hide", form.elements.reason.value.trim(), confirm);
    });
    panel.replaceChildren(form);
    panel.hidden = false;
    form.elements.reason.focus();
  };
  const card = noteCard(note, { readOnly: true, extra: [facts, bar, panel] });
  return card;
}

/** Each open campaign's big screens, paused or going. */
function pauses() {
  const list = h("ul", { class: "card list" });
  const section = h("section", { class: "section", "aria-labelledby": "pauses-title" },
    h("h2", { id: "pauses-title", class: "section-title" }, t("moderation.screens")), list);
  get("/api/campaigns").then((page) => {
    const open = page.items.filter((c) => c.state !== "closed");
    list.replaceChildren(...open.map(pauseRow));
    if (!open.length) list.append(h("li", { class: "row row-meta" }, t("moderation.noScreens")));
  }, showError);
  return section;
}

function pauseRow(campaign) {
  const heading = localized(campaign.title);
  let paused = Boolean(campaign.paused);
  const button = h("button", { type: "button", class: "btn btn-secondary btn-small" });
  const state = h("span", { class: "row-meta" });
  const show = () => {
    button.textContent = t(paused ? "moderation.resume" : "moderation.pause");
    button.setAttribute("aria-label", t(paused ? "moderation.resumeNamed" : "moderation.pauseNamed",
      { name: heading.text }));
    state.textContent = t(paused ? "moderation.paused" : "moderation.going");
  };
  button.addEventListener("click", async () => {
    button.disabled = true;
    const result = await send({ method: paused ? "DELETE" : "POST",
      url: `/api/campaigns/${encodeURIComponent(campaign.id)}/pause`, label: "outbox.pause" })
      .finally(() => { button.disabled = false; });
    if (result.state === "failed") {
      await outbox.discard(result.id);
      toast(result.error || t("error.generic"), { kind: "error" });
      return;
    }
    paused = !paused;
    show();
  });
  show();
  return h("li", { class: "row" }, h("span", { class: "row-icon" }, icon("screen", 20)),
    h("span", { class: "row-body" }, h("span", { class: "row-title",
      lang: heading.lang === lang ? null : heading.lang }, heading.text), state), button);
}

/** The blocked words: one a line, English and Chinese apart. */
function words() {
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("moderation.wordsSave"));
  const area = (name, label, language) => h("div", { class: "field" },
    h("label", { class: "label", for: `words-${name}` }, label),
    h("textarea", { id: `words-${name}`, name, class: "input words-input", rows: 5, lang: language,
      "aria-describedby": `words-${name}-error words-hint` }),
    h("p", { id: `words-${name}-error`, class: "field-error", hidden: true }));
  const form = h("form", { class: "form words-form", novalidate: true, "aria-busy": "true" },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("div", { class: "card publish-fields" },
      h("p", { id: "words-hint", class: "hint" }, t("moderation.wordsHint")),
      area("words_en", t("moderation.wordsEn"), "en"),
      area("words_zh", t("moderation.wordsZh"), "zh-CN")),
    h("div", { class: "actions" }, submit));
  clearAsChanged(form);
  const lines = (text) => [...new Set(text.split(/\n/).map((w) => w.trim()).filter(Boolean))];
  get("/api/moderation/words").then((answer) => {
    form.elements.words_en.value = answer.words.filter((w) => w.lang === "en").map((w) => w.word).join("\n");
    form.elements.words_zh.value = answer.words.filter((w) => w.lang !== "en").map((w) => w.word).join("\n");
  }, showError).finally(() => form.removeAttribute("aria-busy"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const en = lines(form.elements.words_en.value);
    const zh = lines(form.elements.words_zh.value);
    const long = [[en, "words_en"], [zh, "words_zh"]].find(([list]) => list.some((w) => [...w].length > 40));
    if (long) {
      showFieldError(form.elements[long[1]], t("moderation.wordLong"));
      return;
    }
    if (!en.length && !zh.length) {
      showFieldError(form.elements.words_en, t("moderation.wordsMissing"));
      return;
    }
    submit.disabled = true;
    const result = await send({ method: "PUT", url: "/api/moderation/words", label: "outbox.words",
      body: { words: [...en.map((word) => ({ word, lang: "en" })), ...zh.map((word) => ({ word, lang: "zh-CN" }))] } })
      .finally(() => { submit.disabled = false; });
    if (result.state === "failed") {
      await outbox.discard(result.id);
      showFieldErrors(form, result.fields, { names: { words: "words_en" } });
      if (!form.querySelector("[aria-invalid=true]")) {
        const alert = form.querySelector(".form-error");
        alert.textContent = result.error || t("error.generic");
        alert.hidden = false;
      }
      return;
    }
    toast(t(result.state === "queued" ? "moderation.kept" : "moderation.wordsSaved"));
  });
  return h("section", { class: "section", "aria-labelledby": "words-title" },
    h("h2", { id: "words-title", class: "section-title" }, t("moderation.words")), form);
}
