// The news player: the rendition that suits the connection, the place where the person left
// off (kept per video on this phone), progress reported to the server (a view, then a
// completion past 90 %; through the outbox when offline) and the "please acknowledge" panel.

import { ApiError, post } from "../api.js";
import { h } from "../dom.js";
import { formatNumber, lang, t } from "../i18n.js";
import { icon } from "../icons.js";
import * as outbox from "../outbox.js";
import { showError } from "../toast.js";

const SLOW = new Set(["slow-2g", "2g", "3g"]);
const REPORT_EVERY_S = 15;
const POSITION = "together.position."; // + video_id, in localStorage

/** 360p when the person saves data or the network is slow, else 720p; any one if missing. */
export function chooseRendition(renditions, connection = navigator.connection) {
  // No Network Information API (Safari, Firefox): assume a decent network, as most are.
  const slow = Boolean(connection && (connection.saveData || SLOW.has(connection.effectiveType)));
  const wanted = slow ? "360p" : "720p";
  return renditions.find((r) => r.name === wanted) ?? renditions[0] ?? null;
}

export const formatDuration = (seconds) => {
  const s = Math.max(0, Math.round(seconds || 0));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** "44.5 MB", "820 KB": a file's size the way phones show it. */
export function formatSize(bytes) {
  const mb = bytes / 1048576;
  if (mb < 1) return t("size.kilobytes", { size: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
  return t("size.megabytes", { size: oneDecimal(mb) });
}

export const oneDecimal = (value) =>
  new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** Where the person stopped in this video last time (seconds), or 0. */
export const rememberedPosition = (videoId) => Number(localStorage.getItem(POSITION + videoId)) || 0;

/**
 * A <video> for a news item. `source` is {url, rendition}; `poster` an image URL or null;
 * onMe(me) hears the person's viewed/completed flags as the server records them.
 */
export function createPlayer(item, { source, poster, onMe = () => {} }) {
  const videoId = item.video.video_id;
  const video = h("video", { class: "player-video", playsinline: true, preload: "metadata",
    poster, "aria-label": t("watch.player") });
  const resumeAt = rememberedPosition(videoId);
  const start = h("button", { type: "button", class: "player-start" },
    h("span", { class: "player-start-icon" }, icon("play", 30)),
    h("span", { class: "player-start-text" }, resumeAt > 1
      ? t("watch.resume", { time: formatDuration(resumeAt) }) : t("watch.play")));
  const element = h("figure", { class: "player", "data-rendition": source.rendition }, video, start);
  let reportedAt = -Infinity;
  let savedAt = 0;

  const report = (force = false) => {
    const position = video.currentTime;
    if (!force && position - reportedAt < REPORT_EVERY_S) return;
    reportedAt = position;
    const duration = Number.isFinite(video.duration) ? video.duration : item.video.duration_s;
    sendProgress(item, position, duration).then((me) => me && onMe(me), showError);
  };

  start.addEventListener("click", () => {
    video.controls = true;
    start.hidden = true;
    video.play().catch(showError);
  });
  video.addEventListener("loadedmetadata", () => {
    if (resumeAt > 1 && resumeAt < video.duration - 3) video.currentTime = resumeAt;
  }, { once: true });
  video.addEventListener("playing", () => {
    start.hidden = true;
    video.controls = true;
    if (reportedAt < 0) report(true);
  });
  video.addEventListener("timeupdate", () => {
    if (Math.abs(video.currentTime - savedAt) >= 1) {
      savedAt = video.currentTime;
      localStorage.setItem(POSITION + videoId, String(savedAt.toFixed(1)));
    }
    if (!video.paused) report();
  });
  video.addEventListener("pause", () => {
    if (!video.ended && video.currentTime > 0) report(true);
  });
  video.addEventListener("ended", () => {
    localStorage.removeItem(POSITION + videoId); // next time from the start
    report(true);
  });
  video.addEventListener("error", () => showError(new ApiError(t("watch.cannotPlay"))));
  video.src = source.url;

  return {
    element,
    video,
    /** Stops playback and frees a blob: source. */
    destroy() {
      video.pause();
      if (source.url.startsWith("blob:")) URL.revokeObjectURL(source.url);
    },
  };
}

/** Reports a position; offline, the latest one waits in the outbox (older ones give way). */
async function sendProgress(item, position, duration) {
  const url = `/api/news/${item.id}/progress`;
  const body = { position_s: Math.round(position * 10) / 10 };
  if (duration > 0) body.duration_s = Math.round(duration * 10) / 10;
  if (navigator.onLine) {
    try {
      return await post(url, body);
    } catch (error) {
      if (!error.offline) throw error; // an answer: a refusal, not the network
    }
  }
  for (const entry of await outbox.list()) {
    if (entry.url === url && entry.state === "waiting") await outbox.discard(entry.id);
  }
  await outbox.enqueue({ url, body, label: "outbox.progress" });
  return null;
}

/** "Please confirm you have seen this", with its button; null when not asked for. */
export function acknowledgement(item, onMe = () => {}) {
  if (!item.must_acknowledge) return null;
  const panel = h("section", { class: "card ack", "aria-labelledby": `ack-${item.id}` });
  const show = (state) => {
    const done = state !== "ask";
    panel.classList.toggle("is-done", done);
    panel.replaceChildren(
      h("span", { class: "ack-icon" }, icon(done ? "check" : "alert", 24)),
      h("div", { class: "ack-body" },
        h("h2", { id: `ack-${item.id}`, class: "ack-title" },
          t(done ? "watch.acknowledged" : "watch.mustAcknowledge")),
        h("p", { class: "ack-text" }, t(`watch.ack.${state}`)),
        !done && h("button", { type: "button", class: "btn btn-primary", onclick: acknowledge },
          icon("check", 20), t("watch.acknowledge"))));
  };
  const acknowledge = async (event) => {
    event.currentTarget.disabled = true;
    const url = `/api/news/${item.id}/acknowledge`;
    try {
      if (!navigator.onLine) throw new ApiError(t("error.offline"), { offline: true });
      const me = await post(url, {}, { headers: { "Idempotency-Key": crypto.randomUUID() } });
      show("done");
      onMe(me);
    } catch (error) {
      if (!error.offline) {
        showError(error);
        show("ask");
        return;
      }
      await outbox.enqueue({ url, body: {}, label: "outbox.acknowledge" });
      show("queued");
      onMe({ ...item.me, acknowledged: true });
    }
  };
  show(item.me?.acknowledged ? "done" : "ask");
  return panel;
}
