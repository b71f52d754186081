// Recording a story in the app: the camera (front or back, 720p at most), MediaRecorder at a
// capped bitrate in the best type this browser has (H.264 MP4 first, then WebM), 1-second
// chunks kept in IndexedDB as they come (chunk-store.js), and a hard stop at the time limit.

import * as chunks from "./chunk-store.js";

// H.264 in MP4 plays everywhere and needs the least work on the server; WebM otherwise.
export const TYPES = ["video/mp4;codecs=avc1", "video/mp4;codecs=avc1,mp4a", "video/mp4",
  "video/webm;codecs=vp9,opus", "video/webm;codecs=vp8,opus", "video/webm"];
const VIDEO_BPS = 2_500_000; // a 60 s story stays under 20 MB
const AUDIO_BPS = 128_000;
const CHUNK_MS = 1000;
// A key frame every second: an MP4 recorder writes a fragment only at a key frame, so without
// it Chromium (156, measured) kept one chunk in 7 s instead of one a second, and a recording cut
// off before stop() came back longer than it was (3 s after 7 s of preview measured 10.8 s).
// Browsers that do not know the option ignore it.
const KEY_FRAME_MS = 1000;

/** The first type MediaRecorder can write here ("" lets the browser choose). */
export function bestType(isSupported = (type) => MediaRecorder.isTypeSupported(type)) {
  return TYPES.find((type) => isSupported(type)) ?? "";
}

/** What getUserMedia is asked for: the camera facing that way, at most 1280x720, with sound. */
export const constraints = (facing) => ({
  audio: { echoCancellation: true, noiseSuppression: true },
  video: { facingMode: { ideal: facing }, width: { ideal: 1280, max: 1280 },
    height: { ideal: 720, max: 720 }, frameRate: { ideal: 30, max: 30 } },
});

/**
 * Why the camera cannot be used, as a key: "denied" (the person or the browser said no),
 * "missing" (no camera), "busy" (another app has it), "unsupported" (no API here).
 */
export function cameraProblem(error) {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") return "unsupported";
  switch (error?.name) {
    case "NotAllowedError": case "SecurityError": return "denied";
    case "NotFoundError": case "OverconstrainedError": return "missing";
    case "NotReadableError": case "AbortError": return "busy";
    default: return "missing";
  }
}

/** The camera and microphone in a <video>; switch() turns to the other camera. */
export class Camera {
  constructor(video) {
    this.video = video;
    this.facing = "user";
    this.stream = null;
  }

  async start(facing = this.facing) {
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
      throw new DOMException("no camera API", "NotSupportedError");
    }
    const stream = await navigator.mediaDevices.getUserMedia(constraints(facing));
    this.stop();
    this.stream = stream;
    this.facing = facing;
    this.video.muted = true; // the person hears themselves otherwise
    this.video.srcObject = stream;
    this.video.classList.toggle("is-mirrored", facing === "user");
    await this.video.play().catch(() => {}); // a preview that waits for a tap is still a preview
    return stream;
  }

  switch() {
    return this.start(this.facing === "user" ? "environment" : "user");
  }

  stop() {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    if (this.video) this.video.srcObject = null;
  }
}

/**
 * One recording of `stream`, at most maxSeconds long. Emits "tick" (elapsed ms) and "stop";
 * stop() resolves to the recording's id in the chunk store (its file: chunks.assemble(id)).
 */
export class Recording extends EventTarget {
  constructor(stream, { maxSeconds = 60 } = {}) {
    super();
    this.stream = stream;
    this.maxMs = maxSeconds * 1000;
    this.type = bestType();
    this.id = null;
    this.elapsed = 0;
    this.pending = Promise.resolve(); // chunk writes, in order
  }

  async start() {
    const options = { videoBitsPerSecond: VIDEO_BPS, audioBitsPerSecond: AUDIO_BPS,
      videoKeyFrameIntervalDuration: KEY_FRAME_MS };
    if (this.type) options.mimeType = this.type;
    this.recorder = new MediaRecorder(this.stream, options);
    this.id = await chunks.begin({ mimeType: this.recorder.mimeType || this.type || "video/webm" });
    let seq = 0;
    this.recorder.addEventListener("dataavailable", ({ data }) => {
      const n = seq++;
      this.pending = this.pending.then(() => chunks.addChunk(this.id, n, data))
        .catch((error) => console.error("a recorded chunk was not kept", error));
    });
    this.stopped = new Promise((resolve) => this.recorder.addEventListener("stop", resolve, { once: true }));
    this.recorder.start(CHUNK_MS);
    this.startedAt = performance.now();
    this.timer = setInterval(() => this.#tick(), 200);
  }

  #tick() {
    this.elapsed = Math.min(this.maxMs, performance.now() - this.startedAt);
    this.dispatchEvent(new CustomEvent("tick", { detail: this.elapsed }));
    if (this.elapsed >= this.maxMs) this.stop();
  }

  /** Ends the recording (at the limit, or when the person taps stop); resolves to its id. */
  stop() {
    this.stopping ??= this.#stop();
    return this.stopping;
  }

  async #stop() {
    clearInterval(this.timer);
    if (this.recorder?.state === "recording") this.recorder.stop();
    await this.stopped;
    await this.pending; // every chunk, the last one too, is in IndexedDB
    await chunks.update(this.id, { state: "recorded", seconds: Math.round(this.elapsed / 1000) });
    this.dispatchEvent(new Event("stop"));
    return this.id;
  }

  /** Stops and forgets (leaving the screen mid-recording does NOT call this: it is kept). */
  async discard() {
    await this.stop();
    await chunks.remove(this.id);
  }
}
