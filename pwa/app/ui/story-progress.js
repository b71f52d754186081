// A shared story on its way: kept on the phone (offline), uploading with a progress bar,
// processing, then waiting for review, or why it failed in words.

import { h } from "../dom.js";
import { t } from "../i18n.js";
import { icon } from "../icons.js";
import { showError } from "../toast.js";
import { oneDecimal } from "../video/player.js";
import { send } from "../video/story-share.js";

const mb = (bytes) => oneDecimal(bytes / 1048576);

/** A card following the story kept under `recordingId`; `upload` null until it can be sent. */
export function progressCard(recordingId, upload) {
  const card = h("section", { class: "card story-progress", "aria-labelledby": "story-progress-title" });
  let frame = 0;
  const show = () => {
    frame = 0;
    card.dataset.stage = stageOf(upload);
    card.replaceChildren(...content(upload));
  };
  const schedule = () => { frame ||= requestAnimationFrame(show); };
  const follow = (found) => {
    upload = found;
    upload.addEventListener("change", schedule);
    schedule();
  };
  if (upload) follow(upload);
  else {
    const online = () => {
      if (!card.isConnected) return removeEventListener("online", online);
      send(recordingId).then((found) => {
        removeEventListener("online", online);
        follow(found);
      }, (error) => error.offline || showError(error));
    };
    addEventListener("online", online);
  }
  show();
  return card;
}

function stageOf(upload) {
  if (!upload) return "kept";
  if (upload.stage === "uploading" && upload.error) return "paused";
  if (upload.stage === "uploading" && upload.waiting) return "kept";
  return upload.stage;
}

function content(upload) {
  const stage = stageOf(upload);
  const heading = h("h2", { id: "story-progress-title", class: "card-title" }, t(`share.${stage}.title`));
  if (stage === "uploading" || stage === "paused") {
    const percent = Math.floor((100 * upload.sent) / upload.draft.size);
    const fill = h("span", { class: "upload-fill" });
    fill.style.width = `${percent}%`;
    return [heading,
      h("div", { class: "upload-bar", role: "progressbar", "aria-label": t("share.progress"),
        "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": percent,
        "aria-valuetext": t("share.percent", { percent }) }, fill),
      h("p", { class: "hint" }, stage === "paused"
        ? t("share.paused", { message: upload.error.message })
        : t("share.sent", { percent, sent: mb(upload.sent), total: mb(upload.draft.size) })),
      stage === "paused" && h("button", { type: "button", class: "btn btn-secondary btn-small",
        onclick: () => upload.run() }, t("share.tryAgain"))].filter(Boolean);
  }
  const iconName = { kept: "offline", processing: "clock", ready: "check", failed: "alert" }[stage];
  const text = stage === "failed"
    ? t("share.failed.text", { reason: upload.video?.reason_message || "" })
    : t(`share.${stage}.text`);
  return [h("span", { class: `story-progress-icon is-${stage}` },
    stage === "processing" ? h("span", { class: "spinner spinner-small" }) : icon(iconName, 28)),
  heading, h("p", { role: "status" }, text),
  stage === "failed" && h("a", { href: "/stories/record", "data-link": true, class: "btn btn-primary" },
    icon("video", 20), t("share.again"))].filter(Boolean);
}
