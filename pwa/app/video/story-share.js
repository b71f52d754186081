// Sharing a story: what the person wrote is kept with the recording (chunk-store.js) before
// anything is sent, so a story shared offline, or cut off by a closed tab, goes when the
// network returns. POST /api/stories (one Idempotency-Key per story, kept with it), then the
// resumable upload of video/uploader.js, then the recording is freed from the phone.

import { ApiError, request } from "../api.js";
import { STORIES_WAITING } from "../delivery.js";
import * as chunks from "./chunk-store.js";
import { Upload } from "./uploader.js";

export const MAX_BYTES = 100 * 1024 * 1024; // the API's limit for stories
const running = new Map(); // recording id -> Promise<Upload>
const listeners = new Set();

/** Keeps the caption and tags with the recording, then sends it; resolves to its Upload. */
export async function share(recordingId, form) {
  await chunks.update(recordingId, { state: "queued", form, key: crypto.randomUUID(), error: null });
  localStorage.setItem(STORIES_WAITING, "1");
  return send(recordingId);
}

/** Sends a kept story (again): resolves to its Upload; rejects with an ApiError. */
export function send(recordingId) {
  if (!running.has(recordingId)) {
    const work = start(recordingId).finally(() => running.delete(recordingId));
    running.set(recordingId, work);
  }
  return running.get(recordingId);
}

async function start(recordingId) {
  let meta = await chunks.about(recordingId);
  const file = await chunks.assemble(recordingId);
  if (!meta || !file) throw new ApiError("recording gone", { code: "recording_gone" });
  if (!meta.videoId) {
    const { form } = meta;
    let answer;
    try {
      answer = await request("/api/stories", { method: "POST",
        headers: { "Idempotency-Key": meta.key },
        body: { caption: form.caption, caption_lang: form.caption_lang, tags: form.tags,
          filename: file.name, content_type: file.type || "video/webm", size: file.size } });
    } catch (error) {
      // A refusal is for the person to see (the story stays on the phone to try again).
      await chunks.update(recordingId, error.offline ? { state: "queued" }
        : { state: "refused", error: error.message, fields: error.fields });
      tell();
      throw error;
    }
    meta = await chunks.update(recordingId, { state: "uploading", storyId: answer.story.id,
      videoId: answer.upload.video_id, partSize: answer.upload.part_size });
    tell();
    return follow(meta, file, answer.upload);
  }
  return follow(meta, file, null);
}

function follow(meta, file, started) {
  const upload = new Upload({ id: meta.videoId, kind: "story", file, filename: file.name,
    size: file.size, partSize: meta.partSize, stage: "uploading", video: null,
    createdAt: meta.startedAt }, started);
  let freed = false;
  upload.addEventListener("change", async () => {
    if (upload.stage === "ready" || upload.stage === "failed") upload.forget();
    if (upload.stage === "uploading" || freed) return;
    freed = true; // the server has every byte: the phone's copy is no longer needed
    await chunks.remove(meta.id);
    await upload.forget();
    if (!(await waiting()).some((kept) => kept.state !== "refused")) localStorage.removeItem(STORIES_WAITING);
    tell();
  });
  upload.run();
  return upload;
}

/** Stories written on this phone and not yet on the server, newest first. */
export async function waiting() {
  return (await chunks.recordings()).filter((r) => ["queued", "uploading", "refused"].includes(r.state));
}

/** Sends every story that waits for the network (on start and when the network returns). */
export async function sendWaiting() {
  if (!navigator.onLine) return;
  const kept = (await waiting()).filter((meta) => meta.state !== "refused");
  if (!kept.length) localStorage.removeItem(STORIES_WAITING); // refused ones wait for a tap
  for (const meta of kept) send(meta.id).catch((error) => console.warn("story waits", error));
}

/** listener() when a kept story changed state. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function tell() {
  for (const listener of listeners) listener();
}

addEventListener("online", sendWaiting);
