// Record a story (/stories/record): the camera with a countdown, a timer and HR's time limit,
// front or back; or a video chosen from the phone. Then the preview (re-take), a caption and
// tags, and the upload with its progress. A recording cut off by a crash or a closed tab is
// offered again when the screen opens.

import { get } from "../api.js";
import { h } from "../dom.js";
import { formatAgo, lang, localized, t } from "../i18n.js";
import { icon } from "../icons.js";
import { clearErrors, showError } from "../toast.js";
import * as chunks from "../video/chunk-store.js";
import { formatDuration } from "../video/player.js";
import { Camera, cameraProblem, Recording } from "../video/recorder.js";
import { progressCard } from "../ui/story-progress.js";
import { MAX_BYTES, share } from "../video/story-share.js";

const COUNTDOWN = 3;
const DEFAULT_SETTINGS = { max_seconds: 60, tags: [] };
const VIDEO_TYPES = "video/mp4,video/quicktime,video/webm,video/*";

export const title = () => t("record.title");

export function render(ctx) {
  const body = h("div", { class: "record-body" });
  const page = h("div", { class: "page page-record" },
    h("a", { href: "/stories", "data-link": true, class: "back-link" }, icon("back", 20), t("record.back")),
    h("h1", { class: "page-title" }, t("record.title")), body);
  Promise.all([settings(), chunks.recordings()]).then(([found, kept]) => {
    const screen = new RecordScreen(ctx, body, found);
    const left = kept.find((r) => ["recording", "recorded"].includes(r.state) && r.stored > 0);
    if (left) screen.offer(left);
    else screen.camera();
  }).catch(showError);
  return page;
}

async function settings() {
  try {
    return { ...DEFAULT_SETTINGS, ...await get("/api/stories/settings") };
  } catch (error) {
    console.warn("story settings unavailable: the defaults apply", error);
    return DEFAULT_SETTINGS;
  }
}

class RecordScreen {
  constructor(ctx, body, settings) {
    this.ctx = ctx;
    this.body = body;
    this.settings = settings;
    // However the person leaves (a tab, the back button), the camera goes off; a recording
    // under way is stopped and kept, to be offered next time.
    this.watchdog = setInterval(() => {
      if (body.isConnected) return;
      clearInterval(this.watchdog);
      this.recording?.stop();
      this.cam?.stop();
    }, 500);
  }

  /** A recording from an earlier visit: use it or let it go. */
  offer(kept) {
    const seconds = kept.seconds ?? kept.stored;
    this.body.replaceChildren(h("section", { class: "card record-recovered", "aria-labelledby": "recovered-title" },
      h("span", { class: "record-recovered-icon" }, icon("video", 28)),
      h("h2", { id: "recovered-title", class: "card-title" }, t("record.recovered.title")),
      h("p", {}, t("record.recovered.text", { length: formatDuration(seconds),
        ago: formatAgo(kept.startedAt) })),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "btn btn-primary", onclick: () => this.review(kept.id) },
          icon("check", 20), t("record.recovered.use")),
        h("button", { type: "button", class: "btn btn-secondary", onclick: async () => {
          await chunks.remove(kept.id);
          this.camera();
        } }, icon("trash", 20), t("record.recovered.discard")))));
  }

  /** The camera's live picture, with the record button, the switch and the file picker. */
  async camera() {
    const video = h("video", { class: "record-live", playsinline: true, muted: true, autoplay: true,
      "aria-label": t("record.live") });
    const timer = h("p", { class: "record-timer", role: "timer", "aria-live": "off" },
      `0:00 / ${formatDuration(this.settings.max_seconds)}`);
    const count = h("p", { class: "record-countdown", "aria-live": "assertive", hidden: true });
    const stage = h("div", { class: "record-stage" }, video, timer, count,
      h("p", { class: "record-limit" }, t("record.limit", { length: formatDuration(this.settings.max_seconds) })));
    const recordButton = h("button", { type: "button", class: "record-button", "aria-label": t("record.start") },
      h("span", { class: "record-button-dot" }));
    const flip = h("button", { type: "button", class: "icon-button record-flip", "aria-label": t("record.switch") },
      icon("flip", 24));
    const labelled = (control, key) => h("div", { class: "record-control" }, control,
      h("span", { class: "record-control-label", "aria-hidden": "true" }, t(key)));
    const controls = h("div", { class: "record-controls" }, labelled(flip, "record.switchShort"),
      labelled(recordButton, "record.recordShort"), labelled(this.#picker({ compact: true }), "record.chooseShort"));
    this.body.replaceChildren(stage, controls);
    this.cam = new Camera(video);
    try {
      await this.cam.start();
    } catch (error) {
      this.cam.stop();
      return this.#noCamera(error);
    }
    flip.addEventListener("click", () => this.cam.switch().catch((error) => this.#noCamera(error)));
    recordButton.addEventListener("click", () => {
      if (this.recording) this.recording.stop();
      else this.#countdown(stage, count, timer, recordButton, flip);
    });
  }

  async #countdown(stage, count, timer, button, flip) {
    button.disabled = true;
    flip.disabled = true;
    count.hidden = false;
    for (let n = COUNTDOWN; n > 0; n -= 1) {
      count.textContent = String(n);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (!stage.isConnected) return;
    }
    count.hidden = true;
    const recording = new Recording(this.cam.stream, { maxSeconds: this.settings.max_seconds });
    this.recording = recording;
    recording.addEventListener("tick", ({ detail }) => {
      timer.textContent = `${formatDuration(Math.floor(detail / 1000))} / ${formatDuration(this.settings.max_seconds)}`;
    });
    await recording.start();
    stage.classList.add("is-recording");
    button.classList.add("is-recording");
    button.setAttribute("aria-label", t("record.stop"));
    button.parentElement.querySelector(".record-control-label").textContent = t("record.stopShort");
    button.disabled = false;
    const id = await new Promise((resolve) => recording.addEventListener("stop", () => resolve(recording.id)));
    this.recording = null;
    this.cam.stop();
    if (stage.isConnected) this.review(id);
  }

  #noCamera(error) {
    const problem = cameraProblem(error);
    this.body.replaceChildren(h("section", { class: "card record-nocamera", role: "alert" },
      h("span", { class: "record-recovered-icon" }, icon("alert", 28)),
      h("h2", { class: "card-title" }, t(`record.camera.${problem}.title`)),
      h("p", {}, t(`record.camera.${problem}.text`))),
    this.#picker({ compact: false }));
  }

  /** "Choose from phone": a video file, checked for type, size and length here first. */
  #picker({ compact }) {
    const input = h("input", { type: "file", accept: VIDEO_TYPES, capture: compact ? null : "user",
      class: "visually-hidden", name: "video", onchange: async (event) => {
        const file = event.target.files[0];
        if (!file) return;
        const problem = await checkFile(file, this.settings.max_seconds);
        if (problem) {
          this.body.querySelector(".record-file-error")?.remove();
          this.body.append(h("p", { class: "form-error record-file-error", role: "alert" }, problem));
          return;
        }
        this.cam?.stop();
        this.review(await chunks.keepFile(file));
      } });
    if (compact) {
      return h("label", { class: "icon-button record-choose", "aria-label": t("record.choose") },
        icon("upload", 24), input);
    }
    return h("div", { class: "card picker" }, h("p", { class: "picker-text" }, t("record.chooseText")),
      h("label", { class: "btn btn-primary picker-button" }, icon("upload", 20), t("record.choose"), input));
  }

  /** The recording played back, a re-take, and the caption and tags to share it with. */
  async review(id) {
    const file = await chunks.assemble(id);
    if (!file) return this.camera();
    const url = URL.createObjectURL(file);
    const preview = h("video", { class: "record-preview", src: url, controls: true, playsinline: true,
      "aria-label": t("record.preview") });
    const free = () => URL.revokeObjectURL(url);
    const retake = h("button", { type: "button", class: "btn btn-secondary", onclick: async () => {
      free();
      await chunks.remove(id);
      this.camera();
    } }, icon("refresh", 20), t("record.retake"));
    const form = this.#form(id, file, free);
    this.body.replaceChildren(h("div", { class: "record-stage is-preview" }, preview),
      h("div", { class: "record-review-actions" }, retake), form);
  }

  #form(id, file, free) {
    const caption = h("textarea", { id: "story-caption", name: "caption", class: "input", rows: 3,
      maxlength: 280, "aria-describedby": "story-caption-count story-caption-error" });
    const counter = h("p", { id: "story-caption-count", class: "hint record-count" }, t("record.count", { count: 0 }));
    caption.addEventListener("input", () => {
      counter.textContent = t("record.count", { count: [...caption.value].length });
    });
    const langChoice = (code) => h("label", { class: "choice" },
      h("input", { type: "radio", name: "caption_lang", value: code, checked: code === lang }),
      h("span", {}, t(`record.lang.${code}`)));
    const tags = this.settings.tags.map((tag) => h("label", { class: "tag-choice" },
      h("input", { type: "checkbox", name: "tags", value: tag.id }),
      h("span", { lang: localized(tag.label).lang }, localized(tag.label).text)));
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, icon("send", 20), t("record.share"));
    const form = h("form", { class: "form record-form", novalidate: true },
      h("p", { class: "form-error", role: "alert", hidden: true }),
      h("div", { class: "field" }, h("label", { class: "label", for: "story-caption" }, t("record.caption")),
        caption, counter, h("p", { id: "story-caption-error", class: "field-error", hidden: true })),
      h("fieldset", { class: "field" }, h("legend", { class: "label" }, t("record.captionLang")),
        h("div", { class: "segmented" }, langChoice("en"), langChoice("zh-CN"))),
      tags.length > 0 && h("fieldset", { class: "field" },
        h("legend", { class: "label" }, t("record.tags")),
        h("div", { class: "tag-choices" }, tags), h("p", { class: "hint" }, t("record.tagsHint"))),
      h("p", { class: "hint" }, t("record.review")),
      h("div", { class: "actions" }, submit));
    form.addEventListener("change", () => { // at most 3 tags
      const boxes = [...form.querySelectorAll("input[name=tags]")];
      const chosen = boxes.filter((box) => box.checked).length;
      for (const box of boxes) box.disabled = !box.checked && chosen >= 3;
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      clearErrors(form);
      const values = { caption: caption.value.trim(), caption_lang: form.elements.caption_lang.value,
        tags: [...form.querySelectorAll("input[name=tags]:checked")].map((box) => box.value) };
      submit.disabled = true;
      try {
        const upload = await share(id, values);
        free();
        this.#sending(id, upload);
      } catch (error) {
        submit.disabled = false;
        if (error.offline) {
          free();
          return this.#sending(id, null);
        }
        showError(error, { form }); // a field's words by it (caption, tags), the rest on top
      }
    });
    return form;
  }

  /** The upload's progress, then "waiting for review"; offline: kept, goes by itself. */
  #sending(id, upload) {
    this.body.replaceChildren(progressCard(id, upload),
      h("div", { class: "actions" },
        h("a", { href: "/stories?tab=mine", "data-link": true, class: "btn btn-secondary" }, t("record.toMine"))));
  }
}

/** Why a chosen file cannot be a story, in words (null: it can). */
async function checkFile(file, maxSeconds) {
  const video = /^video\//.test(file.type) || /\.(mp4|m4v|mov|webm)$/i.test(file.name);
  if (!video) return t("record.error.notVideo");
  if (file.size > MAX_BYTES) return t("record.error.tooBig", { size: "100 MB" });
  const seconds = await durationOf(file);
  if (seconds === null) return t("record.error.damaged");
  if (Number.isFinite(seconds) && seconds > maxSeconds + 2) {
    return t("record.error.tooLong", { length: formatDuration(maxSeconds) });
  }
  return null;
}

/** A file's length in seconds (Infinity if it does not say, null if it cannot be read). */
function durationOf(file) {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const probe = document.createElement("video");
    const done = (value) => {
      URL.revokeObjectURL(url);
      resolve(value);
    };
    probe.preload = "metadata";
    probe.onloadedmetadata = () => done(probe.duration);
    // A type this browser cannot play (HEVC .mov here and there) may still be a good video:
    // the server decides.
    probe.onerror = () => done(probe.error?.code === 4 ? Infinity : null);
    probe.src = url;
  });
}
