// Notify (HR; editors for their units): a title and text in English and Chinese, a screen of
// the app to open, who gets it (with how many people that is, asked before sending), now or
// later, crisis or not, must people acknowledge it. Sent through the outbox with its own
// Idempotency-Key. Below: what was sent, with its numbers (ui/notification-stats.js).

import { get, post } from "../api.js";
import { h, live } from "../dom.js";
import { plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { sendByFields } from "../sending.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { sentNotifications } from "../ui/notification-stats.js";

// The API's field names that differ from the form's.
const NAMES = { title: "title_en", "title.en": "title_en", "title.zh-CN": "title_zh", body: "body_en",
  "body.en": "body_en", "body.zh-CN": "body_zh", send_at: "send_at", "audience.kind": "kind" };
export const LINKS = ["/inbox", "/", "/news", "/stories", "/notes", "/pass", "/pass/declare"];
const AUDIENCE_FIELDS = ["kind", "unit", "department", "site", "role", "people", "when"];
const KINDS = ["company", "unit", "department", "site", "role", "people"];
const ROLES = ["employee", "editor", "hr", "health_officer", "guard", "admin"];
const TOPICS = ["hr", "news", "health", "notes", "events"];
const TTLS = [3600, 86400, 604800];

export const title = () => t("tools.notify.title");

export function render(ctx) {
  const slot = h("div", {}, h("p", { class: "app-loading" }, t("app.loading")));
  get("/api/audiences/options").then((options) => {
    const list = sentNotifications();
    // Listed once the server has it: at once, or when the outbox delivers it later.
    live(list, outbox.subscribe, (message) => {
      if (message.type === "delivered" && message.entry.url === "/api/notifications") list.reload();
    });
    slot.replaceChildren(compose(options), list);
  }).catch(showError);
  return h("div", { class: "page page-notify" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.notify.title")),
    h("p", { class: "lead" }, t("tools.notify.text", { name: ctx.user.name })), slot);
}

function compose(options) {
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, icon("send", 20),
    t("notify.send"));
  const size = h("p", { class: "notify-size", "aria-live": "polite" });
  const form = h("form", { class: "form notify-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    group(t("notify.message"), [
      field("title_en", t("notify.titleEn"), { lang: "en", maxlength: 80 }),
      field("body_en", t("notify.bodyEn"), { lang: "en", maxlength: 400, multiline: true }),
      field("title_zh", t("notify.titleZh"), { lang: "zh-CN", maxlength: 80 }),
      field("body_zh", t("notify.bodyZh"), { lang: "zh-CN", maxlength: 400, multiline: true }),
      select("link", t("notify.link"), LINKS.map((path) => [path, t(`notify.link.${path}`)]))]),
    group(t("notify.audience"), [
      select("kind", t("notify.kind"), kindsFor(options).map((kind) =>
        [kind, t(`notify.kind.${kind}`)])),
      select("unit", t("publish.unit"), options.units.map(({ name }) => [name, name])),
      select("department", t("publish.department"), []),
      select("site", t("publish.site"), options.sites.map(({ name }) => [name, name])),
      select("role", t("notify.role"), ROLES.map((role) => [role, t(`notify.role.${role}`)])),
      field("people", t("notify.people"), { hint: t("notify.peopleHint") }),
      size]),
    group(t("notify.delivery"), [
      h("div", { class: "segmented" }, ["now", "later"].map((when) => h("label", { class: "choice" },
        h("input", { type: "radio", name: "when", value: when, checked: when === "now" }),
        h("span", {}, t(`notify.when.${when}`))))),
      field("send_at", t("notify.at"), { type: "datetime-local" }),
      select("topic", t("notify.topic"), TOPICS.map((topic) => [topic, t(`push.topic.${topic}`)])),
      select("ttl_s", t("notify.ttl"), TTLS.map((s) => [String(s), t(`notify.ttl.${s}`)])),
      toggle("crisis", t("notify.crisis"), t("notify.crisisHint")),
      toggle("must_acknowledge", t("notify.mustAck"), t("notify.mustAckHint"))]),
    h("div", { class: "actions" }, submit));
  let asked = 0;
  const update = () => {
    showFields(form, options);
    clearTimeout(asked);
    asked = setTimeout(() => preview(form, size), 300);
  };
  form.addEventListener("change", (event) => {
    if (AUDIENCE_FIELDS.includes(event.target.name)) update();
  });
  form.elements.people.addEventListener("input", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sendIt(form, submit, update);
  });
  update();
  return form;
}

/** An editor (the options hold no company-wide size) notifies only units they edit. */
const kindsFor = (options) => (options.company == null ? ["unit", "department"] : KINDS);

function audienceOf(form) {
  const { kind, unit, department, site, role, people } = form.elements;
  const ids = people.value.split(/[\s,;，；]+/).map((id) => id.trim().toUpperCase()).filter(Boolean);
  return { kind: kind.value,
    unit: ["unit", "department"].includes(kind.value) ? unit.value : undefined,
    department: kind.value === "department" ? department.value : undefined,
    site: kind.value === "site" ? site.value : undefined,
    role: kind.value === "role" ? role.value : undefined,
    people: kind.value === "people" ? ids : undefined };
}

function showFields(form, options) {
  const { kind, unit, department } = form.elements;
  const needs = { company: [], unit: ["unit"], department: ["unit", "department"], site: ["site"],
    role: ["role"], people: ["people"] }[kind.value];
  for (const name of ["unit", "department", "site", "role", "people"]) {
    form.elements[name].closest(".field").hidden = !needs.includes(name);
  }
  if (department.dataset.unit !== unit.value) { // another unit: its own departments
    const chosen = options.units.find((u) => u.name === unit.value);
    department.replaceChildren(...(chosen?.departments ?? []).map(({ name }) =>
      h("option", { value: name }, name)));
    department.dataset.unit = unit.value;
  }
  form.elements.send_at.closest(".field").hidden = form.elements.when.value !== "later";
}

/** "Reaches 123 people", asked from the server (exact); offline, it says it cannot tell yet. */
async function preview(form, size) {
  const audience = audienceOf(form);
  if (audience.kind === "people" && !audience.people.length) {
    size.textContent = t("notify.sizeNobody");
    return;
  }
  size.textContent = t("notify.sizeAsking");
  try {
    const answer = await post("/api/notifications/preview", { audience });
    size.replaceChildren(icon("users", 18), plural("publish.reaches", answer.size));
  } catch (error) {
    size.textContent = error.offline ? t("notify.sizeOffline") : "";
    if (!error.offline) showError(error, { form, names: NAMES });
  }
}

async function sendIt(form, submit, cleared) {
  clearErrors(form);
  const v = Object.fromEntries(new FormData(form));
  const texts = (en, zh) => Object.fromEntries([["en", en], ["zh-CN", zh]]
    .map(([code, text]) => [code, (text || "").trim()]).filter(([, text]) => text));
  const body = { title: texts(v.title_en, v.title_zh), body: texts(v.body_en, v.body_zh),
    link: v.link, audience: audienceOf(form), urgency: v.crisis ? "high" : "normal",
    ttl_s: Number(v.ttl_s), must_acknowledge: Boolean(v.must_acknowledge), topic: v.topic,
    send_at: v.when === "later" && v.send_at ? new Date(v.send_at).toISOString() : null };
  const missing = [[!body.title.en && !body.title["zh-CN"], "title_en", "notify.titleMissing"],
    [!body.body.en && !body.body["zh-CN"], "body_en", "notify.bodyMissing"],
    [v.when === "later" && !v.send_at, "send_at", "notify.atMissing"]].filter(([gap]) => gap);
  for (const [, name, key] of missing.reverse()) showFieldError(form.elements[name], t(key));
  if (missing.length) return;
  const result = await sendByFields(form, submit,
    { url: "/api/notifications", body, label: "outbox.notify" }, { names: NAMES });
  if (result.state === "failed") return;
  toast(t(result.state === "queued" ? "notify.kept" : `notify.done.${result.data.state}`));
  form.reset();
  cleared();
}

function group(legend, children) {
  return h("fieldset", { class: "section publish-group" },
    h("legend", { class: "section-title" }, legend),
    h("div", { class: "card publish-fields" }, children));
}

function field(name, label, { lang, maxlength, multiline = false, type = "text", hint } = {}) {
  const id = `notify-${name}`;
  const attrs = { id, name, class: "input", lang, maxlength, "aria-describedby": `${id}-error` };
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label),
    multiline ? h("textarea", { ...attrs, rows: 3 }) : h("input", { ...attrs, type }),
    hint && h("p", { class: "hint" }, hint),
    h("p", { id: `${id}-error`, class: "field-error", hidden: true }));
}

function select(name, label, choices) {
  const id = `notify-${name}`;
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label),
    h("select", { id, name, class: "input" }, choices.map(([value, text]) =>
      h("option", { value }, text))));
}

function toggle(name, label, hint) {
  return h("label", { class: "toggle" },
    h("span", { class: "toggle-text" }, h("span", { class: "toggle-label" }, label),
      h("span", { class: "toggle-hint" }, hint)),
    h("input", { type: "checkbox", name, role: "switch" }));
}
