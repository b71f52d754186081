// Publish news (editors for their units; HR and admins anywhere): pick or record a video, which
// uploads at once while the editor writes the title and text in English and Chinese, chooses
// the audience and the time, and whether people must acknowledge it. Then: the items so far.

import { get, request } from "../api.js";
import { h } from "../dom.js";
import { formatAgo, localized, plural, t } from "../i18n.js";
import { icon } from "../icons.js";
import { rememberItem } from "../news-items.js";
import { can } from "../permissions.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { audienceName } from "../ui/news.js";
import { uploadCard } from "../video/upload-card.js";
import { pendingUploads, startUpload } from "../video/uploader.js";

const TYPES = "video/mp4,video/quicktime,video/webm,video/*";
// The API's field names that differ from the form's (the audience's fields share theirs).
const NAMES = { title: "title_en", "title.en": "title_en", "title.zh-CN": "title_zh",
  "text.en": "text_en", "text.zh-CN": "text_zh", video_id: "video" };

export const title = () => t("tools.publish.title");

export function render(ctx) {
  const page = h("div", { class: "page page-publish" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.publish.title")));
  const slot = h("div", { class: "publish-slot" });
  page.append(slot);
  Promise.all([pendingUploads(), get("/api/audiences/options")]).then(([uploads, options]) => {
    const upload = uploads[0];
    slot.replaceChildren(form(ctx, upload, options));
    page.append(recent(ctx, options));
    upload?.run(); // after a reload: carries on where the server says it stopped
  }).catch(showError);
  return page;
}

function form(ctx, upload, options) {
  const manager = can(ctx.user, "news.manage");
  const saved = upload?.draft.form ?? {};
  const video = h("div", { class: "publish-video" });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, icon("send", 20),
    t("publish.submit"));
  const formEl = h("form", { class: "form publish-form", novalidate: true },
    h("section", { class: "section", "aria-labelledby": "publish-video-title" },
      h("h2", { id: "publish-video-title", class: "section-title" }, t("publish.video")), video),
    h("p", { class: "form-error", role: "alert", hidden: true }),
    fieldset(t("publish.titles"), [
      input("title_en", t("publish.titleEn"), saved.title_en, { lang: "en", maxlength: 120 }),
      input("title_zh", t("publish.titleZh"), saved.title_zh, { lang: "zh-CN", maxlength: 120 })]),
    fieldset(t("publish.texts"), [
      input("text_en", t("publish.textEn"), saved.text_en, { lang: "en", multiline: true }),
      input("text_zh", t("publish.textZh"), saved.text_zh, { lang: "zh-CN", multiline: true })]),
    audienceFields(manager, options, saved),
    whenFields(saved),
    fieldset(t("publish.options"), [
      toggle("must_acknowledge", t("publish.mustAcknowledge"), t("publish.mustAcknowledgeHint"),
        saved.must_acknowledge),
      manager && toggle("pinned", t("publish.pinned"), t("publish.pinnedHint"), saved.pinned)]),
    h("div", { class: "actions" }, submit));

  let current = upload;
  const enable = () => {
    submit.disabled = !current || current.stage === "uploading" || current.stage === "failed";
  };
  const showVideo = () => {
    current?.addEventListener("change", enable);
    video.replaceChildren(current ? uploadCard(current, { onGone: () => {
      current = null;
      showVideo();
    } }) : picker(async (file) => {
      try {
        current = await startUpload(file);
        await current.saveForm(values(formEl));
        showVideo();
        current.run();
      } catch (error) {
        showError(error, { form: formEl });
      }
    }));
    enable();
  };
  let pending = 0;
  formEl.addEventListener("input", () => {
    clearTimeout(pending);
    pending = setTimeout(() => current?.saveForm(values(formEl)).catch(showError), 400);
    showWhen(formEl);
    showAudience(formEl, options);
  });
  formEl.addEventListener("submit", (event) => {
    event.preventDefault();
    publish(ctx, formEl, current, submit);
  });
  showVideo();
  showAudience(formEl, options);
  showWhen(formEl);
  return formEl;
}

function picker(onFile) {
  const choose = (key, extra, iconName) => {
    const field = h("input", { type: "file", name: "video", accept: TYPES, class: "visually-hidden",
      ...extra, onchange: (event) => event.target.files[0] && onFile(event.target.files[0]) });
    return h("label", { class: "btn btn-secondary picker-button" }, icon(iconName, 20), t(key), field);
  };
  return h("div", { class: "card picker" },
    h("p", { class: "picker-text" }, t("publish.pickText")),
    h("div", { class: "picker-buttons" },
      choose("publish.record", { capture: "environment", "data-kind": "record" }, "video"),
      choose("publish.choose", { "data-kind": "choose" }, "upload")),
    h("p", { class: "hint" }, t("publish.pickHint")));
}

function fieldset(legend, children) {
  return h("fieldset", { class: "section publish-group" },
    h("legend", { class: "section-title" }, legend),
    h("div", { class: "card publish-fields" }, children));
}

function input(name, label, value, { lang, maxlength, multiline = false, type = "text" } = {}) {
  const id = `publish-${name}`;
  const attrs = { id, name, class: "input", lang, maxlength, "aria-describedby": `${id}-error` };
  const control = multiline ? h("textarea", { ...attrs, rows: 4, maxlength: 5000 }, value ?? "")
    : h("input", { ...attrs, type, value: value ?? "" });
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label), control,
    h("p", { id: `${id}-error`, class: "field-error", hidden: true }));
}

function toggle(name, label, hint, checked) {
  return h("label", { class: "toggle" },
    h("span", { class: "toggle-text" }, h("span", { class: "toggle-label" }, label),
      h("span", { class: "toggle-hint" }, hint)),
    h("input", { type: "checkbox", name, role: "switch", checked: Boolean(checked) }));
}

function select(name, label, options, value) {
  const id = `publish-${name}`;
  return h("div", { class: "field" },
    h("label", { class: "label", for: id }, label),
    h("select", { id, name, class: "input", "data-saved": value }, options.map(([v, text]) =>
      h("option", { value: v, selected: v === value }, text))));
}

/**
 * Who sees it, chosen among the directory's own units, departments and sites (editors: their
 * units), with how many people it reaches shown before publishing.
 */
function audienceFields(manager, options, saved) {
  const kinds = (manager ? ["company", "unit", "department", "site"] : ["unit", "department"])
    .map((kind) => [kind, t(`publish.kind.${kind}`)]);
  const names = (list) => list.map(({ name }) => [name, name]);
  return fieldset(t("publish.audience"), [
    select("kind", t("publish.kind"), kinds, saved.kind ?? kinds[0][0]),
    select("unit", t("publish.unit"), names(options.units), saved.unit),
    select("department", t("publish.department"), [], saved.department),
    select("site", t("publish.site"), names(options.sites), saved.site),
    h("p", { class: "hint audience-size", "aria-live": "polite" })]);
}

/** Shows the fields the kind needs, the chosen unit's departments, and the audience's size. */
function showAudience(form, options) {
  const { kind, unit, department, site } = form.elements;
  const needs = { company: [], unit: ["unit"], department: ["unit", "department"], site: ["site"] };
  for (const field of [unit, department, site]) {
    field.closest(".field").hidden = !needs[kind.value].includes(field.name);
  }
  const chosen = options.units.find((u) => u.name === unit.value);
  const departments = chosen?.departments ?? [];
  if (department.dataset.unit !== unit.value) { // another unit: its own departments
    const keep = department.value || department.getAttribute("data-saved");
    department.replaceChildren(...departments.map(({ name }) =>
      h("option", { value: name, selected: name === keep }, name)));
    department.dataset.unit = unit.value;
  }
  const size = { company: options.company, unit: chosen?.size,
    department: departments.find((d) => d.name === department.value)?.size,
    site: options.sites.find((s) => s.name === site.value)?.size }[kind.value] ?? 0;
  form.querySelector(".audience-size").textContent = plural("publish.reaches", size);
}

function showWhen(form) {
  const later = form.elements.when.value === "later";
  form.elements.publish_at.closest(".field").hidden = !later;
}

function whenFields(saved) {
  const when = saved.when ?? "now";
  const radio = (value) => h("label", { class: "choice" },
    h("input", { type: "radio", name: "when", value, checked: when === value }),
    h("span", {}, t(`publish.when.${value}`)));
  return fieldset(t("publish.when"), [
    h("div", { class: "segmented" }, radio("now"), radio("later")),
    input("publish_at", t("publish.at"), saved.publish_at, { type: "datetime-local" })]);
}

function values(form) {
  const data = Object.fromEntries(new FormData(form));
  for (const name of ["must_acknowledge", "pinned"]) data[name] = Boolean(form.elements[name]?.checked);
  delete data.video;
  return data;
}

async function publish(ctx, form, upload, submit) {
  clearErrors(form);
  const v = values(form);
  if (v.when === "later" && !v.publish_at) {
    showFieldError(form.elements.publish_at, t("publish.atMissing"));
    return;
  }
  const texts = (en, zh) => Object.fromEntries([["en", en], ["zh-CN", zh]]
    .map(([code, text]) => [code, (text || "").trim()]).filter(([, text]) => text));
  const kind = v.kind;
  const audience = { kind, ...(kind === "unit" || kind === "department" ? { unit: v.unit } : {}),
    ...(kind === "department" ? { department: v.department } : {}),
    ...(kind === "site" ? { site: v.site } : {}) };
  const body = { title: texts(v.title_en, v.title_zh), text: texts(v.text_en, v.text_zh),
    video_id: upload.id, audience, must_acknowledge: v.must_acknowledge,
    publish_at: v.when === "later" && v.publish_at ? Math.floor(new Date(v.publish_at) / 1000) : null };
  if (form.elements.pinned) body.pinned = v.pinned;
  submit.disabled = true;
  try {
    const item = await request("/api/news", { method: "POST", body,
      headers: { "Idempotency-Key": crypto.randomUUID() } });
    await upload.forget();
    rememberItem(item);
    toast(t(`publish.done.${item.state}`));
    ctx.navigate(`/tools/reach?id=${encodeURIComponent(item.id)}`);
  } catch (error) {
    showError(error, { form, names: NAMES });
    submit.disabled = false;
  }
}

/**
 * The items this person manages, newest first, each with its state and a link to its reach:
 * HR and admins see every unit's too, and pick one unit (or company-wide and sites) to list.
 */
function recent(ctx, options) {
  const list = h("ul", { class: "card list" });
  const manager = can(ctx.user, "news.manage");
  const units = manager ? options.units.map((u) => u.name) : ctx.user.editor_units || [];
  const scopes = [...(manager ? [""] : []), ...units];
  const filter = h("select", { id: "publish-recent-unit", class: "input" },
    h("option", { value: "*" }, t("publish.recentAll")),
    manager && h("option", { value: "" }, t("publish.recentCompany")),
    units.map((unit) => h("option", { value: unit }, unit)));
  const section = h("section", { class: "section", "aria-labelledby": "publish-recent" },
    h("h2", { id: "publish-recent", class: "section-title" }, t("publish.recent")),
    scopes.length > 1 && h("div", { class: "field publish-filter" },
      h("label", { class: "label", for: filter.id }, t("publish.recentUnit")), filter),
    list);
  let pages = [];
  const show = () => {
    const chosen = filter.value === "*" ? pages : pages.filter((p) => p.unit === filter.value);
    const items = chosen.flatMap((p) => p.items).sort((a, b) => b.publish_at - a.publish_at);
    if (!items.length) list.replaceChildren(h("li", { class: "row row-meta" }, t("publish.none")));
    else list.replaceChildren(...items.slice(0, 10).map(managedRow));
  };
  filter.addEventListener("change", show);
  Promise.all(scopes.map((unit) => get(`/api/news/manage?limit=10${unit
    ? `&unit=${encodeURIComponent(unit)}` : ""}`).then((p) => ({ unit, items: p.items }))))
    .then((loaded) => {
      pages = loaded;
      show();
    }, (error) => {
      showError(error);
      section.hidden = true;
    });
  return section;
}

function managedRow(item) {
  rememberItem(item);
  const title = localized(item.title);
  const state = item.state === "blocked"
    ? t("publish.state.blocked", { reason: item.video_reason_message || "" })
    : t(`publish.state.${item.state}`);
  return h("li", {}, h("a", { href: `/tools/reach?id=${encodeURIComponent(item.id)}`,
    "data-link": true, class: "row row-link" },
  h("span", { class: `row-icon state-${item.state}` }, icon(item.state === "published"
    ? "check" : item.state === "blocked" ? "alert" : "clock", 22)),
  h("span", { class: "row-body" },
    h("span", { class: "row-title", lang: title.lang }, title.text),
    h("span", { class: "row-meta" }, `${audienceName(item.audience)} · ${state} · `
      + `${formatAgo(item.publish_at * 1000)} · `
      + t("publish.counts", { views: item.views, acks: item.acks }))),
  icon("chevron", 20)));
}
