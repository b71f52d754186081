// Resumable upload of a video straight to storage. The API signs a URL per 8 MiB part; the
// parts go up three at a time with byte-level progress, a failed part is retried with backoff
// (after the network returns, if it went), and after a drop or a reload the server's own list
// of stored parts says what is left: a finished part is never sent again. Until the editor
// publishes, the file, its video_id and the form wait in IndexedDB (store "uploads").

import { ApiError, get, request } from "../api.js";
import * as db from "../storage.js";

const STORE = "uploads"; // drafts by video_id, and what the editor typed by video_id + FORM
const FORM = "#form";
const PARALLEL = 3;
const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000]; // then the upload pauses
const STALL_MS = 60000; // no byte moved for a minute: drop the part's connection, send it again
const POLL_MS = [1000, 1000, 2000, 2000, 3000, 5000]; // processing: then every 5 s
const TYPES = { mp4: "video/mp4", m4v: "video/mp4", mov: "video/quicktime", webm: "video/webm" };
const live = new Map(); // video_id -> Upload: a view shown again finds the running upload

/** An upload and what became of it: stage is uploading, processing, ready or failed. */
export class Upload extends EventTarget {
  constructor(draft, started = null) {
    super();
    this.draft = draft; // {id, file, filename, size, partSize, stage, video, form, createdAt}
    this.done = new Set();
    this.inflight = new Map(); // part number -> bytes of it sent so far
    this.error = null;
    this.waiting = false; // for the network
    this.started = started; // the POST's answer: no need to ask where a new upload stands
    this.abort = new AbortController();
    this.running = null;
    live.set(draft.id, this);
  }

  get id() { return this.draft.id; }
  get stage() { return this.draft.stage; }
  get video() { return this.draft.video; }

  /** Bytes stored plus bytes on their way: what the progress bar shows. */
  get sent() {
    let bytes = 0;
    for (const n of this.done) bytes += this.#partSize(n);
    for (const loaded of this.inflight.values()) bytes += loaded;
    return Math.min(bytes, this.draft.size);
  }

  get partCount() { return Math.max(1, Math.ceil(this.draft.size / this.draft.partSize)); }

  /** Uploads what is missing, completes, and waits for processing; never rejects (see .error). */
  run() {
    this.running ??= this.#run().finally(() => { this.running = null; });
    return this.running;
  }

  async #run() {
    this.error = null;
    this.#changed();
    try {
      if (this.stage === "uploading") await this.#upload();
      if (this.stage === "processing") await this.#untilProcessed();
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.error = error;
      this.#changed();
    }
  }

  /** Keeps what the editor typed, so a reload loses nothing (apart from the file: no copy). */
  saveForm(form) {
    this.draft.form = form;
    return db.put(STORE, { id: formId(this.id), form });
  }

  /** Stops sending and forgets the draft (the server drops an unfinished upload itself). */
  async discard() {
    this.abort.abort();
    live.delete(this.id);
    await forgetDraft(this.id);
    if (this.stage !== "uploading") await request(`/api/videos/${this.id}`, { method: "DELETE" });
  }

  /** After publishing: the draft has become a news item. */
  async forget() {
    live.delete(this.id);
    await forgetDraft(this.id);
  }

  /** Processing again, after a failure on the server's side (reason "internal"). */
  async retryProcessing() {
    const video = await request(`/api/videos/${this.id}/retry`, { method: "POST" });
    await this.#settle("processing", video);
    return this.run();
  }

  async #upload() {
    let status = this.started ?? await this.#patiently(() => get(`/api/videos/uploads/${this.id}`));
    this.started = null;
    while (status.status === "uploading") {
      this.done = new Set(status.parts_done);
      this.#changed();
      await this.#sendAll(status.parts);
      try {
        const video = await this.#patiently(() =>
          request(`/api/videos/uploads/${this.id}/complete`, { method: "POST" }));
        return this.#settle(video.status, video);
      } catch (error) {
        if (error.code !== "upload_incomplete") throw error;
        status = await this.#patiently(() => get(`/api/videos/uploads/${this.id}`));
      }
    }
    await this.#settle("processing", null); // completed before a reload: ask how it went
  }

  async #sendAll(parts) {
    const queue = [...parts];
    let failure = null;
    const worker = async () => {
      for (let part = queue.shift(); part; part = queue.shift()) {
        try {
          await this.#send(part);
        } catch (error) {
          failure ??= error;
          queue.length = 0; // the others finish the part in hand, then stop
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
    if (failure) throw failure;
  }

  /** One part, retried until it is stored. */
  async #send(part) {
    for (let attempt = 0; ; attempt += 1) {
      this.#stopIfAborted();
      try {
        await this.#put(part);
        return this.#stored(part.part_number);
      } catch (error) {
        this.#stopIfAborted();
        if (attempt >= BACKOFF_MS.length) throw error;
        await this.#backoff(attempt);
        // Its answer may be what was lost, or its URL may have expired: ask the server
        // before sending the part again.
        part = await this.#fresh(part.part_number);
        if (!part) return;
      }
    }
  }

  #stored(number) {
    this.done.add(number);
    this.#changed();
  }

  #put(part) {
    const n = part.part_number;
    const start = (n - 1) * this.draft.partSize;
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      let stall = 0;
      const watch = () => {
        clearTimeout(stall);
        stall = setTimeout(() => xhr.abort(), STALL_MS);
      };
      const end = (error) => {
        clearTimeout(stall);
        this.abort.signal.removeEventListener("abort", stop);
        this.inflight.delete(n);
        this.#changed();
        if (error) reject(error);
        else resolve();
      };
      const stop = () => xhr.abort();
      xhr.open("PUT", part.url);
      xhr.upload.onprogress = (event) => {
        this.inflight.set(n, event.loaded);
        watch();
        this.#changed();
      };
      xhr.onload = () => end(xhr.status >= 200 && xhr.status < 300 ? null
        : new ApiError(`part ${n}: HTTP ${xhr.status}`, { status: xhr.status, code: "part_refused" }));
      xhr.onerror = xhr.onabort = xhr.ontimeout = () =>
        end(new ApiError(`part ${n}: no answer`, { code: "network", offline: true }));
      this.abort.signal.addEventListener("abort", stop);
      this.inflight.set(n, 0);
      xhr.send(this.draft.file.slice(start, start + part.size));
      watch();
    });
  }

  /** The part with a fresh URL; null if the server has it already. */
  async #fresh(number) {
    const status = await this.#patiently(() => get(`/api/videos/uploads/${this.id}`));
    if (status.parts_done.includes(number)) {
      this.#stored(number);
      return null;
    }
    const part = status.parts.find((p) => p.part_number === number);
    if (!part) throw new ApiError(`part ${number} is no longer expected`, { code: "upload_gone" });
    return part;
  }

  /** Polls the video until it is ready or failed, a little less often as time goes on. */
  async #untilProcessed() {
    for (let i = 0; ; i += 1) {
      const video = await this.#patiently(() => get(`/api/videos/${this.id}`));
      if (video.status !== "processing") return this.#settle(video.status, video);
      this.#changed();
      await sleep(POLL_MS[Math.min(i, POLL_MS.length - 1)], this.abort.signal);
    }
  }

  /** A JSON call retried through network trouble and server hiccups (not through refusals). */
  async #patiently(call) {
    for (let attempt = 0; ; attempt += 1) {
      this.#stopIfAborted();
      try {
        return await call();
      } catch (error) {
        const temporary = error instanceof ApiError && (error.offline || error.status >= 500);
        if (!temporary || attempt >= BACKOFF_MS.length) throw error;
        await this.#backoff(attempt);
      }
    }
  }

  async #backoff(attempt) {
    if (!navigator.onLine) {
      this.waiting = true;
      this.#changed();
      await untilOnline(this.abort.signal);
      this.waiting = false;
      this.#changed();
    } else {
      await sleep(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)], this.abort.signal);
    }
  }

  async #settle(stage, video) {
    // The file is not needed once storage has it all: free the phone's space.
    this.draft = { ...this.draft, stage, video: video ?? this.draft.video, file: null };
    await db.put(STORE, { ...this.draft, form: undefined }); // the form has a record of its own
    this.#changed();
  }

  #partSize(n) {
    return n < this.partCount ? this.draft.partSize
      : this.draft.size - this.draft.partSize * (this.partCount - 1);
  }

  #stopIfAborted() {
    if (this.abort.signal.aborted) throw new DOMException("discarded", "AbortError");
  }

  #changed() {
    this.dispatchEvent(new Event("change"));
  }
}

/** Starts uploading a picked or recorded file; resolves once the server has signed its parts. */
export async function startUpload(file) {
  const filename = file.name || "video.webm";
  const contentType = file.type || TYPES[filename.split(".").pop().toLowerCase()] || "";
  const started = await request("/api/videos/uploads", {
    method: "POST",
    headers: { "Idempotency-Key": crypto.randomUUID() },
    body: { filename, content_type: contentType, size: file.size },
  });
  const draft = { id: started.video_id, file, filename, size: file.size,
    partSize: started.part_size, stage: "uploading", video: null, createdAt: Date.now() };
  await db.put(STORE, draft);
  return new Upload({ ...draft, form: {} }, started);
}

/** Every upload not yet published, newest first: the running ones, and those a reload left. */
export async function pendingUploads() {
  const records = await db.all(STORE);
  const forms = new Map(records.map((r) => [r.id, r.form]));
  // A story's upload (video/story-share.js) is not a news draft.
  return records.filter((r) => !r.id.endsWith(FORM) && r.kind !== "story").sort((a, b) => b.createdAt - a.createdAt)
    .map((draft) => live.get(draft.id)
      ?? new Upload({ ...draft, form: forms.get(formId(draft.id)) ?? {} }));
}

const formId = (videoId) => videoId + FORM;

const forgetDraft = (videoId) =>
  Promise.all([db.remove(STORE, videoId), db.remove(STORE, formId(videoId))]);


function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function untilOnline(signal) {
  return new Promise((resolve) => {
    const done = () => {
      removeEventListener("online", done);
      resolve();
    };
    addEventListener("online", done);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Forgets every draft on this phone (signing out: the next person starts clean). */
export async function forgetUploads() {
  for (const upload of live.values()) upload.abort.abort();
  live.clear();
  await db.clear(STORE);
  await db.clear("recordings"); // stories recorded or kept to share (video/chunk-store.js)
}
