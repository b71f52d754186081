// The upload as the editor sees it: a progress bar in bytes and parts, then processing, then
// the poster and length when ready, or why the video cannot be used, in words.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError } from "../toast.js";
import { formatDuration, formatSize, oneDecimal } from "./player.js";

const mb = (bytes) => oneDecimal(bytes / 1048576);

/** A card that follows `upload` while it is on screen; onGone() after it is removed. */
export function uploadCard(upload, { onGone }) {
  const card = h("section", { class: "card upload", "aria-labelledby": "upload-name" });
  let frame = 0;
  const update = () => {
    frame = 0;
    if (!card.isConnected && card.dataset.stage) {
      upload.removeEventListener("change", schedule);
      return;
    }
    card.dataset.stage = stageOf(upload);
    card.replaceChildren(...content(upload, { onGone }).filter(Boolean));
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(update);
  };
  upload.addEventListener("change", schedule);
  update();
  return card;
}

/** uploading, waiting (for the network), paused (an error), processing, ready or failed. */
function stageOf(upload) {
  if (upload.stage === "uploading" || upload.stage === "processing") {
    if (upload.error) return "paused";
    if (upload.waiting) return "waiting";
  }
  return upload.stage;
}

function content(upload, { onGone }) {
  const stage = stageOf(upload);
  const { draft } = upload;
  const percent = Math.floor((100 * upload.sent) / draft.size);
  const head = h("div", { class: "upload-head" },
    thumbnail(upload),
    h("div", { class: "upload-file" },
      h("p", { id: "upload-name", class: "upload-name" }, draft.filename),
      h("p", { class: "upload-size" }, formatSize(draft.size),
        upload.video?.duration_s ? ` · ${formatDuration(upload.video.duration_s)}` : "")),
    h("button", { type: "button", class: "icon-button upload-remove", "aria-label": t("publish.remove"),
      onclick: async () => {
        if (!confirm(t("publish.removeConfirm"))) return;
        try {
          await upload.discard();
          onGone();
        } catch (error) {
          showError(error);
        }
      } }, icon("trash", 20)));
  const uploading = ["uploading", "waiting", "paused"].includes(stage) && upload.stage === "uploading";
  return [head,
    uploading && h("div", { class: "upload-bar", role: "progressbar", "aria-label": t("publish.progress"),
      "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": percent,
      "aria-valuetext": t("publish.percent", { percent }) },
    bar(percent)),
    uploading && h("p", { class: "upload-numbers" },
      h("span", {}, t("publish.sent", { sent: mb(upload.sent), total: mb(draft.size) })),
      h("span", { class: "upload-parts" },
        t("publish.parts", { done: upload.done.size, count: upload.partCount }))),
    status(upload, stage, onGone)];
}

function bar(percent) {
  const fill = h("span", { class: "upload-fill" });
  fill.style.width = `${percent}%`; // CSSOM, which the Content-Security-Policy allows
  return fill;
}

function thumbnail(upload) {
  const blank = () => h("span", { class: "upload-thumb is-blank" }, icon("video", 24));
  const poster = upload.video?.poster;
  if (!poster) return blank();
  const img = h("img", { class: "upload-thumb", src: poster.url, alt: "" });
  img.addEventListener("error", () => img.replaceWith(blank()), { once: true }); // link expired
  return img;
}

function status(upload, stage, onGone) {
  const line = (kind, iconName, text, ...actions) => h("div", { class: `upload-status is-${kind}`,
    role: "status" },
  h("p", {}, iconName ? icon(iconName, 18) : h("span", { class: "spinner spinner-small" }), text),
  actions.length > 0 && h("div", { class: "row-actions" }, actions));
  const again = h("button", { type: "button", class: "btn btn-secondary btn-small",
    onclick: () => upload.run() }, t("publish.tryAgain"));
  switch (stage) {
    case "uploading":
      return line("busy", null, t("publish.uploading"));
    case "waiting":
      return line("wait", "offline", t("publish.waiting"));
    case "paused":
      return line("error", "alert", t("publish.paused", { message: upload.error.message }), again);
    case "processing":
      return line("busy", null, t("publish.processing"));
    case "ready":
      return line("ok", "check", t("publish.ready"));
    default: { // failed: the server's reason, in the person's language
      const video = upload.video || {};
      const retry = video.reason === "internal" && h("button", { type: "button",
        class: "btn btn-secondary btn-small", onclick: () => upload.retryProcessing().catch(showError) },
      t("publish.retryProcessing"));
      const other = h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: async () => {
        await upload.discard().catch(showError);
        onGone();
      } }, t("publish.chooseAnother"));
      return line("error", "alert", t("publish.failed", { reason: video.reason_message || "" }),
        retry, other);
    }
  }
}
