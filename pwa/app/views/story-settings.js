// Story settings (More → Story settings, `stories.settings`): how long a recording may last and
// the topic tags people choose from, each named in both languages. Saved through the outbox;
// stories already made keep their tags and their limit.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { icon } from "../icons.js";
import { sendForm } from "../sending.js";
import { showError, toast } from "../toast.js";
import { clearAsChanged, clearErrors, showFieldError, showFieldErrors } from "../ui/form-errors.js";

const URL = "/api/stories/settings";
const MIN_S = 10;
const MAX_S = 180;
const TAGS_MAX = 20;

export const title = () => t("storySettings.title");

export function render() {
  const slot = h("div", {}, h("div", { class: "spinner", role: "progressbar",
    "aria-label": t("storySettings.loading") }));
  get(URL).then((settings) => slot.replaceChildren(form(settings)), (error) => {
    showError(error);
    slot.replaceChildren(h("p", { class: "hint" }, t("storySettings.needNetwork")));
  });
  return h("div", { class: "page page-story-settings" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("storySettings.title")),
    h("p", { class: "page-lead" }, t("storySettings.lead")), slot);
}

function form(settings) {
  const rows = h("ul", { class: "story-tag-rows" });
  let next = 0;
  const addRow = (tag) => rows.append(tagRow(tag, next++));
  settings.tags.forEach(addRow);
  const add = h("button", { type: "button", class: "btn btn-secondary" }, t("storySettings.addTag"));
  add.addEventListener("click", () => {
    addRow({ id: "", label: { en: "", "zh-CN": "" } });
    rows.lastElementChild.querySelector("input").focus();
  });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, t("storySettings.save"));
  const el = h("form", { class: "form story-settings", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("fieldset", { class: "section publish-group" },
      h("legend", { class: "section-title" }, t("storySettings.limit")),
      h("div", { class: "card publish-fields" },
        h("div", { class: "field" },
          h("label", { class: "label", for: "story-max" }, t("storySettings.seconds")),
          h("input", { id: "story-max", name: "max_seconds", type: "number", class: "input",
            inputmode: "numeric", min: MIN_S, max: MAX_S, value: settings.max_seconds }),
          h("p", { class: "hint" }, t("storySettings.secondsHint",
            { min: formatNumber(MIN_S), max: formatNumber(MAX_S) }))))),
    h("fieldset", { class: "section publish-group" },
      h("legend", { class: "section-title" }, t("storySettings.tags")),
      h("div", { class: "card publish-fields" }, rows, h("div", { class: "actions" }, add))),
    h("div", { class: "actions" }, submit));
  clearAsChanged(el);
  el.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(el);
    const body = read(el);
    if (!body) return;
    const result = await sendForm(el, submit, { method: "PUT", url: URL, body,
      label: "outbox.storySettings" });
    if (result.state === "delivered") toast(t("storySettings.saved"));
    if (result.state === "queued") toast(t("storySettings.savedLater"));
    if (result.state === "failed") showFieldErrors(el, result.fields);
  });
  return el;
}

function tagRow(tag, n) {
  const remove = h("button", { type: "button", class: "btn btn-secondary btn-small",
    "aria-label": t("storySettings.remove", { name: tag.label.en || t("storySettings.newTag") }) },
  icon("trash", 18));
  const row = h("li", { class: "story-tag-row", "data-id": tag.id },
    labelField(`tag-${n}-en`, t("storySettings.labelEn"), tag.label.en, "en"),
    labelField(`tag-${n}-zh`, t("storySettings.labelZh"), tag.label["zh-CN"], "zh-CN"), remove);
  remove.addEventListener("click", () => row.remove());
  const english = row.querySelector("input");
  english.addEventListener("input", () => remove.setAttribute("aria-label",
    t("storySettings.remove", { name: english.value.trim() || t("storySettings.newTag") })));
  return row;
}

const labelField = (id, label, value, lang) => h("div", { class: "field" },
  h("label", { class: "label", for: id }, label),
  h("input", { id, name: id, class: "input", lang, maxlength: 60, value: value ?? "" }));

/** The body to send, or null after marking what is missing next to its field. */
function read(el) {
  const seconds = Number(el.elements.max_seconds.value);
  if (!Number.isInteger(seconds) || seconds < MIN_S || seconds > MAX_S) {
    showFieldError(el.elements.max_seconds, t("storySettings.secondsWrong",
      { min: formatNumber(MIN_S), max: formatNumber(MAX_S) }));
    return null;
  }
  const rows = [...el.querySelectorAll(".story-tag-row")];
  if (rows.length > TAGS_MAX) {
    showFieldError(rows.at(-1).querySelector("input"), t("storySettings.tooMany",
      { max: formatNumber(TAGS_MAX) }));
    return null;
  }
  const tags = [];
  const used = new Set();
  for (const row of rows) {
    const [en, zh] = row.querySelectorAll("input");
    const missing = [en, zh].find((input) => !input.value.trim());
    if (missing) {
      showFieldError(missing, t("storySettings.labelMissing"));
      return null;
    }
    // A tag keeps its id (stories carry it); a new one gets one from its English name.
    const id = row.dataset.id || tagId(en.value, used);
    used.add(id);
    tags.push({ id, label: { en: en.value.trim(), "zh-CN": zh.value.trim() } });
  }
  return { max_seconds: seconds, tags };
}

function tagId(english, used) {
  const base = english.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "").slice(0, 28) || "tag";
  let id = base;
  for (let n = 2; used.has(id) || document.querySelector(`.story-tag-row[data-id="${id}"]`); n += 1) {
    id = `${base}_${n}`;
  }
  return id;
}
