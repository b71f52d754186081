// Publishing tips (tips.publish): title and text in both languages, tags, poster or guide, and
// an image or PDF sent straight to storage through a presigned upload, with its progress.
// Below: the tips so far, each withdrawable.

import { ApiError, request } from "../api.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { sendByFields } from "../sending.js";
import { clearErrors, showError, showFieldError, toast } from "../toast.js";
import { field, group, texts } from "../ui/fields.js";
import { clearAsChanged } from "../ui/form-errors.js";
import { pagedList } from "../ui/paged.js";
import { megabytes, TAGS, tipCard } from "../ui/tip-card.js";

const TYPES = ["image/png", "image/jpeg", "image/webp", "application/pdf"];
const MAX_BYTES = 10 * 1024 * 1024;
const NAMES = { "title.en": "title_en", "title.zh-CN": "title_zh", title: "title_en",
  "body.en": "body_en", "body.zh-CN": "body_zh", file_id: "file", filename: "file", size: "file",
  content_type: "file" };

export const title = () => t("tools.tips.title");

export function render(ctx) {
  const list = pagedList("/api/tips", { item: withdrawable, className: "tips-list",
    empty: () => h("p", { class: "card hint" }, t("tips.noneYet")) });
  return h("div", { class: "page page-tips-publish" },
    h("a", { href: "/more", "data-link": true, class: "back-link" }, icon("back", 20), t("tools.back")),
    h("h1", { class: "page-title" }, t("tools.tips.title")),
    tipForm(ctx, list),
    h("section", { class: "section", "aria-labelledby": "tips-published" },
      h("h2", { id: "tips-published", class: "section-title" }, t("tipsPublish.published")), list.element));
}

function tipForm(ctx, list) {
  const progress = h("progress", { class: "tips-progress", max: 100, value: 0, hidden: true,
    "aria-label": t("tipsPublish.uploading") });
  const submit = h("button", { type: "submit", class: "btn btn-primary" }, icon("send", 20), t("tipsPublish.submit"));
  const form = h("form", { class: "form tips-form", novalidate: true },
    h("p", { class: "form-error", role: "alert", hidden: true }),
    group(t("tipsPublish.words"), [
      field("tip", "kind", t("tipsPublish.kind"), { value: "poster",
        choices: ["poster", "guide"].map((k) => [k, t(`tips.kind.${k}`)]) }),
      field("tip", "title_en", t("publish.titleEn"), { lang: "en", maxlength: 120 }),
      field("tip", "title_zh", t("publish.titleZh"), { lang: "zh-CN", maxlength: 120 }),
      field("tip", "body_en", t("tipsPublish.bodyEn"), { lang: "en", multiline: true, maxlength: 4000 }),
      field("tip", "body_zh", t("tipsPublish.bodyZh"), { lang: "zh-CN", multiline: true, maxlength: 4000 }),
      field("tip", "tags", t("tipsPublish.tags"), { hint: t("tipsPublish.tagsHint", { tags: TAGS.join(", ") }),
        autocomplete: "off" })]),
    group(t("tipsPublish.file"), [
      field("tip", "file", t("tipsPublish.fileLabel"), { type: "file", accept: TYPES.join(","),
        hint: t("tipsPublish.fileHint") }),
      progress]),
    h("div", { class: "actions" }, submit));
  clearAsChanged(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (await publish(form, submit, progress)) {
      form.reset();
      list.reload();
    }
  });
  return form;
}

async function publish(form, submit, progress) {
  clearErrors(form);
  const v = Object.fromEntries(new FormData(form));
  const file = form.elements.file.files[0];
  if (!v.title_en.trim() && !v.title_zh.trim()) return void showFieldError(form.elements.title_en, t("host.titleMissing"));
  if (file && !TYPES.includes(file.type)) return void showFieldError(form.elements.file, t("tipsPublish.fileType"));
  if (file && file.size > MAX_BYTES) return void showFieldError(form.elements.file, t("tipsPublish.fileBig"));
  let fileId = null;
  if (file) {
    submit.disabled = true;
    try {
      fileId = await upload(file, progress);
    } catch (error) {
      showError(error, { form, names: NAMES });
      return false;
    } finally {
      submit.disabled = false;
    }
  }
  const tags = v.tags.split(/[,，\s]+/).map((tag) => tag.trim().toLowerCase()).filter(Boolean);
  const body = { kind: v.kind, title: texts(v.title_en, v.title_zh), body: texts(v.body_en, v.body_zh),
    tags, file_id: fileId };
  const result = await sendByFields(form, submit, { url: "/api/tips", body, label: "outbox.tip" }, { names: NAMES });
  if (result.state === "failed") return false;
  toast(t(result.state === "queued" ? "events.kept" : "tipsPublish.done"));
  return true;
}

/** The presigned form POST: its fields, then the file; progress as it goes. */
async function upload(file, progress) {
  const started = await request("/api/tips/files", { method: "POST",
    body: { filename: file.name, content_type: file.type, size: file.size, ...(await sizeOf(file)) } });
  const data = new FormData();
  for (const [name, value] of Object.entries(started.upload.fields ?? {})) data.append(name, value);
  data.append("file", file);
  progress.hidden = false;
  progress.value = 0;
  await new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(started.upload.method ?? "POST", started.upload.url);
    xhr.withCredentials = new URL(started.upload.url, location.href).origin === location.origin;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve()
      : reject(new ApiError(t("tipsPublish.uploadFailed"), { status: xhr.status })));
    xhr.onerror = () => reject(new ApiError(t("error.offline"), { offline: true }));
    xhr.send(data);
  });
  progress.value = 100;
  toast(t("tipsPublish.uploaded", { size: megabytes(file.size) }));
  return started.file_id;
}

/** An image's width and height (so the tip keeps its place while the poster loads). */
async function sizeOf(file) {
  if (!file.type.startsWith("image/")) return {};
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return {}; // a picture the browser cannot read: the server still takes it
  }
}

function withdrawable(tip) {
  const card = tipCard(tip);
  card.append(h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: async () => {
    if (!confirm(t("tipsPublish.withdrawConfirm"))) return;
    try {
      await request(`/api/tips/${encodeURIComponent(tip.id)}`, { method: "DELETE" });
      card.remove();
      toast(t("tipsPublish.withdrawn"));
    } catch (error) {
      showError(error);
    }
  } }, icon("trash", 18), t("tipsPublish.withdraw")));
  return card;
}
