// Start a check-in (checkins.run): the question in English and Chinese ("Are you safe?"
// prefilled, editable), who it reaches, a drill or a real event (a real one asks once more
// before it alerts people), HR's optional note with a counter, and when the reminder and the
// email with a one-time link go to those who have not answered. Sent through the outbox.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { icon } from "../icons.js";
import { can } from "../permissions.js";
import { sendByFields } from "../sending.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { audiencePicker } from "../ui/audience-picker.js";
import { NOTE_MAX } from "../ui/checkin-card.js";
import { clearAsChanged } from "../ui/form-errors.js";

const NAMES = { question: "question_en", "question.en": "question_en", "question.zh-CN": "question_zh",
  audience: "audience_kind", "audience.unit": "audience_unit", "audience.department": "audience_department",
  "audience.site": "audience_site", "audience.people": "audience_people", note: "note",
  remind_after_s: "remind_after_s", email_after_s: "email_after_s" };
const REMIND = [300, 900, 1800, 3600];
const EMAIL = [1800, 3600, 7200, 14400];
const KINDS = ["site", "unit", "department", "company", "people"];

export const title = () => t("checkins.start");

export function render(ctx) {
  const slot = h("div", {}, h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  audienceOptions(ctx.user).then((options) => slot.replaceChildren(form(ctx, options)), (error) => {
    slot.replaceChildren(h("p", { class: "card checkin-problem", role: "alert" }, error.message));
  });
  return h("div", { class: "page page-checkin-start" },
    h("a", { href: "/tools/checkins", "data-link": true, class: "back-link" }, icon("back", 20),
      t("tools.checkins.title")),
    h("h1", { class: "page-title" }, t("checkins.start")),
    h("p", { class: "lead" }, t("checkins.startText")), slot);
}

/** Units and sites with their sizes for publishers; by name only for a safety operator. */
async function audienceOptions(user) {
  if (can(user, "news.publish")) return get("/api/audiences/options");
  const names = await get("/api/audiences/names");
  return { units: names.units.map((name) => ({ name, departments: [] })),
    sites: names.sites.map((name) => ({ name })) };
}

function form(ctx, options) {
  const audience = audiencePicker(options, { prefix: "audience", legend: t("checkins.audience"), kinds: KINDS });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, icon("send", 20), t("checkins.send"));
  const confirm = h("div", { class: "card checkin-confirm", role: "alertdialog", hidden: true,
    "aria-labelledby": "checkin-confirm-title" },
  h("h2", { id: "checkin-confirm-title", class: "checkin-confirm-title" }, icon("alert", 22),
    t("checkins.confirmTitle")),
  h("p", {}, t("checkins.confirmText")),
  h("div", { class: "actions" },
    h("button", { type: "button", class: "btn btn-danger", onclick: () => go(true) }, t("checkins.confirmYes")),
    h("button", { type: "button", class: "btn btn-quiet", onclick: () => {
      confirm.hidden = true;
      submit.hidden = false;
    } }, t("checkins.confirmNo"))));
  const el = h("form", { class: "form checkin-start", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    h("fieldset", { class: "section publish-group" },
      h("legend", { class: "section-title" }, t("checkins.question")),
      h("div", { class: "card publish-fields" },
        field("question_en", t("checkins.questionEn"), { lang: "en", value: "Are you safe?" }),
        field("question_zh", t("checkins.questionZh"), { lang: "zh-CN", value: "你安全吗？" }))),
    audience.element,
    h("fieldset", { class: "section publish-group" },
      h("legend", { class: "section-title" }, t("checkins.kind")),
      h("div", { class: "card publish-fields" },
        h("div", { class: "segmented checkin-kind-choice" }, ["drill", "real"].map((kind) =>
          h("label", { class: "choice" }, h("input", { type: "radio", name: "kind", value: kind,
            checked: kind === "drill" }), h("span", {}, t(`checkins.kind.${kind}`))))),
        h("p", { class: "hint checkin-kind-hint", "aria-live": "polite" }),
        noteField())),
    h("fieldset", { class: "section publish-group" },
      h("legend", { class: "section-title" }, t("checkins.waves")),
      h("div", { class: "card publish-fields" },
        timing("remind_after_s", t("checkins.remindAfter"), REMIND, 900),
        timing("email_after_s", t("checkins.emailAfter"), EMAIL, 3600),
        h("p", { class: "hint" }, t("checkins.wavesHint")))),
    confirm,
    h("div", { class: "actions" }, submit));
  const showKind = () => {
    const real = el.elements.kind.value === "real";
    el.querySelector(".checkin-kind-hint").textContent = t(real ? "checkins.realHint" : "checkins.drillHint");
    submit.replaceChildren(icon("send", 20), t(real ? "checkins.sendReal" : "checkins.send"));
    confirm.hidden = true;
    submit.hidden = false;
  };
  el.addEventListener("change", (event) => { if (event.target.name === "kind") showKind(); });
  showKind();
  clearAsChanged(el);

  async function go(confirmed) {
    clearErrors(el);
    const v = Object.fromEntries(new FormData(el));
    const drill = v.kind !== "real";
    const body = { question: { en: v.question_en.trim(), "zh-CN": v.question_zh.trim() },
      audience: audience.value(), drill, note: v.note.trim(),
      remind_after_s: Number(v.remind_after_s), email_after_s: Number(v.email_after_s) };
    if (body.audience.kind === "people" && !body.audience.people.length) {
      return showFieldError(el.querySelector("#picker-audience_people"), t("checkins.nobodyListed"));
    }
    if (!drill && !confirmed) { // a real event alerts everyone in it, even with alerts muted
      submit.hidden = true;
      confirm.hidden = false;
      return confirm.querySelector(".btn-danger").focus();
    }
    confirm.hidden = true;
    submit.hidden = false;
    const result = await sendByFields(el, submit, { url: "/api/checkins", body, label: "outbox.checkin" },
      { names: NAMES });
    if (result.state === "delivered") {
      toast(t("checkins.started"));
      ctx.navigate(`/tools/checkins/${encodeURIComponent(result.data.id)}`);
    } else if (result.state === "queued") {
      toast(t("checkins.startedLater"));
      ctx.navigate("/tools/checkins");
    }
  }
  el.addEventListener("submit", (event) => {
    event.preventDefault();
    go(false).catch(showError);
  });
  return el;
}

function noteField() {
  const id = "checkin-start-note";
  const counter = h("p", { class: "hint checkin-counter", id: `${id}-count`, "aria-live": "polite" });
  const text = h("textarea", { id: "note", name: "note", class: "input", rows: 3, maxlength: NOTE_MAX,
    "aria-describedby": `${id}-count note-error` });
  const count = () => {
    counter.textContent = t("checkin.noteCount", { count: formatNumber([...text.value].length),
      max: formatNumber(NOTE_MAX) });
  };
  text.addEventListener("input", count);
  count();
  return h("div", { class: "field" }, h("label", { class: "label", for: "note" }, t("checkins.note")),
    text, counter, h("p", { id: "note-error", class: "field-error", hidden: true }));
}

function field(name, label, { lang: language, value }) {
  return h("div", { class: "field" },
    h("label", { class: "label", for: name }, label),
    h("input", { id: name, name, class: "input", lang: language, maxlength: 120, value,
      "aria-describedby": `${name}-error` }),
    h("p", { id: `${name}-error`, class: "field-error", hidden: true }));
}

function timing(name, label, choices, chosen) {
  return h("div", { class: "field" },
    h("label", { class: "label", for: name }, label),
    h("select", { id: name, name, class: "input", "aria-describedby": `${name}-error` },
      choices.map((s) => h("option", { value: String(s), selected: s === chosen },
        s < 3600 ? t("checkins.afterMinutes", { count: formatNumber(s / 60) })
          : t("checkins.afterHours", { count: formatNumber(s / 3600) })))),
    h("p", { id: `${name}-error`, class: "field-error", hidden: true }));
}
