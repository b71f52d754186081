// Host tools (events.host): a new event, or one edited (?id=): titles and descriptions in both
// languages, the kind, start and end in my own time (sent as UTC), an https join link, who it
// is for, a capacity; cancel it; after it, attach the recording through the video uploads.

import { get } from "../api.js";
import { h } from "../dom.js";
import { lang, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { send, sendByFields } from "../sending.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { audiencePicker } from "../ui/audience-picker.js";
import { eventCard } from "../ui/event-card.js";
import { field, group, texts } from "../ui/fields.js";
import { clearAsChanged } from "../ui/form-errors.js";
import { pagedList } from "../ui/paged.js";
import { uploadCard } from "../video/upload-card.js";
import { startUpload } from "../video/uploader.js";

const KINDS = ["karaoke", "town_hall", "qa", "other"];
const NAMES = { "title.en": "title_en", "title.zh-CN": "title_zh", title: "title_en",
  "description.en": "description_en", "description.zh-CN": "description_zh",
  starts_at: "starts", ends_at: "ends", audience: "audience_kind" };
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export const title = () => t("tools.events.title");

export function render(ctx) {
  const id = new URLSearchParams(location.search).get("id");
  const slot = h("div", {}, h("p", { class: "app-loading", role: "status" }, t("app.loading")));
  Promise.all([id ? get(`/api/events/${encodeURIComponent(id)}`) : null, get("/api/audiences/options")])
    .then(([event, options]) => slot.replaceChildren(...[eventForm(ctx, event, options),
      event && event.state !== "cancelled" && cancelSection(ctx, event),
      event && recordingSection(event)].filter(Boolean)), showError);
  return h("div", { class: "page page-host" },
    h("a", { href: id ? `/events/${encodeURIComponent(id)}` : "/more", "data-link": true, class: "back-link" },
      icon("back", 20), t(id ? "events.backToEvent" : "tools.back")),
    h("h1", { class: "page-title" }, t(id ? "host.editTitle" : "tools.events.title")),
    slot,
    !id && h("section", { class: "section", "aria-labelledby": "host-upcoming" },
      h("h2", { id: "host-upcoming", class: "section-title" }, t("host.upcoming")),
      pagedList("/api/events/hosting", { item: eventCard, className: "events-list",
        empty: () => h("p", { class: "card hint" }, t("host.none")) }).element));
}

/** "2026-12-03T20:00" in this phone's time from a UTC instant, and back. */
const toLocalInput = (iso) => {
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const toUtc = (local) => new Date(local).toISOString().replace(/\.\d{3}Z$/, "Z");

function eventForm(ctx, event, options) {
  const e = event ?? {};
  const picker = audiencePicker(options, { prefix: "audience", legend: t("host.audience") });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, icon("send", 20),
    t(event ? "host.save" : "host.create"));
  const utc = h("p", { class: "hint host-utc", "aria-live": "polite" });
  const form = h("form", { class: "form host-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    group(t("host.what"), [
      field("host", "kind", t("host.kind"), { value: e.kind ?? "karaoke",
        choices: KINDS.map((k) => [k, t(`events.kind.${k}`)]) }),
      field("host", "title_en", t("host.titleEn"), { value: e.title?.en, lang: "en", maxlength: 120 }),
      field("host", "title_zh", t("host.titleZh"), { value: e.title?.["zh-CN"], lang: "zh-CN", maxlength: 120 }),
      field("host", "description_en", t("host.descriptionEn"), { value: e.description?.en, lang: "en",
        multiline: true, maxlength: 2000 }),
      field("host", "description_zh", t("host.descriptionZh"), { value: e.description?.["zh-CN"],
        lang: "zh-CN", multiline: true, maxlength: 2000 })]),
    group(t("host.when"), [
      h("p", { class: "hint" }, t("host.zone", { zone: ZONE })),
      field("host", "starts", t("host.starts"), { type: "datetime-local",
        value: e.starts_at ? toLocalInput(e.starts_at) : "" }),
      field("host", "ends", t("host.ends"), { type: "datetime-local",
        value: e.ends_at ? toLocalInput(e.ends_at) : "" }),
      utc]),
    group(t("host.where"), [
      field("host", "join_url", t("host.joinUrl"), { type: "url", value: e.join_url, inputmode: "url",
        placeholder: "https://", hint: t("host.joinUrlHint"), autocomplete: "off" }),
      field("host", "capacity", t("host.capacity"), { type: "number", min: 1, inputmode: "numeric",
        value: e.capacity ?? "", hint: t("host.capacityHint") })]),
    picker.element,
    h("div", { class: "actions" }, submit));
  if (e.audience) setAudience(form, e.audience);
  const showUtc = () => {
    const { starts, ends } = form.elements;
    utc.textContent = starts.value && ends.value ? t("host.utc", { from: utcText(starts.value), to: utcText(ends.value) }) : "";
  };
  form.addEventListener("input", showUtc);
  showUtc();
  clearAsChanged(form);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    save(ctx, form, submit, event, picker);
  });
  return form;
}

const utcText = (local) => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short",
  timeZone: "UTC" }).format(new Date(local));

function setAudience(form, audience) {
  for (const [key, name] of [["kind", "audience_kind"], ["unit", "audience_unit"],
    ["department", "audience_department"], ["site", "audience_site"]]) {
    const control = form.elements[name];
    if (control && audience[key]) {
      control.value = audience[key];
      control.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}

async function save(ctx, form, submit, event, picker) {
  clearErrors(form);
  const v = Object.fromEntries(new FormData(form));
  const gaps = [];
  if (!v.title_en.trim() && !v.title_zh.trim()) gaps.push(["title_en", "host.titleMissing"]);
  if (!v.starts) gaps.push(["starts", "host.startsMissing"]);
  if (!v.ends) gaps.push(["ends", "host.endsMissing"]);
  else if (v.starts && new Date(v.ends) <= new Date(v.starts)) gaps.push(["ends", "host.endsBefore"]);
  if (!/^https:\/\/[^\s/]+\.[^\s]+$/i.test(v.join_url.trim())) gaps.push(["join_url", "host.httpsOnly"]);
  for (const [name, key] of gaps.reverse()) showFieldError(form.elements[name], t(key));
  if (gaps.length) return;
  const body = { kind: v.kind, title: texts(v.title_en, v.title_zh),
    description: texts(v.description_en, v.description_zh), starts_at: toUtc(v.starts), ends_at: toUtc(v.ends),
    join_url: v.join_url.trim(), audience: picker.value(), capacity: v.capacity ? Number(v.capacity) : null,
    // An edit keeps the hosts it had (absent would make the editor its only host).
    host_ids: event ? event.hosts.map((host) => host.id) : undefined };
  const result = await sendByFields(form, submit, { method: event ? "PUT" : "POST",
    url: event ? `/api/events/${encodeURIComponent(event.id)}` : "/api/events", body,
    label: "outbox.event" }, { names: NAMES });
  if (result.state === "failed") return;
  toast(t(result.state === "queued" ? "events.kept" : event ? "host.saved" : "host.created"));
  if (result.state === "delivered") ctx.navigate(`/events/${encodeURIComponent(result.data.id)}`);
}

function cancelSection(ctx, event) {
  const button = h("button", { type: "button", class: "btn btn-secondary host-cancel", onclick: async () => {
    if (!confirm(t("host.cancelConfirm"))) return;
    button.disabled = true;
    const result = await send({ url: `/api/events/${encodeURIComponent(event.id)}/cancel`, body: {},
      label: "outbox.eventCancel" }).finally(() => { button.disabled = false; });
    if (result.state === "failed") {
      await outbox.discard(result.id);
      return toast(result.error || t("error.generic"), { kind: "error" });
    }
    toast(t("host.cancelled"));
    ctx.navigate(`/events/${encodeURIComponent(event.id)}`);
  } }, icon("alert", 20), t("host.cancel"));
  return h("section", { class: "section", "aria-labelledby": "host-cancel-title" },
    h("h2", { id: "host-cancel-title", class: "section-title" }, t("host.cancelTitle")),
    h("div", { class: "card publish-fields" }, h("p", { class: "hint" }, t("host.cancelText")), button));
}

/** The recording, through the videos' resumable upload; attached once processed. */
function recordingSection(event) {
  const slot = h("div", {});
  const attach = async (upload) => {
    const result = await send({ url: `/api/events/${encodeURIComponent(event.id)}/recording`,
      body: { video_id: upload.id }, label: "outbox.recording" });
    if (result.state === "failed") return toast(result.error || t("error.generic"), { kind: "error" });
    await upload.forget();
    toast(t("host.recorded"));
  };
  const pick = h("input", { type: "file", accept: "video/*", class: "visually-hidden", name: "recording",
    onchange: async (ev) => {
      const file = ev.target.files[0];
      if (!file) return;
      try {
        const upload = await startUpload(file);
        upload.addEventListener("change", () => {
          if (upload.stage === "ready" && !upload.attached) {
            upload.attached = true;
            attach(upload).catch(showError);
          }
        });
        slot.replaceChildren(uploadCard(upload, { onGone: () => slot.replaceChildren(chooser) }));
        upload.run();
      } catch (error) {
        showError(error);
      }
    } });
  const chooser = h("label", { class: "btn btn-secondary" }, icon("upload", 20), t("host.recordingPick"), pick);
  slot.append(event.recording ? h("p", { class: "hint" }, icon("check", 18), t("host.recordingDone")) : chooser);
  return h("section", { class: "section", "aria-labelledby": "host-recording" },
    h("h2", { id: "host-recording", class: "section-title" }, t("host.recording")),
    h("div", { class: "card publish-fields" }, h("p", { class: "hint" }, t("host.recordingText")), slot));
}
